import numpy as np
import pytest
from matplotlib.figure import Figure

from coordkit import plots
from coordkit.modes import ALL_MODES
from coordkit.profile import Profile

P = Profile(0.9, 0.8, 0.2, 0.3, malign_hierarchy=0.5)


def test_palette_is_okabe_ito_and_distinct():
    okabe_ito = {"#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7",
                 "#000000", "#999999"}
    assert set(plots.PALETTE.values()) <= okabe_ito
    assert len(set(plots.PALETTE.values())) == 4
    # never colour alone: every mode also has its own marker and hatch
    assert len(set(plots.MARKERS.values())) == 4 and len(set(plots.HATCHES.values())) == 4


def test_ternary_places_points_at_their_shares():
    ax = plots.ternary([P, Profile(1, 1, 1, 0)], labels=["a", "b"], regions=False)
    points = next(c for c in ax.collections if c.get_gid() == "points")
    assert len(points.get_offsets()) == 2
    assert [t.get_text().strip() for t in ax.texts] == ["a", "b"]


def test_ternary_regions_are_labelled_in_text():
    ax = plots.ternary([], regions=True)
    labels = {t.get_text() for t in ax.texts}
    assert labels == {"even mix", "mostly H", "mostly S", "mostly I", "H lagging", "S lagging", "I lagging"}


def test_region_polygons_tile_the_triangle():
    area = 0.0
    for _code, polygons in plots.profile._regions(0.5):
        for poly in polygons:
            x = poly[:, 1] + poly[:, 2] / 2  # barycentric -> cartesian
            y = poly[:, 2] * np.sqrt(3) / 2
            area += 0.5 * abs(np.dot(x, np.roll(y, 1)) - np.dot(y, np.roll(x, 1)))
    assert area == pytest.approx(np.sqrt(3) / 4)


def test_ternary_rejects_a_flat_axes_and_mismatched_labels():
    fig = Figure()
    with pytest.raises(ValueError, match="ternary"):
        plots.ternary(P, ax=fig.add_subplot())
    with pytest.raises(ValueError, match="2 labels for 1 profiles"):
        plots.ternary([P], labels=["a", "b"])


def test_profile_bars_heights_and_malign_part():
    ax = plots.profile_bars(P)
    heights = [b.get_height() for b in ax.patches[:4]]
    assert heights == pytest.approx(list(P.strengths))
    malign = {p.get_gid(): p for p in ax.patches if p.get_gid()}
    assert malign["malign-0"].get_height() == pytest.approx(0.45)
    assert malign["malign-0"].get_y() == pytest.approx(0.45)
    assert malign["malign-1"].get_height() == 0
    hatches = [b.get_hatch() for b in ax.patches[:4]]
    assert hatches == [plots.HATCHES[m] for m in ALL_MODES]


def test_profile_figure_and_update_agree_with_a_fresh_figure():
    other = Profile(0.2, 0.9, 0.7, 0.1, malign_individualism=0.3)
    updated = plots.update_profile_figure(plots.profile_figure(P), other)
    fresh = plots.profile_figure(other)
    assert updated.get_suptitle() == fresh.get_suptitle()
    assert [b.get_height() for b in updated.axes[1].patches] == pytest.approx(
        [b.get_height() for b in fresh.axes[1].patches])
    pts = lambda f: [c for c in f.axes[0].collections if c.get_gid() == "points"]  # noqa: E731
    assert len(pts(updated)) == 1
    assert np.allclose(pts(updated)[0].get_offsets(), pts(fresh)[0].get_offsets())


def test_descriptions_carry_the_numbers():
    text = plots.describe_profile(P)
    for word in ("hierarchy 0.90", "50% malign", "deficit culture: weak individualism", "Balance index"):
        assert word in text
    assert plots.describe_ternary([P, P]).count("\n- ") == 2
