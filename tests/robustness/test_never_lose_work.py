"""Never lose a reviewer's work: re-anchoring on edited articles (seen by `reviewer check` and the
TUI), saving that fails (full disk), a second instance, a corrupt sidecar, a change on disk."""

from __future__ import annotations

import errno
import shutil
import subprocess
import sys
import tomllib

import pytest

from reviewer.cli import main
from reviewer.resources import bundled_seeds_dir
from reviewer.annotations import Anchor, LinkDecision, ReviewData, Tag
from reviewer.sidecar.codec import load_sidecar, save_sidecar
from reviewer.tui.app import make_app
from tests.helpers import links, started, wait_until

SIZE = (150, 40)
T = "2026-01-01T00:00:00Z"


# --------------------------------------------------------------------------- re-anchoring on edited seeds

def anchor_of(cluster, art_id: str, idx: int) -> Anchor:
    art = next(a for a in cluster.articles if a.id == art_id)
    s = art.sentences[idx]
    return Anchor(art_id, idx, s.start, s.end, s.text)


@pytest.fixture
def edited_seeds(tmp_path):
    """A copy of the seeds with a sidecar made on the originals, then the articles edited:
    000 untouched (exact), 001 a paragraph inserted at the top (moved), 002 a typo fixed in a tagged
    sentence (fuzzy), 003 a tagged sentence deleted (orphan)."""
    from reviewer.io.articles import load_cluster

    d = tmp_path / "seeds copy"
    shutil.copytree(bundled_seeds_dir(), d)
    files = {p.stem: p for p in d.glob("*.txt")}
    ids = sorted(files)
    cluster = load_cluster([d])
    a0, a1, a2, a3 = ids
    data = ReviewData(reviewer="ed", created=T)
    picks = {"exact": anchor_of(cluster, a0, 3), "moved": anchor_of(cluster, a1, 5),
             "fuzzy": anchor_of(cluster, a2, 8), "orphan": anchor_of(cluster, a3, 2)}
    for label, anc in picks.items():
        data.tags.append(Tag(anc, label, T))
    data.links.append(LinkDecision(picks["exact"], picks["orphan"], "conflict", "accepted", "manual", None, "n", T))
    save_sidecar(d / "ed.review.toml", data)

    def edit(stem: str, fn) -> None:
        p = files[stem]
        p.write_text(fn(p.read_text(encoding="utf-8")), encoding="utf-8")

    edit(a1, _insert_paragraph_at_top)
    fuzzy = picks["fuzzy"].quote
    words = fuzzy.split()
    k = max(range(len(words)), key=lambda i: len(words[i]))
    typo_fixed = fuzzy.replace(words[k], words[k][:-1] + "x", 1)  # one letter changed in the longest word
    edit(a2, lambda t: t.replace(fuzzy, typo_fixed, 1))
    edit(a3, lambda t: t.replace(picks["orphan"].quote, "", 1))
    return d, picks, ids


def _insert_paragraph_at_top(text: str) -> str:
    if text.startswith(" date "):
        head, _, rest = text.partition("\n")
        return head + "\nAn editor's note was added at the top of this article.\n\n" + rest
    return "An editor's note was added at the top of this article.\n\n" + text


def test_check_reports_orphans_and_reattached(edited_seeds, capsys):
    d, picks, _ = edited_seeds
    code = main(["check", str(d)])
    out = capsys.readouterr().out
    assert code == 1
    orphan_lines = [l for l in out.splitlines() if ": orphan " in l and l.startswith("error:")]
    # the orphan tag and the link whose one end was deleted, each named with its quote
    assert len(orphan_lines) == 2
    assert any(l.startswith("error:") and l.endswith("2 orphans (listed above)") for l in out.splitlines())
    assert all(picks["orphan"].quote[:30] in l for l in orphan_lines)
    assert any("re-attached" in l and "2 anchors" in l for l in out.splitlines())
    assert "4 tags, 1 link decision," in out


async def test_tui_reattaches_lists_orphans_and_saves_them_again(edited_seeds, config):
    d, picks, ids = edited_seeds
    before = load_sidecar(d / "ed.review.toml")
    app = make_app([str(d)], reviewer="ed", config=config, links=[])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert len(app.orphans) == 2
        assert app.session.tags_by[(ids[0], 3)] == ["exact"]
        assert app.session.tags_by[(ids[1], 6)] == ["moved"]  # one paragraph inserted above it
        assert app.session.tags_by[(ids[2], 8)] == ["fuzzy"]
        await pilot.press("ctrl+p")
        await pilot.press(*"orphans")
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "ListScreen"
        await pilot.press("escape")
        await pilot.press("q")
    after = load_sidecar(d / "ed.review.toml")
    assert len(after.tags) == len(before.tags) == 4 and len(after.links) == 1
    orphan = next(t for t in after.tags if t.label == "orphan")
    assert orphan.anchor.orphan and orphan.anchor.quote == picks["orphan"].quote
    moved = next(t for t in after.tags if t.label == "moved")
    assert moved.anchor.sentence == 6 and not moved.anchor.orphan
    assert after.links[0].b.orphan and after.links[0].note == "n"


def test_articles_gone_keeps_everything_as_orphans(edited_seeds, capsys):
    d, picks, ids = edited_seeds
    for p in d.glob("*.txt"):
        if p.stem != ids[0]:
            p.unlink()
    code = main(["check", str(d)])
    out = capsys.readouterr().out
    assert code == 1 and out.count("orphan tag") == 3


# --------------------------------------------------------------------------- saving that fails

async def test_full_disk_keeps_work_in_memory_and_save_as_rescues_it(cluster_dir, config, monkeypatch, tmp_path):
    import reviewer.atomic as sc

    real = sc.tempfile.mkstemp

    def full(*a, **k):
        raise OSError(errno.ENOSPC, "No space left on device")

    app = make_app([str(cluster_dir)], reviewer="tester", config=config, links=links())
    async with app.run_test(size=SIZE) as pilot:
        monkeypatch.setattr(sc.tempfile, "mkstemp", full)
        await pilot.press("1")
        await wait_until(pilot, lambda: app.last_save_error, 1.3)
        assert "No space left" in (app.last_save_error or "")
        assert app.session.tags_by[("a", 0)] == ["corroborated"]  # still in memory
        assert not (cluster_dir / "tester.review.toml").exists()
        # q does not quit silently while the work is unsaved
        await pilot.press("q")
        await pilot.pause()
        assert app.is_running
        monkeypatch.setattr(sc.tempfile, "mkstemp", real)
        elsewhere = tmp_path / "usb" / "rescued.review.toml"
        elsewhere.parent.mkdir()
        await pilot.press("ctrl+p")
        await pilot.press(*"save as")
        await pilot.press("enter")
        await pilot.pause()
        inp = app.screen.query_one("Input")
        inp.value = str(elsewhere)
        await pilot.press("enter")
        await pilot.pause()
        assert app.options.sidecar == str(elsewhere)
        await pilot.press("j", "2")
        await pilot.press("q")
    data = tomllib.loads(elsewhere.read_text(encoding="utf-8"))
    assert {(t["sentence"], t["label"]) for t in data["tags"]} == {(0, "corroborated"), (1, "contradicted")}


async def test_second_instance_is_told_and_writes_nothing(cluster_dir, config):
    side = cluster_dir / "tester.review.toml"
    save_sidecar(side, ReviewData(reviewer="tester", created=T))
    before = side.read_bytes()
    other = started(subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)", "reviewer"]))
    try:
        (cluster_dir / "tester.review.toml.lock").write_text(f"{other.pid}\n")
        app = make_app([str(cluster_dir)], reviewer="tester", config=config, links=links())
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert app.store.read_only and "another reviewer" in app.store.read_only_reason
            await pilot.press("1", "a", "s")
            await pilot.pause(1.2)
            assert app.session.tags_by.get(("a", 0)) in (None, [])
            await pilot.press("q")
        assert side.read_bytes() == before
        assert (cluster_dir / "tester.review.toml.lock").read_text().strip() == str(other.pid)  # not taken
    finally:
        other.kill()
        other.wait()


async def test_corrupt_sidecar_is_left_as_it_is(cluster_dir, config):
    side = cluster_dir / "tester.review.toml"
    side.write_text('schema = 1\nreviewer = "tester"\ntags = [ {broken\n', encoding="utf-8")
    before = side.read_bytes()
    app = make_app([str(cluster_dir)], reviewer="tester", config=config, links=links())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.store.read_only and "tester.review.toml:3" in app.store.read_only_reason
        await pilot.press("1", "x", "s", "q")
        await pilot.pause()
    assert side.read_bytes() == before


async def test_change_on_disk_is_not_overwritten_and_reload_reads_it(cluster_dir, config):
    side = cluster_dir / "tester.review.toml"
    app = make_app([str(cluster_dir)], reviewer="tester", config=config, links=links())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1")
        await wait_until(pilot, lambda: side.exists() and len(load_sidecar(side).tags) == 1, 1.2)  # saved: a0 corroborated
        theirs = ReviewData(reviewer="tester", created=T)
        theirs.tags.append(Tag(Anchor("c", 2, 0, 10, "The company has promised compensation to the families."),
                               "opinion", T))
        save_sidecar(side, theirs)  # someone else writes the file
        await pilot.press("j", "2")
        await wait_until(pilot, lambda: app.last_save_error, 1.2)
        assert "changed on disk" in (app.last_save_error or "")
        assert [t.label for t in load_sidecar(side).tags] == ["opinion"]  # theirs is intact
        for _ in range(2):  # the first asks: it would drop the change not saved (a1 contradicted)
            await pilot.press("ctrl+p")
            await pilot.press(*"reload sidecar")
            await pilot.press("enter")
            await pilot.pause()
        assert app.session.tags_by.get(("c", 2)) == ["opinion"]
        assert app.last_save_error is None
        await pilot.press("q")


# --------------------------------------------------------------------------- the TUI's text inputs

NASTY = ['He said "no" \\ then \'yes\'', '"""triple""" [table] = # not a comment', "ünïcødé — قال ✓ 🚁",
         "x" * 3000, "\t tab and trailing space  "]


async def test_nasty_notes_round_trip_through_the_sidecar(cluster_dir, config):
    app = make_app([str(cluster_dir)], reviewer="tester", config=config, links=links())
    async with app.run_test(size=SIZE) as pilot:
        for k, text in enumerate(NASTY):
            app.cur_art, app.cur_sent = 0, k % 4
            await pilot.press("e")
            await pilot.pause()
            app.screen.query_one("Input").value = text
            await pilot.press("enter")
            await pilot.pause()
        await pilot.press("q")
    notes = {n.anchor.sentence: n.text for n in load_sidecar(cluster_dir / "tester.review.toml").notes}
    assert notes[0] == NASTY[4] and notes[1] == NASTY[1] and notes[2] == NASTY[2] and notes[3] == NASTY[3]


@pytest.mark.parametrize("query", ["[(*+?", "\\", "   ", "🚁", "a" * 500, "manager"])
async def test_search_accepts_any_text(cluster_dir, config, query):
    app = make_app([str(cluster_dir)], reviewer="tester", config=config, links=links())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        await pilot.pause()
        app.screen.query_one("Input").value = query
        await pilot.press("enter")
        await pilot.pause()
        assert app.is_running
        if query == "manager":
            assert app.cursor == ("a", 2)
        await pilot.press("escape", "q")
