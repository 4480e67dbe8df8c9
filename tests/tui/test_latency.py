"""What keeps a key cheap (issue 15): no re-layout of the screen when a column's blank tail
changes, the cycle collector's full passes only while no key comes, and a small inspector that
keeps the other sentence of the selected link rather than the cursor's own."""

import gc

from reviewer.models import Link, SentenceRef as R
from reviewer.tui import collector
from reviewer.tui.collector import Idle
from reviewer.tui.widgets.inspector import Inspector
from reviewer.tui.widgets.review_view import ReviewView


async def test_levelling_a_late_sentence_scrolls_without_laying_out_the_screen(make, tmp_path):
    # a:0 (first line of its article) is linked to b:2 and b:1: b scrolls so that the selected
    # link's sentence stands level with a:0, which needs blank lines after b's end.
    links = [Link(R("a", 0), R("b", 2), "match", 0.7), Link(R("a", 0), R("b", 1), "match", 0.6)]
    app = make(links=links, sidecar=str(tmp_path / "t.review.toml"))
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        review = app.query_one(ReviewView)
        b = app.pane_of(1).view
        review._go(0, 0)  # the first move: the columns follow the links from now on
        await pilot.pause()
        await pilot.pause()  # b's first blank lines: its scroll range grew at a refresh,
        review.action_focus_link(1)  # and its scroll bar came (b wraps again once, at the next key)
        await pilot.pause()
        review.action_focus_link(1)  # back to the link to b:2
        await pilot.pause()
        assert int(b.scroll_offset.y) == b.tops[2] and b._pad > 0
        pad = b._pad
        layouts = []
        screen = app.screen
        refresh_layout = screen._refresh_layout
        screen._refresh_layout = lambda *a, **k: (layouts.append(1), refresh_layout(*a, **k))
        review.action_focus_link(1)  # the link to b:1
        await pilot.pause()
        assert int(b.scroll_offset.y) == b.tops[1]  # b:1 now level with a:0…
        assert 0 < b._pad != pad  # …with fewer blank lines after b's end
        assert b.virtual_size.height == len(b.lines) + b._pad
        assert b.max_scroll_y >= b.tops[1]
        assert layouts == []  # and no re-layout of the whole screen for it


async def test_a_small_inspector_shows_the_other_sentence_of_the_selected_link(make, tmp_path):
    app = make(sidecar=str(tmp_path / "t.review.toml"))
    async with app.run_test(size=(100, 22)) as pilot:
        await pilot.pause()
        app.review._go(0, 0)  # a:0, two links, the first one with two pieces of evidence
        await pilot.pause()
        text = app.query_one(Inspector).text.plain
        assert "that: A blaze at a textile" in text  # b:0, the other sentence
        assert "this: Four workers" in text  # the start of the cursor's own at least (tests/tui/test_narrow.py)
    app = make(sidecar=str(tmp_path / "t2.review.toml"))
    async with app.run_test(size=(120, 40)) as pilot:  # room enough: both
        await pilot.pause()
        app.review._go(0, 0)
        await pilot.pause()
        text = app.query_one(Inspector).text.plain
        assert "this: Four workers" in text and "that: A blaze" in text


def test_full_collections_wait_for_a_pause_in_the_keys(monkeypatch):
    now = [100.0]
    collected = []
    monkeypatch.setattr(collector.time, "monotonic", lambda: now[0])
    monkeypatch.setattr(collector.gc, "collect", lambda *a: collected.append(1) or 0)
    before = gc.get_threshold()
    idle = Idle()
    try:
        idle.install()
        assert gc.get_threshold()[2] == collector.FULL_EVERY
        idle.tick()
        assert collected == []  # no key since the start: nothing to collect
        idle.key()
        now[0] += collector.QUIET / 2
        idle.tick()
        assert collected == []  # keys still coming
        now[0] += collector.QUIET
        idle.tick()
        idle.tick()
        assert collected == [1]  # once, after the pause
        idle.settle()
        assert gc.get_freeze_count() > 0
    finally:
        idle.release()
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0


async def test_moving_to_another_column_restyles_only_its_edge_and_title(make, tmp_path):
    """h/l moves the 'current' look from one column to the next: on the columns' edges and
    titles only, so that no article view is restyled (each has 17 component classes), the
    screen is not laid out again (an edge is a coloured line, not a border), and the stylesheet
    is applied to no widget (the look is set inline, not by a class)."""
    from reviewer.tui.widgets.article_view import ArticleView
    from reviewer.tui.widgets.columns import ArticlePane

    app = make(sidecar=str(tmp_path / "t.review.toml"))
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        restyled, layouts = [], []
        for view in app.query(ArticleView):
            notify = view.notify_style_update
            view.notify_style_update = lambda n=notify: (restyled.append(1), n())
        screen = app.screen
        refresh_layout = screen._refresh_layout
        screen._refresh_layout = lambda *a, **k: (layouts.append(1), refresh_layout(*a, **k))
        panes = [p for p in app.query(ArticlePane) if p.display]
        looks = {p.index: (p.title.rich_style, p.edge.rich_style) for p in panes}
        applied = []
        update_styles = app.update_styles
        app.update_styles = lambda *a, **k: (applied.append(a), update_styles(*a, **k))
        await pilot.press("l")
        await pilot.pause()
        assert [p.index for p in panes if p.title.current] == [1] and [p.index for p in panes if p.edge.current] == [1]
        assert (panes[1].title.rich_style, panes[1].edge.rich_style) == looks[0]  # the look moved to column 1
        assert (panes[0].title.rich_style, panes[0].edge.rich_style) == looks[1]
        assert looks[0] != looks[1]
        assert restyled == [] and layouts == [] and applied == []
