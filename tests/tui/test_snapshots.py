"""Snapshots of the main screens (pytest-textual-snapshot). Update with:
    python3 -m pytest tests/tui/test_snapshots.py --snapshot-update
"""


def test_main_screen_120x40(make, snap_compare):
    assert snap_compare(make(), terminal_size=(120, 40), press=["j"])


def test_main_screen_80x24(make, snap_compare):
    assert snap_compare(make(), terminal_size=(80, 24))


def test_conflict_with_evidence_and_labels(make, snap_compare):
    assert snap_compare(make(), terminal_size=(120, 40), press=["2", "5", "a"])


def test_help_screen(make, snap_compare):
    assert snap_compare(make(), terminal_size=(120, 40), press=["question_mark"])
