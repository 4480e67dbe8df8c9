"""Right-to-left text in the claims screen's detail (issue 14): the Arabic sentence of a claim in
seeds/001 is drawn in visual order (python-bidi's get_display), read from the right, while the
claim's sentences stay in logical order."""

from bidi import get_display

from reviewer.models import Link, SentenceRef
from reviewer.resources import bundled_seeds_dir
from reviewer.tui.app import make_app
from tests.tui.pilot_helpers import open_claims

ART = "001_95906788527a028a"
AR, AR_LONG = 11, 10  # "I'm fine, praise God…" in Arabic, a long Arabic sentence
OTHER = SentenceRef("000_cd086ea5a5d99049", 0)  # a sentence of another article (claims span articles)


def _app(tmp_path, config, links):
    return make_app([str(bundled_seeds_dir())], reviewer="tester", config=config,
                    sidecar=str(tmp_path / "t.review.toml"), links=links)


async def _open_claims_on(pilot, app, sent: int):
    await pilot.pause()
    app.review._go(app._art_index[ART], sent)
    await pilot.pause()
    return await open_claims(pilot)


def _drawn(screen) -> list[str]:
    """The detail's lines as the widget draws them (its own render, at its content width)."""
    detail = screen.query_one("#claims-detail")
    return [strip.text.rstrip() for strip in detail.render_lines(detail.content_region.reset_offset)]


async def test_claims_detail_shows_an_arabic_sentence_in_visual_order(tmp_path, config):
    link = Link(OTHER, SentenceRef(ART, AR), "match", 0.9)
    app = _app(tmp_path, config, [link])
    async with app.run_test(size=(160, 40)) as pilot:
        screen = await _open_claims_on(pilot, app, AR)
        text = app.session.sentences[(ART, AR)].text
        assert (ART, AR) in screen.board.current().sentences
        lines = _drawn(screen)
        prefix = f"✓ B:{AR} "
        (line,) = [l for l in lines if l.startswith(prefix)]  # 88 characters: one line
        shown = line[len(prefix):]
        assert shown == get_display(text)
        assert shown != text  # not the logical order
        assert shown.startswith(get_display("العراق."))  # the last word, drawn at the left
        # The English sentence of the claim is drawn as it is.
        english = app.session.sentences[(OTHER.article, OTHER.sentence)].text
        assert any(l.startswith(f"✓ A:{OTHER.sentence} ") and english[:40] in l for l in lines)
        assert app.session.sentences[(ART, AR)].text == text  # logical order kept


async def test_a_wrapped_arabic_sentence_reads_from_the_right_line_by_line(tmp_path, config):
    link = Link(OTHER, SentenceRef(ART, AR_LONG), "match", 0.8)
    app = _app(tmp_path, config, [link])
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await _open_claims_on(pilot, app, AR_LONG)
        text = app.session.sentences[(ART, AR_LONG)].text
        lines = _drawn(screen)
        k = next(i for i, l in enumerate(lines) if l.startswith(f"✓ B:{AR_LONG} "))
        first, second = lines[k], lines[k + 1]
        words = text.split()
        assert first.endswith(get_display(words[0]))  # the first word at the right end
        assert get_display(words[1]) in first
        # the next screen line goes on with the words after the first line's
        assert not second.startswith("✓") and get_display(words[-1]) in "".join(lines[k + 1:k + 6])
        # every word of the sentence is drawn once, each the right way round
        drawn = " ".join(lines[k:k + 6])
        for w in words:
            assert get_display(w) in drawn


async def test_an_arabic_claim_row_reads_from_the_right(tmp_path, config):
    """The claim's text in its row of the table was drawn in logical order: each Arabic word
    came out with its letters reversed, as the terminal draws cells left to right. The row is
    now in visual order like the detail and the columns; a cut row keeps its "…" at the end of
    the reading, its left."""
    app = _app(tmp_path, config, [])
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open_claims_on(pilot, app, AR_LONG)
        table = screen.table
        text = " ".join(app.session.sentences[(ART, AR_LONG)].text.split())
        assert table._text(screen.board.current().id) == text
        row = screen.board.row - int(table.scroll_offset.y)
        line = "".join(seg.text for seg in table.render_line(row + 1)).rstrip()
        shown = line[12 + 3 * len(screen.board.articles) + 11:]
        assert shown.startswith("…"), shown
        room = table.scrollable_content_region.width - 12 - 3 * len(screen.board.articles) - 11
        assert shown == get_display(text[:room - 1].rstrip() + "…")
