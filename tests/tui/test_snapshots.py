"""Snapshots of the main screens (pytest-textual-snapshot). Update with:
    python3 -m pytest tests/tui/test_snapshots.py --snapshot-update
"""


def test_main_screen_120x40(make, snap_compare):
    assert snap_compare(make(), terminal_size=(120, 40), press=["j"])


def test_main_screen_80x24(make, snap_compare):
    assert snap_compare(make(), terminal_size=(80, 24))


def test_two_narrow_columns_60x20(make, snap_compare):
    """Below 76 columns: two narrow columns, the third article named as off screen."""
    assert snap_compare(make(), terminal_size=(60, 20), press=["n"])


def test_help_screen_80x24(make, snap_compare):
    assert snap_compare(make(), terminal_size=(80, 24), press=["question_mark"])


def test_decided_conflict_and_filter_80x24(make, snap_compare):
    """An accepted conflict shows ≢ (not ≠); under the conflicts filter the others are grey."""
    async def run_before(pilot):
        await pilot.pause()
        await pilot.press("a", "f", "j")
        await _saved(pilot)

    assert snap_compare(make(), terminal_size=(80, 24), run_before=run_before)


async def _saved(pilot):
    app = pilot.app
    for _ in range(100):
        if not app.workspace.dirty:
            break
        await pilot.pause(0.05)
    assert not app.workspace.dirty, "the autosave did not happen"
    app.clear_notifications()
    app.review.end_flash()  # the status bar's last message: its timer must not decide the picture
    await pilot.pause()


async def _tag_accept_and_wait_for_the_save(pilot):
    """Two labels and an accepted conflict, then the autosave awaited and the toasts cleared:
    the picture must not depend on how fast the autosave or the toasts are."""
    app = pilot.app
    await pilot.pause()
    await pilot.press("2", "5", "a")
    for _ in range(100):
        if not app.workspace.dirty:
            break
        await pilot.pause(0.05)
    assert not app.workspace.dirty, "the autosave did not happen"
    app.clear_notifications()
    app.review.end_flash()  # the status bar's last message: its timer must not decide the picture
    await pilot.pause()


def test_conflict_with_evidence_and_labels(make, snap_compare):
    assert snap_compare(make(), terminal_size=(120, 40), run_before=_tag_accept_and_wait_for_the_save)


def test_help_screen(make, snap_compare):
    assert snap_compare(make(), terminal_size=(120, 40), press=["question_mark"])


def test_claims_screen_120x40(make, snap_compare):
    assert snap_compare(make(), terminal_size=(120, 40), press=["c", "f"])
