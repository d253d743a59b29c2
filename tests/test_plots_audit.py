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
    drawn = " ".join(t.get_text() for ax in fig.axes for t in ax.texts)
    for v in result.voices:  # status is written, not only coloured
        assert f"{v.voice}: {v.status.upper()}" in drawn
    for h in result.hybrids:
        assert h.hybrid.replace(" x ", " ×\n") in drawn


def test_hybrids_figure_labels_all_ten_types_and_describes_the_highlight():
    fig = audit_plots.hybrids_figure("mutuality x competition")
    drawn = " ".join(t.get_text() for t in fig.axes[0].texts)
    for name in audit.control_types():
        assert name.replace(" x ", " ×\n") in drawn
    text = audit_plots.describe_hybrids("mutuality x competition")
    assert "Highlighted: mutuality x competition" in text and "benchmarking" in text
    with pytest.raises(ValueError, match="unknown control type"):
        audit_plots.describe_hybrids("markets")
