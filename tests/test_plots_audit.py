"""Audit figures: drawn and described from the same audit, never colour alone."""

import pytest

from coordkit import audit
from coordkit.plots import audit as audit_plots


@pytest.mark.parametrize("name", list(audit.packages()))
def test_audit_description_names_every_voice_and_the_verdict(name):
    result = audit.audit(audit.package(name))
    text = audit_plots.describe_audit(result)
    assert result.verdict in text
    for voice in audit.VOICES:
        assert voice in text
    fig = audit_plots.audit_figure(result)
    shown = [t for ax in fig.axes for t in ax.texts if t.get_visible()]
    drawn = " ".join(t.get_text() for t in shown)
    rows = {t.get_text(): t.get_position()[1] for t in fig.axes[1].texts if t.get_visible()}
    for v in result.voices:  # status is written, not only coloured, on the voice's own row
        assert f"{v.voice}:" in rows and v.status.upper() in drawn
        assert any(t.get_text() == v.status.upper() and t.get_position()[1] == rows[f"{v.voice}:"]
                   for t in fig.axes[1].texts), v.voice
        assert v.reason in text  # the whole reason is in the description
    for h in result.hybrids:
        assert h.hybrid.replace(" x ", " ×\n") + f"\n({len(h.instruments)} instrument" in drawn
    assert ("USED IN" if result.contrived_randomness else "NOT USED") in drawn


def test_updating_an_audit_figure_in_place_matches_drawing_it_afresh():
    first, second = (audit.audit(audit.package(p)) for p in ("hsca_2012", "internal_market_1991"))
    moved = audit_plots.AuditView(second).update(audit_plots.AuditView(first).figure())
    fresh = audit_plots.AuditView(second).figure()

    def visible(fig):
        return sorted((t.get_text(), t.get_position())
                      for ax in fig.axes for t in ax.texts if t.get_visible())

    assert visible(moved) == visible(fresh)
    assert moved.axes[0].get_title() == fresh.axes[0].get_title()


def test_hybrids_figure_labels_all_ten_types_and_describes_the_highlight():
    fig = audit_plots.hybrids_figure("mutuality x competition")
    drawn = " ".join(t.get_text() for t in fig.axes[0].texts)
    for name in audit.control_types():
        assert name.replace(" x ", " ×\n") in drawn
    text = audit_plots.describe_hybrids("mutuality x competition")
    assert "Highlighted: mutuality x competition" in text and "benchmarking" in text
    with pytest.raises(ValueError, match="unknown control type"):
        audit_plots.describe_hybrids("markets")
