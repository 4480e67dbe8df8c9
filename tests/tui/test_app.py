"""The TUI driven with real key presses; assertions on app state and on the sidecar on disk."""

import tomllib

from reviewer.config import parse_config_text
from reviewer.resources import bundled_config_path, bundled_seeds_dir
from reviewer.tui.app import make_app
from tests.helpers import wait_until

SIZE = (150, 40)


def sidecar(cluster_dir):
    return tomllib.loads((cluster_dir / "tester.review.toml").read_text(encoding="utf-8"))


async def test_opens_with_one_column_per_article(make):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.visible_articles() == ["a", "b", "c"]
        assert app.cursor == ("a", 0)
        assert {l.relation for l in app.current_links()} == {"conflict", "match"}


async def test_label_key_tags_the_sentence_and_autosaves(make, cluster_dir):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "5")
        await wait_until(pilot, lambda: (cluster_dir / "tester.review.toml").exists(), 1.2)  # autosave within a second
        data = sidecar(cluster_dir)
        assert [(t["article"], t["sentence"], t["label"]) for t in data["tags"]] == [("a", 1, "key-claim")]
        assert data["tags"][0]["quote"] == "The blaze started in a storage room shortly after 9 a.m."
        await pilot.press("5")  # toggles off
        await pilot.press("s")
        await pilot.pause()
        assert sidecar(cluster_dir)["tags"] == []


async def test_undo_and_redo(make, cluster_dir):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "2")
        assert app.session.tags_by[("a", 0)] == ["corroborated", "contradicted"]
        await pilot.press("u")
        assert app.session.tags_by[("a", 0)] == ["corroborated"]
        await pilot.press("ctrl+r")
        assert app.session.tags_by[("a", 0)] == ["corroborated", "contradicted"]
        await pilot.press("u", "u", "s")
        await pilot.pause()
        assert sidecar(cluster_dir)["tags"] == []


async def test_accept_and_reject_links(make, cluster_dir):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")  # the conflict a0-b0 is listed first
        await pilot.press("right_square_bracket", "x")  # next link: the match a0-c0, rejected
        await pilot.press("s")
        await pilot.pause()
        got = {(l["a"]["article"], l["b"]["article"], l["relation"], l["decision"]) for l in sidecar(cluster_dir)["links"]}
        assert got == {("a", "b", "conflict", "accepted"), ("a", "c", "match", "rejected")}
        assert app.session.progress()["reviewed"] == 2


async def test_manual_link_between_mark_and_cursor(make, cluster_dir):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "j", "j", "space", "l")  # mark a:3, move to article b
        assert app.cursor[0] == "b"
        await pilot.press("equals_sign", "s")
        await pilot.pause()
        links = sidecar(cluster_dir)["links"]
        assert len(links) == 1 and links[0]["origin"] == "manual" and links[0]["relation"] == "match"
        ends = {(links[0]["a"]["article"], links[0]["a"]["sentence"]), (links[0]["b"]["article"], links[0]["b"]["sentence"])}
        assert ("a", 3) in ends and app.cursor in ends
        status = app.query_one("#status").text.plain
        assert "+1 manual" in status  # counted in the status bar


async def test_note_on_a_sentence(make, cluster_dir):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "e")
        await pilot.pause()
        await pilot.press(*"check the time", "enter")
        await pilot.press("s")
        await pilot.pause()
        notes = sidecar(cluster_dir)["notes"]
        assert [(n["article"], n["sentence"], n["text"]) for n in notes] == [("a", 1, "check the time")]


async def test_note_on_a_decided_link(make, cluster_dir):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a", "e")
        await pilot.pause()
        await pilot.press(*"six per police", "enter", "s")
        await pilot.pause()
        link = sidecar(cluster_dir)["links"][0]
        assert link["note"] == "six per police" and link["decision"] == "accepted"


async def test_search_and_next_result(make):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        await pilot.pause()
        await pilot.press(*"manager", "enter")
        await pilot.pause()
        assert app.cursor == ("a", 2)
        await pilot.press("n")
        assert app.cursor == ("b", 2)
        await pilot.press("n")
        assert app.cursor == ("a", 2)  # wraps around
        await pilot.press("escape", "n")  # search left: n is the next conflict again
        assert app.cursor == ("b", 0)


async def test_filter_conflicts_skips_other_sentences(make):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f")
        assert app.filter_mode == "conflicts"
        await pilot.press("j")
        assert app.cursor == ("a", 2)  # a:1 has only matches
        await pilot.press("f", "f", "f")
        assert app.filter_mode == "all"


async def test_enter_jumps_and_cycles_through_links(make):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        assert app.cursor == ("b", 0)
        await pilot.press("enter")
        assert app.cursor == ("c", 0)
        await pilot.press("n")  # next open conflict after c:0 wraps to a:0
        assert app.cursor == ("a", 0)


async def test_quit_and_reopen_restores_everything(make, cluster_dir):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "3", "a", "e")
        await pilot.pause()
        await pilot.press(*"why", "enter")
        await pilot.press("j", "q")
        await pilot.pause()
    assert app.return_value == 0
    app2 = make()
    async with app2.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app2.cursor == ("a", 2)
        s = app2.session
        assert s.tags_by[("a", 1)] == ["single-source"]
        assert [l.decision for l in s.by_sentence[("a", 1)] if l.other(("a", 1)) == ("b", 1)] == ["accepted"]
        assert [l.note for l in s.by_sentence[("a", 1)] if l.other(("a", 1)) == ("b", 1)] == ["why"]


async def test_corrupt_sidecar_is_left_untouched_and_app_is_read_only(make, cluster_dir):
    bad = cluster_dir / "tester.review.toml"
    bad.write_text("schema = 1\n[[tags]\nbroken", encoding="utf-8")
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "a", "s")
        await pilot.pause(1.2)
        assert app.store.read_only
        await pilot.press("q")
    assert bad.read_text(encoding="utf-8") == "schema = 1\n[[tags]\nbroken"


async def test_keymap_override_from_config(make):
    text = bundled_config_path().read_text(encoding="utf-8")
    assert text.rstrip().endswith("[keys]")  # the bundled config ends with the [keys] table
    cfg = parse_config_text(text + 'accept_link = "y"\n')
    app = make(config=cfg)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        assert app.focused_link().decision is None
        await pilot.press("y")
        assert app.focused_link().decision == "accepted"


async def test_narrow_terminal_shows_fewer_columns_and_scrolls(make):
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.visible_articles() == ["a", "b"]
        await pilot.press("l", "l")
        assert app.cursor[0] == "c"
        assert app.visible_articles() == ["b", "c"]


async def test_help_screen_lists_the_keys(make):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert type(app.screen).__name__ == "HelpScreen"
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "Screen"


async def test_real_seeds_open_with_four_columns(tmp_path, config):
    app = make_app([str(bundled_seeds_dir())], reviewer="tester", config=config,
                   sidecar=str(tmp_path / "t.review.toml"), links=[])
    async with app.run_test(size=(170, 40)) as pilot:
        await pilot.pause()
        assert len(app.visible_articles()) == 4


async def test_quit_saves_where_the_reviewer_stopped(make, cluster_dir):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "s", "q")  # some work: the sidecar exists
        await pilot.pause()
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l", "j", "q")  # no edit at all, only moves
        await pilot.pause()
    assert sidecar(cluster_dir)["cursor"] == {"article": "b", "sentence": 1}


async def test_opening_and_quitting_without_a_change_writes_nothing_in_the_folder(make, cluster_dir):
    """Open, look around, quit: a sidecar and a .lock were left in the articles' folder and the
    status bar said "✓ saved" though nothing was done. Nothing is written until the first real
    change (the cursor goes with it), and the lock goes on quit."""
    before = sorted(p.name for p in cluster_dir.iterdir())
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l", "j", "j")
        await pilot.pause()
        assert "no changes" in app.query_one("#status").render().plain
        assert "saved" not in app.query_one("#status").render().plain
        await pilot.press("q")
        await pilot.pause()
    assert sorted(p.name for p in cluster_dir.iterdir()) == before
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l", "j", "1")  # the first change: saved, with where the reviewer is
        await wait_until(pilot, lambda: (cluster_dir / "tester.review.toml").exists(), 3)
        assert "✓ saved" in app.query_one("#status").render().plain
        await pilot.press("q")
        await pilot.pause()
    assert sidecar(cluster_dir)["cursor"] == {"article": "b", "sentence": 1}
    assert sorted(p.name for p in cluster_dir.iterdir()) == sorted(before + ["tester.review.toml"])


async def test_after_a_resize_the_cursor_and_its_link_stay_in_view(make):
    app = make()
    async with app.run_test(size=(150, 40)) as pilot:
        await pilot.press("G")
        await pilot.resize_terminal(70, 16)
        await pilot.pause(0.2)
        await pilot.press("g", "n")  # the next open conflict: a2, with b2
        await pilot.pause(0.2)
        assert app.cursor == ("a", 2)
        for art, sent in (app.cursor, app.focused_link().other(app.cursor)):
            pane = app.pane_of(app._art_index[art])
            if pane is None:
                continue  # that column is off screen at this width
            row = pane.view.row_of(sent)
            assert 0 <= row < pane.view.scrollable_content_region.height, (art, sent, row)


async def test_deciding_keeps_the_selection_on_that_link_and_n_skips_decided_conflicts(make, cluster_dir):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        assert app.cursor == ("a", 0) and len(app.current_links()) == 2  # a conflict (b0) and a match (c0)
        first = app.focused_link()
        assert first.decision is None
        await pilot.press("x")  # rejected: the list re-orders, the selection follows the link
        assert app.focused_link().pair() == first.pair() and app.focused_link().decision == "rejected"
        await pilot.press("right_square_bracket", "x")  # the other link, not the one just rejected again
        assert [l.decision for l in app.current_links()] == ["rejected", "rejected"]
        # every conflict decided: n says so instead of cycling through decided ones
        for _ in range(6):
            await pilot.press("n")
            link = app.focused_link()
            if link is not None and link.relation == "conflict" and link.decision is None:
                await pilot.press("a")
        assert app.session.progress()["conflicts_open"] == 0
        where = app.cursor
        await pilot.press("n")
        assert app.cursor == where


async def test_the_export_toast_breaks_its_path_at_separators(make, tmp_path):
    """Issue 13: toasts wrap at spaces only; a long path is folded at its "/" instead of mid-word."""
    from pathlib import Path

    from reviewer.tui.app import TOAST_TEXT_WIDTH
    from reviewer.tui.messages import ExportDone

    app = make()
    path = Path("/home/reviewer/projects/newsroom-factcheck/clusters/2023-03-factory-fire/cluster.tester.html")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.post_message(ExportDone("html", path))
        await pilot.pause()
        (msg,) = [n.message for n in app._notifications if n.message.startswith("exported")]
        lines = msg.split("\n")
        words = [w for line in lines for w in line.split(" ")]
        assert len(lines) > 1 and all(len(w) <= TOAST_TEXT_WIDTH for w in words)  # the toast wraps at spaces
        assert all(line.endswith("/") for line in lines[:-1])  # each break right after a separator
        assert msg.replace("\n", "") == f"exported html to {path}"


async def test_palette_export_writes_what_is_on_screen_without_loading_again(make, cluster_dir, monkeypatch):
    """Issue 10: the TUI hands export the cluster, links and work it holds (in a worker); it never
    loads or aligns the cluster again (export_files is not called)."""
    import json

    import reviewer.export as exporter

    def no_reload(*a, **kw):
        raise AssertionError("export_files loads and aligns the cluster again")

    monkeypatch.setattr(exporter, "export_files", no_reload)
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("1")  # a tag, not yet saved when the export starts
        app.export("jsonl")
        await app.workers.wait_for_complete()
        await pilot.pause()
        out = app.workspace.export_target("jsonl")
        records = [json.loads(l) for l in out.read_text(encoding="utf-8").splitlines()]
        assert any(r["type"] == "tag" for r in records)
        assert not [n for n in app._notifications if "export failed" in str(n.message)]


async def test_empty_search_says_what_to_do_and_ends_the_search(make):
    """Enter in an empty search box is not "nothing found for “”": it ends the search."""
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        await pilot.pause()
        await pilot.press(*"manager", "enter")
        await pilot.pause()
        assert app.cursor == ("a", 2)
        await pilot.press("slash")
        await pilot.pause()
        await pilot.press("ctrl+u", "enter")  # the box is cleared, then submitted
        await pilot.pause()
        assert "“”" not in app.review.message
        assert app.review.message == "search ended (type words after / to search)"
        assert app.cursor == ("a", 2)
        await pilot.press("n")  # no search left: n is the next conflict again
        assert app.cursor == ("b", 0)


async def test_h_or_l_at_the_edge_column_says_so(make):
    """`l` in the last column (or `h` in the first) did nothing at all, where `j` at the last
    sentence says "last sentence of …"."""
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("h")
        assert app.cursor[0] == "a"
        assert app.review.message == "first article column"
        await pilot.press("l", "l")
        assert app.cursor[0] == "c"
        await pilot.press("l")
        assert app.cursor[0] == "c"
        assert app.review.message == "last article column"


async def test_saving_or_clearing_a_note_says_so(make):
    """Enter in the note box closed it without a word (every other change says what it did)."""
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "e")
        await pilot.pause()
        await pilot.press(*"check the time", "enter")
        await pilot.pause()
        assert app.review.message == "note saved on sentence a:1"
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("ctrl+u", "enter")
        await pilot.pause()
        assert app.review.message == "note removed from sentence a:1"
        await pilot.press("a", "e")  # a decided link's note
        await pilot.pause()
        await pilot.press(*"by phone", "enter")
        await pilot.pause()
        assert app.review.message.startswith("note saved on the ") and "link to " in app.review.message
        # undo says it was the link's note, not its decision (the decision stayed)
        await pilot.press("u")
        await pilot.pause()
        assert "a link note" in app.review.message and "link decision" not in app.review.message


async def test_the_note_box_says_what_the_note_is_on(make):
    from textual.widgets import Input

    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "e")
        await pilot.pause()
        assert app.screen.query_one(Input).placeholder.startswith("a note on sentence a:1 ")
        await pilot.press("escape", "a", "e")
        await pilot.pause()
        assert " link to " in app.screen.query_one(Input).placeholder


async def test_the_export_toast_counts_the_records_and_says_why_there_are_none(make):
    """The palette's export said "exported csv to …" for a file holding the header alone: the
    reviewer could not tell an empty export from a full one."""
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.export("csv")
        await app.workers.wait_for_complete()
        await pilot.pause()
        said = [n.message.replace("\n", "") for n in app._notifications if n.message.startswith("exported")]
        assert said[-1].endswith("(0 records: nothing tagged, noted or decided yet)"), said
        await pilot.press("1")
        app.export("csv")
        await app.workers.wait_for_complete()
        await pilot.pause()
        said = [n.message.replace("\n", "") for n in app._notifications if n.message.startswith("exported")]
        assert said[-1].endswith(".csv (1 record)"), said


async def test_a_status_note_goes_at_the_next_move(make):
    """"first sentence of a" stayed up 3 s after j, and "N links suggested" about 10 s after
    the start: the next move clears the news of an earlier key (a move's own news stays)."""
    app = make()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        review = app.review
        await pilot.press("k")  # a:0 already: nothing above
        assert review.message.startswith("first sentence of a")
        await pilot.press("j")
        await pilot.pause()
        assert review.message == ""
        assert "first sentence" not in app.query_one("#status").render().plain
        review.flash("6 links suggested (from the cache)", 8)
        await pilot.press("j")
        assert review.message == ""
        await pilot.press("f")  # a key's own news stays over the move it makes
        assert review.message.startswith("filter:")


async def test_a_click_on_a_sentence_moves_the_cursor_and_clears_old_news(make):
    """A click on a sentence did nothing: the cursor stayed and the news of the last key stayed
    up. It now moves the cursor there, as a key would, and older news goes."""
    app = make()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        review = app.review
        await pilot.press("k")  # a:0 already: "first sentence of a"
        assert review.message.startswith("first sentence of a")
        views = list(app.query("ArticleView"))
        view_b = next(v for v in views if v.article.id == "b")
        y = view_b.tops[2] - int(view_b.scroll_offset.y)  # b:2, its first line
        assert await pilot.click(view_b, offset=(10, y))
        await pilot.pause()
        assert app.cursor == ("b", 2)
        assert review.message == ""
        assert "first sentence" not in app.query_one("#status").render().plain
        await pilot.press("5")  # the keys act on the clicked sentence
        assert app.session.tags_by[("b", 2)] == ["key-claim"]


async def test_a_sentence_note_never_cuts_the_link_count_in_two(make):
    """At 80 columns a note on the sentence pushed "link 1 of 2" to the end of the inspector's
    first line, where it wrapped as "link 1 of" / "2". The count now comes before the note."""
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("e")  # a:0 has two links, none decided: the note goes on the sentence
        await pilot.pause()
        await pilot.press(*"ask the ministry about the figure on Monday", "enter")
        await pilot.pause()
        assert app.session.notes_by[("a", 0)] == "ask the ministry about the figure on Monday"
        lines = app.query_one("#inspector").render().plain.splitlines()
        assert "link 1 of 2" in lines[0], lines
        assert "ask the ministry" in " ".join(lines[:2]), lines


async def test_space_says_what_the_mark_is_for_until_the_link_is_made(make, cluster_dir):
    """space put a ▌ in the gutter and said nothing: a newcomer did not know = and ! come next.
    The status bar says so, and keeps saying it while moving to the other sentence."""
    app = make()
    async with app.run_test(size=(120, 40)) as pilot:
        review = app.review
        await pilot.pause()
        await pilot.press("j", "space")
        assert review.nav.mark == ("a", 1)
        assert review.message.startswith("marked a:1:") and "(match)" in review.message, review.message
        await pilot.press("l", "j")  # to another article: the hint stays
        await pilot.pause()
        assert review.message.startswith("marked a:1:"), review.message
        assert "marked a:1" in app.query_one("#status").render().plain
        await pilot.press("exclamation_mark")
        assert review.message == "manual conflict link made"
        await pilot.press("k")
        assert review.message == ""
        await pilot.press("space", "escape")
        assert review.message == "mark cleared" and app.review.nav.mark is None
        await pilot.press("k")
        assert review.message == ""
        await pilot.press("s")
        await pilot.pause()
        assert [l["relation"] for l in sidecar(cluster_dir)["links"]] == ["conflict"]


async def test_link_keys_on_a_sentence_without_two_links_say_why_nothing_moves(make):
    """] and [ on a sentence with no link, or one, changed nothing and said nothing."""
    app = make()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        review = app.review
        await pilot.press("right_square_bracket")  # a:0 has two links: the second is selected
        assert app.focused_link() is app.current_links()[1]
        await pilot.press("j", "j", "j", "right_square_bracket")  # a:3: no link
        assert not app.current_links()
        assert review.message == "this sentence has no links"


async def test_the_inspector_shows_the_note_of_a_piece_of_evidence_wrapped_and_dimmed(make):
    """The engine's note on a piece of evidence (why the figures may both be right) was never
    shown: it now comes under the link's line, dimmed, wrapped rather than cut."""
    from reviewer.models import Evidence, Link, SentenceRef as R

    note = "the two reports were filed hours apart: the later count may include workers found since"
    app = make(links=[Link(R("a", 0), R("b", 0), "conflict", 0.7,
                           (Evidence("quantity", "Four workers", "six workers", (0, 12), (39, 50), note),))])
    async with app.run_test(size=(90, 40)) as pilot:
        await pilot.press("j", "k")  # back on a:0, its conflict selected
        await pilot.pause()
        inspector = app.query_one("#inspector")
        lines = inspector.render().plain.splitlines()
        at = next(i for i, l in enumerate(lines) if "↳" in l)
        assert " ".join(" ".join(lines[at:]).replace("↳", "").split()).startswith(note), lines
        assert lines[at + 1].startswith("      since"), lines  # wrapped under itself, not cut
        assert all(len(l) <= 90 for l in lines), lines
        dim = inspector.get_component_rich_style("inspector--evidence-note")
        assert dim.dim, dim


async def test_linking_by_hand_where_the_engine_suggested_a_link_decides_that_suggestion(make, cluster_dir):
    """space then = on a pair the engine had suggested as a match replaced the suggestion with a
    manual link ("links 0/5 reviewed +1 manual", one suggestion gone). = now accepts it; = or !
    against the suggested relation records the reviewer's link, still counted as that suggestion
    reviewed and showing its evidence."""
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "space", "l")  # a:1 marked; b:1, suggested as its match
        assert app.cursor == ("b", 1)
        await pilot.press("equals_sign")
        assert app.session.progress() | {"tagged": 0} == {"reviewed": 1, "suggested": 6, "tagged": 0,
                                                         "conflicts_open": 3, "manual": 0}
        await pilot.press("h", "k", "space", "l")  # a:0 marked; b:0, suggested as a conflict with it
        assert app.cursor == ("b", 0)
        await pilot.press("equals_sign")  # the reviewer says: a match
        shown = next(l for l in app.session.links_of(("b", 0)) if l.pair() == {("a", 0), ("b", 0)})
        assert (shown.relation, shown.origin, shown.decision) == ("match", "manual", "accepted")
        assert [e.kind for e in shown.evidence] == ["number", "weekday"]  # the suggestion's, still shown
        assert "number: “six workers” vs “Four workers”" in app.query_one("#inspector").render().plain
        assert app.session.progress()["suggested"] == 6 and app.session.progress()["manual"] == 0
        await pilot.press("s")
        await pilot.pause()
    got = {(l["a"]["article"], l["a"]["sentence"], l["b"]["article"], l["b"]["sentence"]): (l["relation"], l["origin"],
                                                                                           l["decision"])
           for l in sidecar(cluster_dir)["links"]}
    assert got == {("a", 1, "b", 1): ("match", "suggested", "accepted"), ("a", 0, "b", 0): ("match", "manual", "accepted")}


async def test_the_top_bar_says_1_article_not_1_articles(tmp_path, config):
    folder = tmp_path / "alone"
    folder.mkdir()
    (folder / "only.txt").write_text("A bridge closed on Friday for repairs.\n\nIt opens again in May.\n", encoding="utf-8")
    app = make_app([str(folder)], reviewer="tester", config=config, links=[])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j")
        await pilot.pause()
        top = app.query_one("#topbar").render().plain
        assert "alone · 1 article " in top and "1 articles" not in top, top


async def test_a_and_x_on_your_own_link_over_a_suggestion_answer_the_suggestion(make, cluster_dir):
    """After "!" over a suggested match, a / x on that pair brought nothing back: a re-accepted the
    reviewer's conflict, x rejected it and the suggestion stayed hidden. Now a accepts the engine's
    match in place of the reviewer's link and x rejects it (each one undo step); again: undecided."""
    def saved():
        return {(l["a"]["article"], l["a"]["sentence"], l["b"]["article"], l["b"]["sentence"]):
                (l["relation"], l["origin"], l["decision"]) for l in sidecar(cluster_dir)["links"]}

    def shown():
        return next((l.relation, l.origin, l.decision) for l in app.session.links_of(("b", 1))
                    if l.pair() == {("a", 1), ("b", 1)})

    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "space", "l")  # a:1 marked; b:1, suggested as its match
        await pilot.press("exclamation_mark")  # the reviewer says: a conflict
        assert shown() == ("conflict", "manual", "accepted")
        await pilot.press("a")
        assert shown() == ("match", "suggested", "accepted")
        assert "the engine's match suggestion: accepted, in place of your conflict link (u: undo)" in app.review.message
        await pilot.press("s")
        await pilot.pause()
        assert saved() == {("a", 1, "b", 1): ("match", "suggested", "accepted")}
        await pilot.press("u")  # one step back: the reviewer's conflict again
        assert shown() == ("conflict", "manual", "accepted")
        await pilot.press("x")
        assert shown() == ("match", "suggested", "rejected")
        assert "the engine's match suggestion: rejected, in place of your conflict link" in app.review.message
        await pilot.press("s")
        await pilot.pause()
        assert saved() == {("a", 1, "b", 1): ("match", "suggested", "rejected")}
        await pilot.press("x")  # again: the plain suggestion, undecided
        assert shown() == ("match", "suggested", None)
        await pilot.press("s")
        await pilot.pause()
        assert saved() == {}
