"""Which articles the column slots show (reviewer.tui.layout)."""

import pytest

from reviewer.tui.layout import column_step, describe_hidden, window


def test_a_run_of_neighbours_moves_as_little_as_it_can():
    assert window(0, 0, None, 5, 3) == [0, 1, 2]
    assert window(0, 3, None, 5, 3) == [1, 2, 3]
    assert window(2, 2, 0, 5, 3) == [0, 1, 2]  # the link's article fits in the run
    assert window(0, 0, 0, 1, 3) == [0]


def test_a_far_link_is_shown_with_a_gap_in_article_order():
    assert window(1, 3, 0, 4, 3) == [0, 2, 3]  # nothing outside 0..3: one from between
    assert window(1, 3, 0, 4, 3, keep=[1, 2, 3]) == [0, 2, 3]  # the cursor's neighbour stays
    assert window(2, 4, 0, 6, 3) == [0, 4, 5]  # the slot after the cursor's filled
    assert window(0, 0, 5, 6, 3) == [0, 1, 5]  # from between: the cursor's neighbour
    assert window(0, 0, 4, 6, 4) == [0, 1, 4, 5]
    assert window(0, 5, 1, 6, 3) == [0, 1, 5]
    assert window(0, 0, 5, 6, 2) == [0, 5]
    assert window(0, 5, 0, 6, 2) == [0, 5]


def test_slots_that_hold_both_stay():
    assert window(0, 3, 0, 4, 3, keep=[0, 2, 3]) == [0, 2, 3]
    assert window(0, 3, None, 4, 3, keep=[0, 2, 3]) == [0, 2, 3]
    assert window(0, 1, None, 4, 3, keep=[0, 2, 3]) == [0, 1, 2]  # the cursor left them


def test_a_move_to_a_column_on_screen_never_scrolls():
    # h from the 4th article into the 3rd, whose link is in the 1st: the run stays (stay=True)
    assert window(1, 2, 0, 4, 3, keep=[1, 2, 3], stay=True) == [1, 2, 3]
    assert window(1, 2, 0, 4, 3, keep=[1, 2, 3]) == [0, 1, 2]  # another move brings the link in
    assert window(1, 0, None, 4, 3, keep=[1, 2, 3], stay=True) == [0, 1, 2]  # off screen: scrolls


def test_describe_hidden():
    assert describe_hidden([0, 2, 3], 5) == ([], [1], [4])
    assert describe_hidden([1, 2], 3) == ([0], [], [])
    assert describe_hidden([1, 0, 3], 4) == ([], [2], [])


def test_h_and_l_follow_the_slots_on_screen():
    # after a link jump the slots stand out of article order: 1, 0, 4 of five articles
    order = [1, 0, 4]
    assert column_step(order, 0, -1, 5) == 1 and column_step(order, 0, +1, 5) == 4
    assert column_step(order, 4, -1, 5) == 0
    # from an edge, what is left out is reachable
    assert column_step(order, 4, +1, 5) == 3 and column_step(order, 1, -1, 5) == 2
    # a plain run of neighbours scrolls at its edges, and stops at the first and last article
    assert column_step([1, 2, 3], 3, +1, 5) == 4 and column_step([1, 2, 3], 1, -1, 5) == 0
    assert column_step([0, 1, 2], 0, -1, 5) is None and column_step([2, 3, 4], 4, +1, 5) is None


def test_one_column_shows_the_cursors_article_whatever_the_link():
    # a 50-column terminal: one slot; the selected link's article is elsewhere (trial, stop 25:
    # the slot showed article 0 while the cursor was on article 2)
    for cur in range(4):
        for want in (None, 0, 1, 2, 3):
            assert window(0, cur, want, 4, 1) == [cur]
            assert window(3, cur, want, 4, 1, keep=[3]) == [cur]


@pytest.mark.parametrize("shown", [1, 2, 3])
def test_the_window_never_holds_more_slots_than_shown(shown):
    for cur in range(6):
        for want in (None, *range(6)):
            got = window(0, cur, want, 6, shown)
            assert len(got) == shown and cur in got
