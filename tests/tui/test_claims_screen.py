"""The claims screen driven with real key presses: keys → state, decisions in the sidecar, one
undo for a whole claim. The cluster (tests/helpers.py): a0 ≈ c0 (b0 contradicts both),
a1 ≈ b1 ≈ c1, a2 ≠ b2, the other sentences alone."""

import tomllib

from reviewer.tui.screens.claims import ClaimsScreen
from tests.tui.pilot_helpers import open_claims, run_palette

SIZE = (120, 40)


def sidecar(cluster_dir):
    return tomllib.loads((cluster_dir / "tester.review.toml").read_text(encoding="utf-8"))


async def wait_saved(pilot):
    for _ in range(100):
        if not pilot.app.workspace.dirty:
            return
        await pilot.pause(0.05)
    raise AssertionError("the autosave did not happen")


def rows(screen):
    return [sorted(screen.board.claims.claim(cid).sentences) for cid in screen.board.rows]


async def test_c_opens_the_claims_of_the_cursor_and_sorts_and_filters(make):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_claims(pilot)
        # most sources first; the cursor is on the claim of the columns' cursor (a:0)
        assert rows(screen)[0] == [("a", 1), ("b", 1), ("c", 1)]
        assert sorted(screen.board.current().sentences) == [("a", 0), ("c", 0)]
        assert screen.board.current().contradicted_by == ["b"]
        await pilot.press("s")  # contested first
        assert screen.board.sort == "conflicts"
        assert all(screen.board.claim_at(i).conflicts for i in range(4))
        assert not screen.board.claim_at(4).conflicts
        await pilot.press("s", "s")
        assert screen.board.sort == "sources"
        await pilot.press("f")  # contested only: {a0,c0}, {b0}, {a2}, {b2}
        assert sorted(map(tuple, rows(screen))) == [(("a", 0), ("c", 0)), (("a", 2),), (("b", 0),), (("b", 2),)]
        await pilot.press("f", "escape")
        await pilot.pause()
        assert not isinstance(app.screen, ClaimsScreen)


async def test_accepting_a_claim_is_one_step_saved_and_undone_whole(make, cluster_dir):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await open_claims(pilot)
        await pilot.press("g", "a")  # the claim a1 ≈ b1 ≈ c1: both its match links at once
        await wait_saved(pilot)
        got = {(l["a"]["article"], l["a"]["sentence"], l["b"]["article"], l["b"]["sentence"], l["decision"])
               for l in sidecar(cluster_dir)["links"]}
        assert got == {("a", 1, "b", 1, "accepted"), ("a", 1, "c", 1, "accepted")}
        await pilot.press("u")  # one undo restores both
        await wait_saved(pilot)
        assert sidecar(cluster_dir)["links"] == []
        assert all(l.decision is None for l in app.session.links)
        await pilot.press("ctrl+r", "x")  # redo, then reject the claim: it falls apart into three
        await wait_saved(pilot)
        assert {l["decision"] for l in sidecar(cluster_dir)["links"]} == {"rejected"}
        assert len(sidecar(cluster_dir)["links"]) == 2
        screen = app.screen
        assert sorted(screen.board.current().sentences) == [("a", 1)]  # the cursor stays with a:1
        await pilot.press("u")
        assert {l.decision for l in app.session.links if l.a == ("a", 1)} == {"accepted"}


async def test_a_label_on_a_claim_tags_every_sentence_and_undoes_at_once(make, cluster_dir):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await open_claims(pilot)
        await pilot.press("g", "5")
        await wait_saved(pilot)
        tagged = {(t["article"], t["sentence"], t["label"]) for t in sidecar(cluster_dir)["tags"]}
        assert tagged == {("a", 1, "key-claim"), ("b", 1, "key-claim"), ("c", 1, "key-claim")}
        await pilot.press("u")
        await wait_saved(pilot)
        assert sidecar(cluster_dir)["tags"] == []


async def test_enter_goes_to_the_claims_sentence_in_the_selected_source(make):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await open_claims(pilot)
        await pilot.press("g", "l", "enter")  # source B of the claim a1 ≈ b1 ≈ c1
        await pilot.pause()
        assert not isinstance(app.screen, ClaimsScreen)
        assert app.cursor == ("b", 1)
        await open_claims(pilot)
        # back on the claims screen, on the claim of the new cursor; b0 is the other version of a0 ≈ c0
        assert sorted(app.screen.board.current().sentences) == [("a", 1), ("b", 1), ("c", 1)]
        await pilot.press("escape", "g", "c")  # from a:0 (g: the first sentence of column b is b:0)
        await pilot.pause()
        assert app.screen.board.current().sentences == [("b", 0)]
        await pilot.press("h", "enter")  # A does not state {b0}: it states the conflicting version a0
        await pilot.pause()
        assert app.cursor == ("a", 0)


async def test_palette_opens_the_claims_screen(make):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await run_palette(pilot, "Claims")
        assert isinstance(app.screen, ClaimsScreen)


async def test_read_only_refuses_claim_decisions(make, cluster_dir):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.store.read_only_reason = "opened read-only for the test"
        await open_claims(pilot)
        await pilot.press("g", "a", "5")
        assert all(l.decision is None for l in app.session.links)
        assert not app.session.tags_by


async def test_undo_on_the_claims_screen_says_what_it_takes_back(make):
    """The history is shared with the columns view: a note written there and undone here is
    named in the message, never taken back silently (found in a new-user trial)."""
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        await pilot.pause()
        await pilot.press(*"toll differs", "enter")
        await pilot.pause()
        await open_claims(pilot)
        await pilot.press("u")
        await pilot.pause()
        assert app.screen.message.startswith("undone: a note on a:0"), app.screen.message


async def test_a_narrow_claims_screen_gives_the_claim_the_whole_bottom_panel(make):
    for size, matrix in (((80, 24), False), (SIZE, True)):
        app = make()
        async with app.run_test(size=size) as pilot:
            screen = await open_claims(pilot)
            box = screen.query_one("#claims-detail-box")
            assert screen.query_one("#claims-matrix").display is matrix
            if not matrix:
                assert box.outer_size.width == size[0]



async def test_small_screen_opens_on_the_selected_claim_and_names_the_letters(tmp_path, config):
    """80x24: the claim of the cursor's sentence is on screen when the claims screen opens (it
    used to be drawn before the table had its height), and the detail says what its letters stand for."""
    from reviewer.models import Link, SentenceRef
    from reviewer.tui.app import make_app

    for name in ("north", "south"):
        body = "\n\n".join(f"Report {name} line {k} says the river rose by {k} metres." for k in range(30))
        (tmp_path / f"{name}.txt").write_text(body, encoding="utf-8")
    links = [Link(SentenceRef("north", k), SentenceRef("south", k), "match", 0.9) for k in range(30)]
    app = make_app([str(tmp_path)], reviewer="tester", config=config, links=links)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(*"j" * 25, "c")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ClaimsScreen)
        table = screen.table
        h = table.scrollable_content_region.height - 1
        y0 = int(table.scroll_offset.y)
        assert screen.board.row >= h  # far enough down to need a scroll
        assert y0 <= screen.board.row < y0 + h
        assert "A north" in str(screen._detail()) and "B south" in str(screen._detail())


async def test_accepting_a_flagged_claim_takes_a_second_key(make, cluster_dir):
    """A claim whose sentences disagree among themselves (match, match and a conflict between
    them) is not accepted whole by one key: the first says why, the second accepts."""
    from reviewer.models import Link, SentenceRef as R

    triangle = [Link(R("a", 3), R("b", 1), "match", 0.8), Link(R("b", 1), R("c", 2), "match", 0.7),
                Link(R("a", 3), R("c", 2), "conflict", 0.6)]
    app = make(links=triangle)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "j", "j", "c")
        await pilot.pause()
        screen = app.screen
        claim = screen.board.current()
        assert claim.flags == ["triangle"]
        await pilot.press("a")
        await pilot.pause()
        assert all(l.decision is None for l in screen.board.match_links(claim))
        assert "press a again" in screen.message
        await pilot.press("a")
        await pilot.pause()
        assert all(l.decision == "accepted" for l in screen.board.match_links(screen.board.current()))


def screen_lines(app) -> list[str]:
    return ["".join(seg.text for seg in strip) for strip in app.screen._compositor.render_strips()]


async def test_claims_keys_help_wraps_under_the_description_and_closes_with_question_mark(make):
    """`?` on the claims screen: a long description went on at the left edge of the box, under
    the keys column ("│ in the columns view"); it now goes on under its own column, and `?`
    closes the box again as it does in the columns view."""
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_claims(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert not isinstance(app.screen, ClaimsScreen)
        lines = [line.split("│")[1] for line in screen_lines(app) if line.count("│") >= 2]
        (enter,) = [i for i, line in enumerate(lines) if line.lstrip("• ").startswith("enter")]
        start = lines[enter].index("the claim's")
        more = lines[enter + 1]  # the rest of the enter line's description
        assert more[:start].strip() == "" and more[start:].strip(), lines[enter:enter + 2]
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, ClaimsScreen)


async def test_claims_news_goes_to_a_status_line_and_covers_no_claim_text(make):
    """After a on the claims screen the news ("claim …: 2 match links accepted") stands in the
    screen's own status line, as on the columns view, not in a toast over the claim's sentences
    (found in a new-user trial at 80x24)."""
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_claims(pilot)
        await pilot.press("g", "a")
        await pilot.pause()
        screen = app.screen
        assert not app._notifications, [n.message for n in app._notifications]
        status = screen.query_one("#claims-status")
        line = status.render().plain
        assert "match links accepted" in line and "tester" in line, line
        assert status.region.y == 22  # the line over the keys line, the bottom panel above it untouched
        assert screen.query_one("#claims-bottom").region.bottom <= status.region.y


async def test_a_long_claims_message_is_shown_whole_at_80x24(make):
    """At 80×24 the flagged claim's message ("… press a again to accept …") was cut at the right
    edge of the status line with the key to press lost; it now takes two lines, and the line
    goes back to one when the news goes."""
    from reviewer.models import Link, SentenceRef as R

    triangle = [Link(R("a", 3), R("b", 1), "match", 0.8), Link(R("b", 1), R("c", 2), "match", 0.7),
                Link(R("a", 3), R("c", 2), "conflict", 0.6)]
    app = make(links=triangle)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j", "j", "j", "c")
        await pilot.pause()
        screen = app.screen
        await pilot.press("a")
        await pilot.pause()
        status = screen.query_one("#claims-status")
        assert status.region.height == 2
        shown = " ".join(line.strip() for line in screen_lines(app)[status.region.y:status.region.bottom])
        assert screen.message in shown.replace("▸ ", ""), shown
        assert "no changes" in shown  # the saved state: nothing changed yet
        assert screen.query_one("#claims-bottom").region.bottom <= status.region.y
        screen.end_flash()
        await pilot.pause()
        assert status.region.height == 1


async def test_claim_rows_cut_at_the_edge_end_in_an_ellipsis(make):
    """A claim's text longer than its row was cut mid-word with nothing to say so: it now ends
    in `…`, and a text that fits is left whole."""
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_claims(pilot)
        table = app.screen.table
        lines = screen_lines(app)[table.region.y + 1:table.region.bottom]
        room = table.scrollable_content_region.width - 12 - 3 * len(table.board.articles) - 11
        cut = whole = 0
        for r, line in enumerate(lines):
            if r + int(table.scroll_offset.y) >= len(table.board.rows):
                break
            text = table._text(table.board.claim_at(r + int(table.scroll_offset.y)).id)
            shown = line[12 + 3 * len(table.board.articles) + 11:].rstrip(" ▁▂▃▄▅▆▇█")
            if len(text) > room:
                cut += 1
                assert shown.endswith("…") and text.startswith(shown[:-1]), (shown, text)
            else:
                whole += 1
                assert shown == text
        assert cut and whole


async def test_the_claims_top_line_keeps_the_sort_at_80_columns(make):
    """At 80 columns the top line was cut at "sort:" (what the sort was, lost); it now leaves out
    the count of shared claims first and keeps the sort and the filter whole."""
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_claims(pilot)
        await pilot.press("f")
        await pilot.pause()
        top = screen_lines(app)[0]
        assert "sort: most sources first" in top and "filter: contested" in top, top
        assert "stated by more than one" not in top
    async with make().run_test(size=(160, 24)) as pilot:
        await open_claims(pilot)
        top = screen_lines(pilot.app)[0]
        assert "stated by more than one" in top and "sort: most sources first" in top, top
