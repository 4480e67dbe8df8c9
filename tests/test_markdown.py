"""``.md`` articles: Markdown markup never reaches a sentence's text (or an export), the first
heading is the title, and offsets still point into the file (stop 24: a trial found
"# Heading" as a sentence, "**bold**", "[text](url)", "- " and "> " kept in the text).
The articles are written here, about a made-up event."""

from __future__ import annotations

import json
import re
from pathlib import Path

from reviewer.io.articles import load_cluster
from reviewer.io.markdown import read_markdown

MD = """# Bridge closed in Tornvik

The old bridge was **closed** on Monday, and [the town council](https://example.org/council) said *six* weeks of repairs were needed.

## What is known

- 40 trucks a day used the bridge.
- 1. A ferry will run from Friday.

> "We had no other choice," the mayor said. Shops near the bridge are __worried__.

Read `the notice` at <https://example.org/notice>. Repairs cost 5 * 3 million crowns\\* in total_cost terms.
"""

MARKUP = re.compile(r"[#*_`>\[\]]|\]\(|https://example\.org/council|^- ", re.M)


def _load(tmp_path: Path, text: str = MD, name: str = "bridge.md"):
    folder = tmp_path / "c"
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    [art] = load_cluster([path]).articles
    return art, text


def test_markup_is_left_out_of_the_sentences_and_the_first_heading_is_the_title(tmp_path):
    art, _ = _load(tmp_path)
    texts = [s.text for s in art.sentences]
    assert art.title == "Bridge closed in Tornvik"
    assert texts == [
        "The old bridge was closed on Monday, and the town council said six weeks of repairs were needed.",
        "What is known",
        "40 trucks a day used the bridge.",
        "A ferry will run from Friday.",
        "\u0022We had no other choice,\u0022 the mayor said.",
        "Shops near the bridge are worried.",
        "Read the notice at https://example.org/notice.",
        "Repairs cost 5 * 3 million crowns* in total_cost terms.",
    ]
    assert not any(t.startswith(("#", "-", ">")) or "**" in t or "](" in t for t in texts)
    assert [s.index for s in art.sentences] == list(range(len(texts)))


def test_offsets_point_into_the_file(tmp_path):
    art, text = _load(tmp_path)
    assert len(art.body) == len(text)  # markup blanked to spaces: every offset is the file's
    md = read_markdown(text)
    for s in art.sentences:
        span = text[s.start:s.end]
        # the text is the span without its markup: every character comes from the span, in order
        it = iter(span)
        assert all(ch in it for ch in s.text), (s.text, span)
        assert not md.mask[s.start] and not md.mask[s.end - 1]  # the span starts and ends on text
    first = art.sentences[0]
    assert text[first.start:first.end].startswith("The old bridge was **closed**")
    assert text[first.start:first.end].endswith("repairs were needed.")
    bullet = art.sentences[2]
    assert text[bullet.start - 2:bullet.start] == "- " and text[bullet.start:bullet.end] == bullet.text
    quote = art.sentences[4]
    assert text[quote.start:quote.end] == quote.text
    assert text[quote.start - 2:quote.start] == "> ", text[quote.start - 5:quote.end]


def test_a_plain_md_file_reads_as_before(tmp_path):
    plain = "The ferry left at noon. It carried 40 cars.\n\nNobody was hurt.\n"
    art, text = _load(tmp_path, plain)
    assert art.title is None and art.body == text
    assert [(s.start, s.end, s.text) for s in art.sentences] == [
        (0, 23, "The ferry left at noon."), (24, 43, "It carried 40 cars."), (45, 61, "Nobody was hurt.")]
    assert all(text[s.start:s.end] == s.text for s in art.sentences)


def test_setext_title_date_header_and_a_later_heading(tmp_path):
    art, text = _load(tmp_path, " date 2026-03-02 Tornvik ferry starts\n=====================\n\nThe ferry started on "
                                "Friday.\n\n# Later\n\nIt was full.\n")
    assert art.date == "2026-03-02" and art.title == "Tornvik ferry starts"
    assert [s.text for s in art.sentences] == ["The ferry started on Friday.", "Later", "It was full."]
    art2, _ = _load(tmp_path, "The ferry started on Friday.\n\n# Later heading\n\nIt was full.\n", "b.md")
    assert art2.title is None and [s.text for s in art2.sentences][1] == "Later heading"


def test_txt_files_keep_their_characters(tmp_path):
    art, text = _load(tmp_path, "# Not markdown in a .txt file. A **bold** claim.\n", "plain.txt")
    assert art.sentences[0].text == "# Not markdown in a .txt file."
    assert art.title is None


def test_exports_and_alignment_json_carry_the_clean_text(tmp_path, capsys):
    from reviewer.annotations import Anchor, LinkDecision, ReviewData
    from reviewer.cli import main
    from reviewer.sidecar.codec import save_sidecar

    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "a.md").write_text(MD, encoding="utf-8")
    (folder / "b.md").write_text("## Tornvik bridge shut\n\nThe old bridge was shut on Tuesday, said "
                                 "[the council](https://example.org/c).\n", encoding="utf-8")
    cluster = load_cluster([folder])
    a0, b0 = cluster.articles[0].sentences[0], cluster.articles[1].sentences[0]
    data = ReviewData(reviewer="alice", created="2026-03-01T10:00:00Z", updated="2026-03-01T10:00:00Z")
    data.links.append(LinkDecision(Anchor("a", 0, a0.start, a0.end, a0.text), Anchor("b", 0, b0.start, b0.end, b0.text),
                                   "conflict", "accepted", time="2026-03-01T10:00:00Z"))
    save_sidecar(folder / "alice.review.toml", data)
    cfg = ["--config", str(Path(__file__).resolve().parent / "data" / "export" / "config.toml")]
    assert main(["export", str(folder), "-f", "nli", "-o", "-", *cfg]) == 0
    out = capsys.readouterr()
    [rec] = [json.loads(line) for line in out.out.splitlines()]
    assert rec["premise"] == a0.text and rec["hypothesis"] == "The old bridge was shut on Tuesday, said the council."
    assert not rec["orphan"] and "orphan" not in out.err
    assert main(["align", str(folder), "--semantic", "off", "--no-cache", *cfg]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert [a["title"] for a in doc["articles"]] == ["Bridge closed in Tornvik", "Tornvik bridge shut"]
    bodies = {"a": MD, "b": (folder / "b.md").read_text(encoding="utf-8")}
    for a in doc["articles"]:
        for s in a["sentences"]:
            # the contract: text is the file's span; a sentence that had markup gives it without as plain
            assert s["text"] == bodies[a["id"]][s["start"]:s["end"]]
            plain = s.get("plain", s["text"])
            if plain.startswith("Repairs cost"):  # a lone * and an escaped one are text
                assert plain == "Repairs cost 5 * 3 million crowns* in total_cost terms."
                continue
            assert not MARKUP.search(plain.replace("https://example.org/notice", "")), plain


def test_evidence_spans_of_a_markdown_sentence_point_into_its_file_span(tmp_path, capsys):
    from reviewer.cli import main

    (tmp_path / "a.md").write_text("# Ferry sinks\n\nA ferry **capsized** on Sunday and [the coastguard](https://example.org/cg) "
                                   "said *three* people died.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("A ferry capsized on Sunday and the coastguard said five people died.\n", encoding="utf-8")
    assert main(["align", str(tmp_path), "--semantic", "off", "--no-cache"]) == 0
    doc = json.loads(capsys.readouterr().out)
    texts = {(a["id"], s["index"]): s["text"] for a in doc["articles"] for s in a["sentences"]}
    [link] = [l for l in doc["links"] if l["relation"] == "conflict"]
    for side in ("a", "b"):
        text = texts[(link[side]["article"], link[side]["sentence"])]
        for e in link["evidence"]:
            x, y = e[f"{side}_span"]
            assert text[x:y] == e[side]
    ev = link["evidence"][0]
    words = ev["a"] if link["a"]["article"] == "a" else ev["b"]
    assert words.startswith("three") and words.endswith("died")


def test_quote_mask_follows_a_markdown_sentence():
    from reviewer.engine.quotes import quote_mask, text_mask
    from reviewer.io.articles import _markdown_article

    body = "He said “we **are** _safe_ ” today."
    [s] = _markdown_article("x", "x.md", body, None).sentences
    text = s.text
    got = text_mask(quote_mask(body), s)
    assert len(got) == len(text) and got[text.index("we")] and got[text.index("safe")] and not got[text.index("today")]


def test_markdown_spans_never_overlap_and_are_the_files_text():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from reviewer.io.articles import _markdown_article

    pieces = st.sampled_from(["Three", "people", "died.", "**", "*", "_", "~~", "[", "](http://x)", "`", " ", "\n",
                              "\n\n", "# ", "- ", "> ", "It", "sank", "on", "Tuesday.", "!", "?", "<b>", "</b>"])

    @settings(max_examples=300, deadline=None)
    @given(st.lists(pieces, min_size=1, max_size=40))
    def check(parts):
        body = "".join(parts)
        sents = _markdown_article("x", "x.md", body, None).sentences
        for s in sents:
            assert (s.source if s.source is not None else s.text) == body[s.start:s.end]
        for a, b in zip(sents, sents[1:]):
            assert a.end <= b.start, (body, a, b)

    check()


def test_an_unclosed_emphasis_on_a_long_line_is_read_in_one_pass():
    from reviewer.io.markdown import read_markdown

    body = "Police said *the ferry sank " * 5000  # 140,000 characters, no closing star
    md = read_markdown(body)  # was quadratic: minutes; now bounded per opening mark
    assert md.blanked == body  # an unclosed star is text
