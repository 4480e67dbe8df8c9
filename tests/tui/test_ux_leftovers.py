"""Leftovers of a new-user trial: Arabic typed in the note and search boxes is shown in the
order it reads (stored as typed), and more."""

from bidi import get_display
from textual.widgets import Input, Static

from reviewer.tui.screens import NoteScreen, SearchScreen
from reviewer.tui.widgets.inspector import Inspector
from reviewer.tui.widgets.top_bar import TopBar
from tests.tui.pilot_helpers import open_claims

SIZE = (150, 40)
# Our own words: "the bridge is closed" and "the port".
NOTE = "الجسر مغلق"
WORD = "الميناء"


def _plain(widget: Static) -> str:
    return str(widget.render())


async def test_an_arabic_note_reads_right_to_left_in_its_box_and_the_inspector(make):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "e")
        await pilot.pause()
        assert isinstance(app.screen, NoteScreen)
        app.screen.query_one(Input).value = NOTE
        await pilot.pause()
        shown = app.screen.query_one("#note-shown", Static)
        assert shown.display and get_display(NOTE) in _plain(shown)
        await pilot.press("enter")
        await pilot.pause()
        assert app.session.notes_by[("a", 1)] == NOTE  # stored as typed
        text = app.query_one(Inspector).text.plain
        assert get_display(NOTE) in text and NOTE not in text


async def test_a_latin_note_has_no_second_line(make):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one(Input).value = "plain words"
        await pilot.pause()
        assert not app.screen.query_one("#note-shown", Static).display


async def test_an_arabic_search_reads_right_to_left_in_its_box_and_the_messages(make):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        app.screen.query_one(Input).value = WORD
        await pilot.pause()
        shown = app.screen.query_one("#search-shown", Static)
        assert shown.display and get_display(WORD) in _plain(shown)
        await pilot.press("enter")
        await pilot.pause()
        said = app.review.message  # nothing found in the synthetic cluster
        assert said.startswith("nothing found") and get_display(WORD) in said and WORD not in said


async def test_m_under_a_filter_lands_on_a_sentence_the_filter_shows(make):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f")
        assert app.filter_mode == "conflicts"
        await pilot.press("m")  # a:1 has only matches: greyed out, stepped over
        assert app.cursor == ("a", 2)


async def test_m_says_why_when_the_filter_greys_out_every_link_to_review(make):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f", "f", "f")
        assert app.filter_mode == "tagged"  # nothing is tagged: every sentence is grey
        await pilot.press("m")
        assert app.cursor == ("a", 0)
        assert "greys out" in app.review.message and "tagged" in app.review.message
        await pilot.press("n")
        assert app.cursor == ("a", 0) and "open conflict" in app.review.message


async def test_enter_to_a_greyed_out_sentence_says_so(make):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f", "f", "f", "enter")
        assert app.cursor == ("b", 0)
        assert "b:0 is greyed out by the filter" in app.review.message


async def test_n_on_the_claims_screen_goes_to_the_next_contested_claim(make):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_claims(pilot)
        contested = [r for r, cid in enumerate(screen.board.rows) if screen.board.claims.claim(cid).contested]
        assert len(contested) >= 2 and screen.board.row in contested
        start = screen.board.row
        await pilot.press("n")
        assert screen.board.row in contested and screen.board.row != start
        await pilot.press("N")
        assert screen.board.row == start
        b = screen.board  # only the uncontested claims left in the list: n says so
        b.rows, b.row = [cid for cid in b.rows if not b.claims.claim(cid).contested], 0
        await pilot.press("n")
        assert "no contested claim" in screen.message


async def test_a_read_only_folder_is_said_at_start_up_and_review_goes_on(make, cluster_dir, monkeypatch):
    import os

    real = os.access
    # the tests run as root, whom permissions do not stop: the folder answers as a read-only one
    monkeypatch.setattr(os, "access", lambda p, mode, *a, **kw:
                        False if os.path.abspath(p) == os.path.abspath(cluster_dir) else real(p, mode, *a, **kw))
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        said = [str(n.message) for n in app._notifications]
        assert any("is read-only: changes can't be saved here" in m and "Save as" in m for m in said), said
        assert not app.store.read_only  # not blocked: the review goes on
        await pilot.press("a")
        assert app.session.by_sentence[("a", 0)][0].decision == "accepted"


async def test_a_writable_folder_says_nothing_of_it(make):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not any("read-only" in str(n.message) for n in app._notifications)
