"""Neutral characters (a colon, digits, a dash) at the edge of a wrapped line of mixed Arabic
and Latin text take their direction from the whole sentence, as the bidi algorithm resolves
levels per paragraph and reorders per line: "Port Authority:" stays one run with its colon
when the line breaks right after it (a line reordered on its own would put the colon on the
other side, at the line's left end)."""

from reviewer.tui.app import make_app
from reviewer.tui.widgets.article_view import GUTTER
from reviewer.tui.widgets.review_view import ReviewView
from reviewer.tui.wrap import is_rtl, line_levels, visual_order

# Our own sentence: "the spokesman of the Port Authority said: 7 boats in the harbour, and 40 hours of work".
MIXED = "قال المتحدث باسم Port Authority: 7 قوارب في الميناء، و 40 ساعة من العمل."


def _shown(line: str, rtl: bool, levels=None) -> str:
    return "".join(ch for _, ch in visual_order(line, rtl, levels))


def test_a_colon_at_the_end_of_a_line_stays_with_the_latin_words_before_it():
    rtl = is_rtl(MIXED)
    assert rtl
    cut = MIXED.index(":") + 1
    alone = _shown(MIXED[:cut], rtl)  # the line reordered on its own: the colon jumps away
    assert "Port Authority:" not in alone
    in_sentence = _shown(MIXED[:cut], rtl, line_levels(MIXED, 0, cut, rtl))
    assert "Port Authority:" in in_sentence
    assert sorted(in_sentence) == sorted(MIXED[:cut])


def test_a_line_on_its_own_is_shown_as_before():
    rtl = is_rtl(MIXED)
    assert _shown(MIXED, rtl, line_levels(MIXED, 0, len(MIXED), rtl)) == _shown(MIXED, rtl)


async def test_the_column_keeps_the_colon_beside_its_words(tmp_path, config):
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "a.txt").write_text(" date 2030-01-02 \n\n" + MIXED + "\n", encoding="utf-8")
    (folder / "b.txt").write_text(" date 2030-01-02 \n\nThe Port Authority counted 7 boats.\n", encoding="utf-8")
    cut = MIXED.index(":") + 1
    width = GUTTER + len(MIXED[:cut]) + 2  # the first line ends right after the colon
    app = make_app([str(folder)], reviewer="tester", config=config, sidecar=str(tmp_path / "t.review.toml"),
                   links=[])
    async with app.run_test(size=(2 * width + 4, 20)) as pilot:
        await pilot.pause()
        review = app.query_one(ReviewView)
        art = next(k for k, a in enumerate(review.cluster.articles) if a.id.startswith("a"))
        view = app.pane_of(art).view
        lines = [n for n, (idx, _s, _e) in enumerate(view.lines) if idx == 0]
        assert len(lines) >= 2
        idx, start, end = view.lines[lines[0]]
        assert MIXED[start:end].rstrip().endswith(":")
        shown = "".join(seg.text for seg in view.render_line(lines[0] - int(view.scroll_offset.y)))
        assert "Port Authority:" in shown


def _render(renderable, width: int) -> list[str]:
    from rich.console import Console

    console = Console(width=width, record=True, color_system=None, legacy_windows=False)
    console.print(renderable, overflow="fold")
    return [line.rstrip() for line in console.export_text().splitlines()]


def test_the_claims_detail_keeps_the_colon_beside_its_words():
    from rich.text import Text

    from reviewer.tui.visual_order import VisualLines

    cut = MIXED.index(":") + 1
    lines = _render(VisualLines(Text(MIXED), [(0, len(MIXED), "R")]), len(MIXED[:cut]) + 1)
    assert len(lines) >= 2
    assert "Port Authority:" in lines[0]
