import pandas as pd

from coordkit import modes
from coordkit.html import escape
from coordkit.scenarios import mapping_table
from coordkit.tables import full_table


def test_a_full_table_cuts_no_cell_in_html_or_text():
    table = modes.table()[["benign", "malign", "control in practice"]]
    shown = full_table(table, "The modes")
    html, text = shown._repr_html_(), repr(shown)
    for cell in table.to_numpy().ravel():
        assert escape(str(cell)) in html  # whole, as the kit's one escaping rule writes it
        assert all(word in text for word in str(cell).split())
    assert "..." not in text and text.splitlines()[0] == "The modes"
    assert "white-space:normal" in html and html.count("<tr>") == len(table) + 1


def test_a_full_table_escapes_markup_and_leaves_the_table_unchanged():
    table = pd.DataFrame({"a <b>": ["<script>x</script>"]}, index=["row & 1"])
    before = table.copy()
    html = full_table(table)._repr_html_()
    assert "<script>" not in html and "&lt;script&gt;" in html and "row &amp; 1" in html
    pd.testing.assert_frame_equal(table, before)


def test_the_plain_mapping_table_fits_as_a_full_table():
    shown = full_table(mapping_table(plain=True))
    assert "malign share of new individualism (gaming) [malign_bias_individualism]" in shown._repr_html_()
