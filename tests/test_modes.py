import pytest

from coordkit.modes import ACTIVE_MODES, ALL_MODES, MODES, Mode, parse_mode


def test_four_modes_three_active():
    assert len(ALL_MODES) == 4
    assert ALL_MODES[-1] is Mode.FATALISM
    assert [MODES[m].active for m in ALL_MODES] == [True, True, True, False]


def test_motivations_match_the_theory():
    assert {MODES[m].motivation for m in ACTIVE_MODES} == {"mastery", "connectedness", "autonomy"}
    assert MODES[Mode.FATALISM].motivation is None


def test_grid_group_cells_are_distinct():
    cells = {(MODES[m].grid, MODES[m].group) for m in ALL_MODES}
    assert cells == {("high", "high"), ("low", "high"), ("low", "low"), ("high", "low")}
    assert (MODES[Mode.HIERARCHY].grid, MODES[Mode.HIERARCHY].group) == ("high", "high")
    assert (MODES[Mode.FATALISM].grid, MODES[Mode.FATALISM].group) == ("high", "low")


def test_hood_control_types():
    assert [MODES[m].hood_control for m in ALL_MODES] == [
        "oversight", "mutuality", "competition", "contrived randomness"]


def test_injunctions_follow_taylor():
    assert MODES[Mode.HIERARCHY].injunction == "do what you're told"
    assert MODES[Mode.SOLIDARITY].injunction == "do what is right"
    assert MODES[Mode.INDIVIDUALISM].injunction == "do what you want"
    assert "difference" in MODES[Mode.FATALISM].injunction


def test_every_mode_has_benign_and_malign_forms():
    for m in ALL_MODES:
        assert MODES[m].benign and MODES[m].malign
        assert not set(MODES[m].benign) & set(MODES[m].malign)


@pytest.mark.parametrize("text, mode", [("H", Mode.HIERARCHY), ("solidarity", Mode.SOLIDARITY),
                                        (" Individualism ", Mode.INDIVIDUALISM), ("f", Mode.FATALISM),
                                        (Mode.SOLIDARITY, Mode.SOLIDARITY)])
def test_parse_mode(text, mode):
    assert parse_mode(text) is mode


def test_parse_mode_rejects_unknown_with_the_choices():
    with pytest.raises(ValueError, match="hierarchy, solidarity, individualism, fatalism"):
        parse_mode("market")


def test_the_motivation_links_say_autonomy_is_taylors_and_the_rest_the_kits():
    """Theorist review A, findings 1, 11 and 16."""
    from coordkit import modes

    doc = modes.__doc__ or ""
    assert "does not pair" not in doc and "autonomy goes with individualism" in doc
    assert "the kit's inference" in doc and "criticisms *of Taylor*" in doc
    columns = list(modes.table().columns)
    assert "motivation (autonomy Taylor's; others the kit's)" in columns
    assert "injunction (Taylor 2021a)" in columns
    assert tuple(m for m, info in modes.MODES.items() if info.active) == ACTIVE_MODES
    assert "(wise)" in modes.MODES[modes.Mode.FATALISM].critique_of_others
