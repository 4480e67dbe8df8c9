"""Right-to-left text in the article columns (issue 14): the Arabic sentences of seed 001 are
shown in visual order, right-aligned, with highlights on the right words."""

from bidi import get_display

from reviewer.resources import bundled_seeds_dir
from reviewer.tui.app import make_app
from reviewer.tui.widgets.article_view import GUTTER
from reviewer.tui.widgets.review_view import ReviewView
from reviewer.tui.wrap import has_rtl, is_rtl, visual_order

SIZE = (170, 40)


def _shown(strip) -> str:
    return "".join(seg.text for seg in strip)


async def _open_on_arabic(pilot, app):
    """Move the cursor to the first Arabic sentence of seed 001; its column view and index."""
    await pilot.pause()
    review = app.query_one(ReviewView)
    art = next(k for k, a in enumerate(review.cluster.articles) if a.id.startswith("001"))
    article = review.cluster.articles[art]
    sent = next(s.index for s in article.sentences if is_rtl(s.text))
    review._go(art, sent)
    await pilot.pause()
    view = app.pane_of(art).view
    return view, article, sent


def _line(view, article, sent, k=0):
    """(logical text, rendered strip) of the k-th line of a sentence in its column."""
    line_no = view.tops[sent] + k
    idx, start, end = view.lines[line_no]
    assert idx == sent
    text = article.sentences[sent].text.replace("\n", " ")
    return text[start:end], view.render_line(line_no - int(view.scroll_offset.y))


async def test_an_arabic_line_is_shown_in_visual_order_and_right_aligned(tmp_path, config):
    app = make_app([str(bundled_seeds_dir())], reviewer="tester", config=config,
                   sidecar=str(tmp_path / "t.review.toml"), links=[])
    async with app.run_test(size=SIZE) as pilot:
        view, article, sent = await _open_on_arabic(pilot, app)
        assert view.sentence_height(sent) >= 2  # a wrapped sentence: each line reordered on its own
        for k in range(view.sentence_height(sent)):
            logical, strip = _line(view, article, sent, k)
            assert "(" not in logical and ")" not in logical  # (python-bidi's display does not mirror)
            shown = _shown(strip)
            assert len(shown) == view.scrollable_content_region.width
            # The gutter, then blanks, then the line as python-bidi displays it, against the
            # right edge (one blank column after it, as for every line).
            assert shown[GUTTER:-1].lstrip() == get_display(logical)
            assert shown[:-1].endswith(get_display(logical))
        # logical order is not what is shown
        assert _shown(_line(view, article, sent)[1])[GUTTER:-1].strip() != _line(view, article, sent)[0]


async def test_search_highlight_falls_on_the_arabic_word(tmp_path, config):
    app = make_app([str(bundled_seeds_dir())], reviewer="tester", config=config,
                   sidecar=str(tmp_path / "t.review.toml"), links=[])
    async with app.run_test(size=SIZE) as pilot:
        view, article, sent = await _open_on_arabic(pilot, app)
        logical, _ = _line(view, article, sent)
        word = logical.split()[1]
        review = app.query_one(ReviewView)
        assert review.nav.search(word)
        review._go(review.nav.art, sent)
        await pilot.pause()
        _, strip = _line(view, article, sent)
        marked = [seg.text for seg in strip if seg.style is not None and seg.style.reverse]
        assert marked == [get_display(word)], marked


def test_visual_order_mirrors_brackets_and_keeps_every_character():
    line = "قال (مرحبا) اليوم 2021"
    shown = visual_order(line, is_rtl(line))
    assert sorted(k for k, _ in shown) == list(range(len(line)))
    text = "".join(ch for _, ch in shown)
    # python-bidi's get_display leaves brackets as they are; shown left to right they must
    # be mirrored to read "(...)" around the word.
    assert text == get_display(line).replace("(", "\0").replace(")", "(").replace("\0", ")")
    assert "2021" in text  # numbers keep their own order
    assert not has_rtl("plain English (no change)")
    assert [ch for _, ch in visual_order("abc (d)", False)] == list("abc (d)")
