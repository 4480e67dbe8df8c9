"""Side by side on every move: after each key that moves the cursor or changes the selected
link, the selected link's sentence stands on the same screen row as the cursor's sentence, also
when one of them is near the top or the end of its article. A longer synthetic cluster, so that
the columns must scroll."""

import pytest

from reviewer.models import Link, SentenceRef
from reviewer.tui.app import make_app

SIZE = (120, 30)
WORDS = "the river rose again after heavy rain in the northern hills and officials warned residents".split()


def _sentence(art: str, i: int) -> str:
    n = 4 + (i * 7 + len(art) * 3) % 13  # lengths vary, so sentences wrap to 1-3 lines
    return f"{art.upper()}{i} " + " ".join(WORDS[(i + k) % len(WORDS)] for k in range(n)) + "."


def _article(art: str, n: int) -> str:
    return " date 2024-05-02 \n" + "\n\n".join(_sentence(art, i) for i in range(n)) + "\n"


def _links() -> list[Link]:
    R = SentenceRef
    return [
        Link(R("a", 3), R("b", 26), "conflict", 0.9),  # near the top of a, near the end of b
        Link(R("a", 27), R("b", 2), "match", 0.8),  # near the end of a, near the top of b
        Link(R("a", 14), R("b", 14), "conflict", 0.7),
        Link(R("a", 14), R("b", 20), "match", 0.6),  # a second link into the same column
        Link(R("a", 14), R("c", 1), "match", 0.5),
        Link(R("b", 26), R("c", 10), "match", 0.4),
        Link(R("a", 0), R("b", 29), "match", 0.3),  # the first sentence of a, the last of b
        Link(R("a", 29), R("b", 0), "match", 0.3),  # and the other way round
    ]


@pytest.fixture
def long_app(tmp_path, monkeypatch, config):
    d = tmp_path / "long"
    d.mkdir()
    for art, n in (("a", 30), ("b", 30), ("c", 12)):
        (d / f"{art}.txt").write_text(_article(art, n), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return make_app(["long"], reviewer="tester", config=config, links=_links())


def screen_row(app, key) -> int:
    pane = app.pane_of(app._art_index[key[0]])
    assert pane is not None, f"article {key[0]} is not on screen"
    view = pane.view
    return view.region.y + view.tops[key[1]] - int(view.scroll_offset.y)


def assert_level(app) -> None:
    link = app.focused_link()
    assert link is not None
    other = link.other(app.cursor)
    pane = app.pane_of(app.cur_art)
    region = pane.view.region
    cur = screen_row(app, app.cursor)
    assert region.y <= cur < region.bottom, "the cursor is off screen"
    assert screen_row(app, other) == cur, f"{other} is not level with the cursor {app.cursor}"


async def _press(pilot, *keys):
    await pilot.press(*keys)
    await pilot.pause()
    await pilot.pause()


@pytest.mark.parametrize("keys, cursor", [
    (["j", "k"], ("a", 0)),  # b's last sentence stands at the top, in the blank lines after b (at
    # start nothing moves: each column stands at its top until the first key, test_trial_s24)
    (["G"], ("a", 29)),  # the cursor at the bottom: a scrolls further so that b:0 can stand level
    (["G", "g"], ("a", 0)),
    (["n"], ("a", 3)),  # cursor near its top, link near the end of b
    (["n", "n"], ("a", 14)),
    (["n", "n", "right_square_bracket"], ("a", 14)),
    (["n", "n", "right_square_bracket", "right_square_bracket"], ("a", 14)),  # the link into c
    (["n", "n", "right_square_bracket", "left_square_bracket"], ("a", 14)),
    (["n", "a"], ("a", 3)),
    (["n", "x"], ("a", 3)),
    (["n", "n", "right_square_bracket", "a"], ("a", 14)),
    (["n", "enter"], ("b", 26)),  # jump: now the cursor is near the end of b
    (["n", "enter", "right_square_bracket"], ("b", 26)),  # level with c:10 now
    (["n", "l"], ("b", 26)),
    (["n", "l", "h"], ("a", 3)),
    (["G", "k", "k"], ("a", 27)),  # near the end of a, link near the top of b
    (["G", "k", "k", "k", "j"], ("a", 27)),
    (["m"], ("a", 3)),
    (["N"], ("b", 26)),  # wraps round to the last open conflict
])
async def test_the_selected_link_stands_level_with_the_cursor(long_app, keys, cursor):
    app = long_app
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await _press(pilot, *keys)
        assert app.cursor == cursor
        assert_level(app)


async def test_a_search_jump_is_level(long_app):
    app = long_app
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await _press(pilot, "slash")
        await pilot.press(*"A27", "enter")
        await pilot.pause()
        await pilot.pause()
        assert app.cursor == ("a", 27)
        assert_level(app)


async def test_every_linked_column_follows_and_the_others_come_near(long_app):
    app = long_app
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await _press(pilot, "n", "n")  # a:14, links into b (two) and c
        assert_level(app)
        # c:1 is near the top of c: it cannot stand lower than its own position allows
        row = screen_row(app, ("c", 1))
        assert row <= screen_row(app, app.cursor)


async def test_two_narrow_columns_below_80(long_app):
    app = long_app
    async with app.run_test(size=(64, 22)) as pilot:
        await pilot.pause()
        assert len(app.visible_articles()) == 2
        await _press(pilot, "n")
        assert_level(app)
        top = app.query_one("#topbar").text.plain
        assert "c ▶" in top  # says which article is off screen, by name


@pytest.fixture
def four_app(tmp_path, monkeypatch, config):
    d = tmp_path / "four"
    d.mkdir()
    for art in "abcd":
        (d / f"{art}.txt").write_text(_article(art, 30), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    R = SentenceRef
    return make_app(["four"], reviewer="tester", config=config,
                    links=[Link(R("a", 20), R("d", 5), "conflict", 0.9), Link(R("b", 3), R("c", 4), "match", 0.5)])


async def test_a_link_to_an_article_off_screen_brings_it_on_screen_in_article_order(four_app):
    """Issue 13: cursor in the 4th article, its link in the 1st, three columns: both on screen,
    level; the top bar says which article is left out between. The columns keep article order
    (they stood 2, 1, 4 with the link's beside the cursor's, and a new user saw the columns swap
    places), and h / l to a column on screen never scroll (session 24's second trial)."""
    app = four_app
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert len(app.visible_articles()) == 3
        await _press(pilot, "slash")
        await pilot.press(*"D5 ", "enter")
        await pilot.pause()
        await pilot.pause()
        assert app.cursor == ("d", 5)
        assert app.focused_link().other(app.cursor) == ("a", 20)
        shown = app.visible_articles()
        assert shown == ["a", "c", "d"]  # in article order; c, on screen already, stays
        assert_level(app)
        top = app.query_one("#topbar").text.plain
        assert "[1, 3–4 of 4]" in top and "(b off screen)" in top
        await _press(pilot, "j")  # a sentence without links: the columns stay
        assert app.visible_articles() == shown
        for key, art in (("h", "c"), ("h", "a"), ("l", "c"), ("l", "d")):  # h/l follow the screen
            await _press(pilot, key)
            assert app.cursor[0] == art and app.visible_articles() == shown, (key, art)
        await _press(pilot, "h", "h", "h")  # c, a, then b from the left edge: neighbours again
        assert app.cursor[0] == "b" and app.visible_articles()[:2] == ["a", "b"]


async def test_at_start_up_the_columns_stand_in_order_and_the_first_key_brings_the_link_beside(
        tmp_path, monkeypatch, config):
    """Five articles, two columns, the first link from a:0 to e:0. The start showed e beside a
    at once, which made the columns jump when the alignment came (a later trial): the start
    shows a and b, each at its top, and the first key brings e beside a, as every move does."""
    d = tmp_path / "five"
    d.mkdir()
    for art in "abcde":
        (d / f"{art}.txt").write_text(_article(art, 6), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    R = SentenceRef
    app = make_app(["five"], reviewer="tester", config=config, links=[Link(R("a", 0), R("e", 0), "match", 0.9)])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert app.cursor == ("a", 0)
        assert app.visible_articles() == ["a", "b"]
        await _press(pilot, "j", "k")
        assert app.cursor == ("a", 0)
        assert app.visible_articles() == ["a", "e"]
        assert_level(app)
