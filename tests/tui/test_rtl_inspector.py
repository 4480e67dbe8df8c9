"""Right-to-left text in the inspector (issue 14): the Arabic sentences of seeds/001 are shown in
visual order (python-bidi's get_display), their evidence highlighted on the right characters,
while the sentences, the spans and the sidecar stay in logical order; the column headers show
each article's language."""

from bidi import get_display
from rich.text import Text

from reviewer.models import Evidence, Link, SentenceRef
from reviewer.resources import bundled_seeds_dir
from reviewer.tui.app import make_app
from reviewer.tui.visual_order import visual_order, visual_text
from reviewer.tui.widgets.inspector import Inspector

ART = "001_95906788527a028a"
EN, AR, AR_LONG = 8, 11, 10  # "I'm fine, praise God…", its Arabic original, a long Arabic sentence


def _seeds_app(tmp_path, config, links):
    return make_app([str(bundled_seeds_dir())], reviewer="tester", config=config,
                    sidecar=str(tmp_path / "t.review.toml"), links=links)


def _evidence_link(app_text: str) -> Link:
    """A match 001:8 ↔ 001:11 with evidence on the last word of the Arabic sentence (Iraq)."""
    word = "العراق"
    k = app_text.rindex(word)
    return Link(SentenceRef(ART, EN), SentenceRef(ART, AR), "match", 0.9,
                (Evidence("entity", "Iraq", word, (0, 1), (k, k + len(word))),))


def _this_lines(inspector: Inspector) -> list[Text]:
    lines = inspector.text.split("\n")
    k = next(i for i, l in enumerate(lines) if l.plain.lstrip().startswith("this:"))
    out = [lines[k]]
    for line in lines[k + 1:]:
        if line.plain.lstrip().startswith("that:"):
            break
        out.append(line)
    return out


def _go(app, art: int, sent: int) -> None:
    app.review._go(art, sent)


async def test_inspector_shows_an_arabic_sentence_of_001_in_visual_order(tmp_path, config):
    from reviewer.io.articles import load_cluster

    text = load_cluster([str(bundled_seeds_dir())]).articles[1].sentences[AR].text
    app = _seeds_app(tmp_path, config, [_evidence_link(text)])
    async with app.run_test(size=(200, 40)) as pilot:
        await pilot.pause()
        _go(app, app._art_index[ART], AR)
        await pilot.pause()
        inspector = app.query_one(Inspector)
        (line,) = _this_lines(inspector)  # 88 characters: one line at 200 columns
        shown = line.plain.split("this: ", 1)[1].rstrip()
        assert shown == get_display(text)
        assert shown != text  # not the logical order
        # The evidence (the last logical word, Iraq) is highlighted where it is drawn: at the left.
        offset = line.plain.index("this: ") + len("this: ")
        lit = "".join(line.plain[s.start:s.end] for s in line.spans if s.start >= offset and s.style)
        assert lit == get_display("العراق")
        # The sentence and its span stay logical.
        assert app.session.sentences[(ART, AR)].text == text


async def test_a_wrapped_arabic_sentence_starts_at_the_right_of_its_first_line(tmp_path, config):
    link = Link(SentenceRef(ART, AR_LONG), SentenceRef(ART, 9), "match", 0.8)
    app = _seeds_app(tmp_path, config, [link])
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        _go(app, app._art_index[ART], AR_LONG)
        await pilot.pause()
        lines = [l.plain.rstrip() for l in _this_lines(app.query_one(Inspector))]
        text = app.session.sentences[(ART, AR_LONG)].text
        assert len(lines) >= 2
        first_word = text.split()[0]
        assert lines[0].endswith(get_display(first_word))  # read from the right
        assert lines[-1].lstrip().startswith(get_display(text.rstrip(".").split()[-1] + "."))


async def test_column_headers_show_the_language(tmp_path, config):
    app = _seeds_app(tmp_path, config, [])
    async with app.run_test(size=(170, 40)) as pilot:
        await pilot.pause()
        assert all(a.lang for a in app.cluster.articles)
        pane = app.pane_of(0)
        a = app.cluster.articles[0]
        assert f"{a.lang} · {len(a.sentences)} sentences" in pane.title.text.plain


def test_visual_text_keeps_each_style_on_its_characters():
    logical = Text("قال 12 شخصا in Baghdad")
    logical.stylize("bold", 4, 6)  # the number
    logical.stylize("italic", 0, 3)  # the first Arabic word
    shown = visual_text(logical, "R")
    assert shown.plain == get_display(logical.plain, base_dir="R")
    spans = {str(s.style): shown.plain[s.start:s.end] for s in shown.spans}
    assert spans["bold"] == "12"
    assert spans["italic"] == get_display("قال")
    _, order = visual_order(logical.plain, "R")
    assert sorted(order) == list(range(len(logical.plain)))
    plain = Text("no right-to-left here")
    assert visual_text(plain, "L") is plain


async def test_a_wrapped_arabic_sentence_is_right_aligned_below_its_label(tmp_path, config):
    """The continuation lines of a right-to-left sentence end at the first line's right edge
    (as in the columns), not flush left; "this:" stays where it is (user trial)."""
    link = Link(SentenceRef(ART, AR_LONG), SentenceRef(ART, 9), "match", 0.8)
    app = _seeds_app(tmp_path, config, [link])
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        _go(app, app._art_index[ART], AR_LONG)
        await pilot.pause()
        inspector = app.query_one(Inspector)
        lines = [l.plain.rstrip() for l in _this_lines(inspector)]
        assert len(lines) >= 3
        label = lines[0].index("this: ")
        assert label == 5
        start = label + len("this: ")
        edge = len(lines[0])
        assert edge == inspector.content_size.width  # the text area's right edge
        for line in lines[1:]:
            assert len(line) == edge, lines
            assert line[:start].strip() == ""  # nothing under the label
        assert any(line[start] == " " for line in lines[1:]), lines  # not flush left: the short last line
        # The words are all there, in visual order on each line.
        text = app.session.sentences[(ART, AR_LONG)].text
        assert sorted(" ".join(l[start:] for l in lines).split()) == sorted(get_display(text).split())


def test_a_right_to_left_sentence_cut_short_gets_its_mark_at_the_left():
    """A small inspector cuts a sentence to one line: "…" where it reads on, the left end for a
    right-to-left one (its start, at the right, stays), the right end for a left-to-right one."""
    from rich.text import Text

    from reviewer.tui.widgets.inspector import Inspector

    ar = "     that: " + "ذهب الولد الصغير إلى السوق"
    en = "     this: The small boy went to the market"
    parts = [("head", [Text("▶ ≈ match")]), ("this", [Text(en), Text("           again")]),
             ("that", [Text(ar), Text("           " + "في الصباح")])]
    got = [t.plain for t in Inspector._fit(parts, 3, 60)]
    assert got[0] == "▶ ≈ match"
    assert got[1].endswith("market…")
    assert got[2].startswith("     that: …") and got[2].endswith("السوق")
