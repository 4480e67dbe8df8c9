"""Findings of a new user's trial over tmux (session 24), one test each: the key that flips
the selected link's relation, the HTML report from the palette, a small inspector, messages in
one place, stable columns, article names, and small wording."""

from pathlib import Path

import pytest

from reviewer.models import Evidence, Link, SentenceRef
from reviewer.tui.app import make_app
from reviewer.tui.widgets.inspector import Inspector
from tests.tui.pilot_helpers import inspector_lines, run_palette

R = SentenceRef

# A made-up event; the other sentence is long and names its weekday at the end.
LONG = {
    "p.txt": "The ferry left the northern harbour on Saturday with two hundred passengers on board.\n\n"
             "The crew said the weather was calm.\n",
    "q.txt": "A passenger ferry carrying about two hundred people, most of them returning from a regional "
             "trade fair held in the old market hall beside the river, left the northern harbour late in "
             "the evening after a delay of several hours caused by a fault in one of its engines, "
             "early on Sunday.\n\nThe crew reported calm weather and light winds.\n",
}
SAT = LONG["p.txt"].index("Saturday")
SUN = LONG["q.txt"].index("Sunday")


def _long_cluster(tmp_path) -> Path:
    d = tmp_path / "ferry"
    d.mkdir()
    for name, text in LONG.items():
        (d / name).write_text(text, encoding="utf-8")
    return d


def _long_links() -> list[Link]:
    return [Link(R("p", 0), R("q", 0), "conflict", 0.83,
                 (Evidence("weekday", "Saturday", "Sunday", (SAT, SAT + 8), (SUN, SUN + 6)),)),
            Link(R("p", 1), R("q", 1), "match", 0.6)]




@pytest.mark.parametrize("size", [(72, 30), (60, 15)])
async def test_a_small_inspector_shows_the_evidence_and_both_sentences(tmp_path, config, size):
    """At 72x30 the link's line was cut before its evidence ("weekday:…") while the other
    sentence took four lines; at 60x15 "this:" was gone. The evidence now comes first on the
    link's line and both sentences keep a line, cut with "…"."""
    d = _long_cluster(tmp_path)
    app = make_app([str(d)], reviewer="tester", config=config, links=_long_links(),
                   sidecar=str(tmp_path / "t.review.toml"))
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        lines = inspector_lines(app)
        text = "\n".join(lines)
        assert "“Saturday” vs “Sunday”" in text, text
        assert any(l.lstrip().startswith("this: The ferry") for l in lines), text
        assert any(l.lstrip().startswith("that: A passenger ferry") for l in lines), text
        assert "…" in text, text  # shortened, not dropped
        box = app.query_one(Inspector)
        assert len([l for l in lines if l]) <= box.content_size.height


async def test_r_flips_the_selected_link_and_saves_it_as_a_decision(make, tmp_path):
    """Changing a wrong suggestion's relation took space, a move across the columns and !: r
    on the selected link records the other relation as the reviewer's decision (saved like = and
    !), r again brings the suggestion back accepted, and u undoes each step."""
    import tomllib

    app = make(sidecar=str(tmp_path / "t.review.toml"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        link = app.focused_link()
        assert (link.relation, link.origin, link.decision) == ("conflict", "suggested", None)
        await pilot.press("r")
        now = app.focused_link()
        assert (now.relation, now.origin, now.decision) == ("match", "manual", "accepted")
        assert now.pair() == link.pair() and now.evidence == link.evidence  # the engine's evidence stays
        assert "your decision over the engine's conflict" in app.review.message
        await pilot.press("s")
        await pilot.pause()
        saved = tomllib.loads((tmp_path / "t.review.toml").read_text(encoding="utf-8"))
        assert [(d["relation"], d["decision"], d["origin"]) for d in saved["links"]] == [("match", "accepted", "manual")]
        await pilot.press("r")
        now = app.focused_link()
        assert (now.relation, now.origin, now.decision) == ("conflict", "suggested", "accepted")
        await pilot.press("u")
        assert (app.focused_link().relation, app.focused_link().origin) == ("match", "manual")
        await pilot.press("u")
        now = app.focused_link()
        assert (now.relation, now.origin, now.decision) == ("conflict", "suggested", None)


async def test_r_is_in_the_help_and_the_palette(make):
    from reviewer.tui.commands import ReviewerCommands

    app = make()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        names = [name for name, _cb, _help in ReviewerCommands(app.screen)._commands()]
        assert "Link: the other relation (r)" in names, names
        await pilot.press("question_mark")
        await pilot.pause()
        rows = {bid: (keys, desc) for keys, desc, bid in app.screen.rows}
        assert rows["flip_link"][0] == "r" and "match ⇄ conflict" in rows["flip_link"][1], rows


async def test_the_html_report_from_the_palette_keeps_the_open_conflicts(make, tmp_path):
    """ctrl+p → Export: html wrote a report without a single open conflict (the CLI needs
    --include-suggestions for them): the report now has them, dashed, and the toast counts them."""
    app = make(sidecar=str(tmp_path / "t.review.toml"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("x")  # one link decided (a:0 ≠ b:0 rejected), the others open
        await run_palette(pilot, "Export: html")
        await app.workers.wait_for_complete()
        await pilot.pause()
        page = app.workspace.export_target("html").read_text(encoding="utf-8")
        assert "links undecided" in page  # the count of open suggestions in the report's head
        assert "Police have arrested the plant manager." in page  # a:2 ≠ b:2, open
        said = [n.message.replace("\n", "") for n in app._notifications if n.message.startswith("exported")]
        assert said and said[-1].endswith("(5 suggestions not reviewed yet, dashed in the report)"), said


SHORT = {f"s{k}.txt": "".join(f"Sentence {i} of the short report number {k} about the bridge.\n\n" for i in range(5))
         for k in range(1, 5)}


def _short_links() -> list[Link]:
    return [Link(R("s1", 0), R("s3", 3), "match", 0.8), Link(R("s1", 0), R("s4", 4), "conflict", 0.7),
            Link(R("s2", 1), R("s3", 2), "match", 0.6)]


async def test_the_columns_stay_put_when_the_links_arrive_and_short_articles_open_at_their_top(tmp_path, config):
    """While aligning the columns were s1 s2 s3; when the links came they jumped to s1 s4 s3
    ("[1, 4, 3 of 4]"), and short articles opened scrolled past their first sentence (to stand
    level with the cursor's link) with empty rows below. Now nothing moves until the user does."""
    from reviewer.tui.messages import AlignDone

    d = tmp_path / "short"
    d.mkdir()
    for name, text in SHORT.items():
        (d / name).write_text(text, encoding="utf-8")
    app = make_app([str(d)], reviewer="tester", config=config, links=[], sidecar=str(tmp_path / "t.review.toml"))
    async with app.run_test(size=(130, 40)) as pilot:  # three columns
        await pilot.pause()
        before = app.visible_articles()
        assert before == ["s1", "s2", "s3"], before
        app.review.post_message(AlignDone(_short_links(), True, 0.1))  # the alignment finishes
        await pilot.pause()
        await pilot.pause()
        assert app.visible_articles() == before
        for k in range(3):
            view = app.pane_of(k).view
            assert view.scroll_offset.y == 0 and view.row_of(0) == 0, (k, view.scroll_offset.y)
        await pilot.press("n")  # the user moves: now the link's article comes beside the cursor's
        await pilot.pause()
        assert "s4" in app.visible_articles()


async def test_short_articles_open_at_their_top_with_links_known_at_once(tmp_path, config):
    d = tmp_path / "short"
    d.mkdir()
    for name, text in SHORT.items():
        (d / name).write_text(text, encoding="utf-8")
    app = make_app([str(d)], reviewer="tester", config=config, links=_short_links(),
                   sidecar=str(tmp_path / "t.review.toml"))
    async with app.run_test(size=(130, 40)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert app.visible_articles() == ["s1", "s2", "s3"]
        for k in range(3):
            assert app.pane_of(k).view.scroll_offset.y == 0, k


async def test_a_jsonl_columns_header_names_the_id_the_inspector_uses(tmp_path, config):
    """The header showed a record's title while the inspector said "→ rt-2:0": which column
    was rt-2 could not be told. The header now starts with the id."""
    import json

    from reviewer.tui.widgets.columns import PaneTitle

    d = tmp_path / "wire"
    d.mkdir()
    recs = [{"id": f"rt-{k}", "title": f"Harbour story number {k}", "text": f"The ferry number {k} left on time."}
            for k in (1, 2)]
    (d / "wire.jsonl").write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    app = make_app([str(d)], reviewer="tester", config=config,
                   links=[Link(R("rt-1", 0), R("rt-2", 0), "match", 0.9)], sidecar=str(tmp_path / "t.review.toml"))
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        heads = [p.title.text.plain.split("\n") for p in (app.pane_of(0), app.pane_of(1))]
        assert [h[0] for h in heads] == ["rt-1 · Harbour story number 1", "rt-2 · Harbour story number 2"], heads
        assert "→ rt-2:0" in "\n".join(inspector_lines(app))
    app = make_app([str(d)], reviewer="tester", config=config, links=[], sidecar=str(tmp_path / "t.review.toml"))
    async with app.run_test(size=(60, 30)) as pilot:  # narrow: the title is cut, the meta line stays
        await pilot.pause()
        head, meta = app.pane_of(0).title.text.plain.split("\n")
        assert head.startswith("rt-1 · Harb") and head.endswith("…") and "sentence" in meta, (head, meta)


async def test_many_articles_come_in_natural_order(tmp_path, config):
    """120 articles r_1 … r_120 came as r_1, r_10, r_100, r_101 …: the loader now sorts the
    folder's names in natural order (the same for names whose numbers have one width)."""
    from reviewer.tui.widgets.top_bar import TopBar

    d = tmp_path / "many"
    d.mkdir()
    for k in range(1, 121):
        (d / f"r_{k}.txt").write_text(f"Report {k} says the ferry left on time.\n", encoding="utf-8")
    app = make_app([str(d)], reviewer="tester", config=config, links=[], sidecar=str(tmp_path / "t.review.toml"))
    assert [a.id for a in app.cluster.articles[:12]] == [f"r_{k}" for k in range(1, 13)]
    async with app.run_test(size=(130, 30)) as pilot:
        await pilot.pause()
        assert app.visible_articles() == ["r_1", "r_2", "r_3"]
        assert app.pane_of(0).title.text.plain.split("\n")[1].endswith("1 sentence")  # not "1 sentences"
        bar = app.query_one(TopBar).text.plain
        assert "r_4, r_5, r_6 +114 ▶" in bar, bar


async def test_save_as_in_a_read_only_folder_offers_a_writable_place(make, cluster_dir, monkeypatch, tmp_path):
    """Save as… was filled in with the very path that could not be written; in a read-only
    folder it now offers the same name in the user's data folder."""
    import os

    from textual.widgets import Input

    real = os.access
    # the tests run as root, whom permissions do not stop: the folder answers as a read-only one
    monkeypatch.setattr(os, "access", lambda p, mode, *a, **kw:
                        False if os.path.abspath(p) == os.path.abspath(cluster_dir) else real(p, mode, *a, **kw))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    app = make()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await run_palette(pilot, "Save as")
        offered = app.screen.query_one(Input).value
        assert offered == str(tmp_path / "data" / "reviewer" / "cluster" / "tester.review.toml"), offered
        await pilot.press("enter")
        await pilot.pause()
        assert (tmp_path / "data" / "reviewer" / "cluster" / "tester.review.toml").is_file()


async def test_one_orphan_is_said_in_the_singular(make, cluster_dir):
    """"1 tag or link no longer match any sentence": one orphan is said in the singular."""
    side = cluster_dir / "tester.review.toml"
    tag = """
[[tags]]
article = "{art}"
sentence = 0
start = 0
end = 10
quote = "{quote}"
label = "contradicted"
time = "2026-11-23T08:45:13Z"
"""
    side.write_text('schema = 1\nreviewer = "tester"\ncreated = "2026-11-23T08:45:03Z"\n'
                    'updated = "2026-11-23T08:45:14Z"\nnotes = []\n'
                    + tag.format(art="a", quote="Four workers were killed on Monday when a fire tore through a "
                                                "textile factory.")
                    + tag.format(art="gone", quote="A sentence of an article that is not here any more."),
                    encoding="utf-8")
    app = make()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        said = [str(n.message) for n in app._notifications]
        assert any(m.startswith("1 tag or link no longer matches any sentence; kept") for m in said), said


def _toast_region_clear_of_the_columns(app) -> None:
    from textual.widgets._toast import Toast

    columns = app.query_one("#columns").region
    inspector = app.query_one("#inspector-box").region
    for toast in app.screen.query(Toast):
        r = toast.region
        assert r.y >= inspector.y and not r.overlaps(columns), (r, columns, inspector)


async def test_messages_of_a_read_only_folder_are_one_toast_clear_of_the_articles(make, cluster_dir, monkeypatch):
    """In a read-only folder three toasts stood stacked over the columns: the start-up warning,
    then the save failures. There is one toast at a time, over the inspector only, and it goes
    when a save works again."""
    import os

    from reviewer.errors import SidecarError

    real = os.access
    monkeypatch.setattr(os, "access", lambda p, mode, *a, **kw:
                        False if os.path.abspath(p) == os.path.abspath(cluster_dir) else real(p, mode, *a, **kw))
    app = make()
    async with app.run_test(size=(72, 30)) as pilot:
        await pilot.pause()
        (first,) = [n.message for n in app._notifications]
        assert first.startswith(f"{cluster_dir.resolve()} is read-only"), first  # not "cluster is read-only"
        store = app.store
        real_save = store.save

        def refuse():
            raise SidecarError("cannot write here (read-only file system)", path=str(store.path))

        monkeypatch.setattr(store, "save", refuse)
        await pilot.press("1")
        await pilot.pause(2.5)  # the autosave fails
        await pilot.press("j", "1")
        await pilot.pause(2.5)
        said = [n.message for n in app._notifications]
        assert len(said) == 1 and "cannot write here" in said[0], said
        _toast_region_clear_of_the_columns(app)
        monkeypatch.setattr(store, "save", real_save)
        await pilot.press("s")
        await pilot.pause()
        assert not [n for n in app._notifications if "cannot write" in n.message]


async def test_a_corrupt_sidecar_names_its_bad_line_and_restore_leaves_one_message(make, cluster_dir):
    """The corrupt-sidecar toast did not name the bad line (README and `reviewer check` do);
    after Restore backup the old "cannot be read" toast stayed beside "restored the backup"."""
    app = make()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("1", "s")
        await pilot.press("j", "1", "s")  # the second save keeps the first as the backup
        await pilot.press("q")
    side = cluster_dir / "tester.review.toml"
    side.write_text('schema = 1\nreviewer = "tester"\n\n[[tags]]\nlabel = "unclosed\n', encoding="utf-8")
    app = make()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        said = [n.message for n in app._notifications]
        assert len(said) == 1 and "cannot be read (line 5:" in said[0] and "Restore backup" in said[0], said
        _toast_region_clear_of_the_columns(app)
        await run_palette(pilot, "Restore backup")
        said = [n.message for n in app._notifications]
        assert len(said) == 1 and said[0].startswith("restored the backup"), said
