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


def _distance_to_segment(point, a, b) -> float:
    import numpy as np

    p, a, b = (np.asarray(v, dtype=float) for v in (point, a, b))
    t = np.clip(np.dot(p - a, b - a) / np.dot(b - a, b - a), 0.0, 1.0)
    return float(np.linalg.norm(p - (a + t * (b - a))))


@pytest.mark.parametrize("which", ["hybrids", "audit", "compact"])
def test_the_hermit_is_drawn_outside_the_square_and_on_no_hybrid_line(which):
    """Theorist review (issue 13, finding 11): the hermit sat where the diagonals cross, on the oversight x
    competition line, and read as a hybrid. It is drawn outside the polar square, away from every line."""
    from matplotlib.patches import FancyArrowPatch

    result = audit.audit(audit.package("targets_and_terror_2000_05"))  # hermit engaged: its node shows
    fig = {"hybrids": lambda: audit_plots.hybrids_figure("oversight x competition"),
           "audit": lambda: audit_plots.audit_figure(result),
           "compact": lambda: audit_plots.AuditMapView(result).figure()}[which]()
    ax = fig.axes[0]
    hermit = audit_plots.POSITIONS["hermit"]
    xs, ys = zip(*(audit_plots.POSITIONS[t] for t in audit.POLAR_TYPES), strict=True)
    inside = min(xs) <= hermit[0] <= max(xs) and min(ys) <= hermit[1] <= max(ys)
    assert not inside, "the hermit must be drawn outside the square of the four polar types"
    # the hermit's marker is drawn where POSITIONS says, and labelled as outside the map
    nodes = [c for c in ax.collections if "hermit" in (c.get_gid() or "") and c.get_visible()]
    assert nodes and all(tuple(c.get_offsets()[0]) == hermit for c in nodes)
    assert audit_plots.HERMIT_LABEL == "hermit, withdrawn:\nat the centre in\nTEW 1990;\ndrawn apart here"
    assert audit_plots.HERMIT_LABEL in [t.get_text() for t in ax.texts]
    assert "outside the" not in audit_plots.HERMIT_LABEL  # issue 13, finding 6: TEW put it at the centre
    # every hybrid line, drawn or highlighted, passes well clear of it (in data units; the square's side is 1)
    lines = [p for p in ax.patches if isinstance(p, FancyArrowPatch)]
    assert len(lines) >= 6
    for line in lines:
        v = line.get_path().vertices
        clearance = min(_distance_to_segment(hermit, v[k], v[k + 1]) for k in range(len(v) - 1))
        assert clearance > 0.4, (line.get_gid(), clearance)
    # the two diagonals still cross at the centre, where nothing is drawn now
    at = audit_plots.POSITIONS
    assert all(_distance_to_segment((0.5, 0.5), at[a], at[b]) < 1e-9
               for a, b in [("oversight", "competition"), ("mutuality", "contrived randomness")])
    text = audit_plots.describe_hybrids() if which == "hybrids" else audit_plots.describe_audit(result)
    assert "outside the square" in text and "the middle" not in text
