import json
import os
import subprocess
import sys

import pytest
from hypothesis import given, settings, strategies as st

from reviewer.errors import SidecarError
from reviewer.annotations import Anchor, LinkDecision, Note, ReviewData, Tag
from reviewer.sidecar.codec import dumps, from_dict, load_sidecar, save_sidecar, to_dict
from reviewer.sidecar.paths import default_sidecar_path
from reviewer.sidecar.reanchor import reanchor
from reviewer.sidecar.store import SidecarStore
from tests.helpers import started


def sample() -> ReviewData:
    a = Anchor("art1", 2, 10, 40, "Three drones were involved.")
    b = Anchor("art2", 0, 0, 20, "A drone hit the house.")
    d = ReviewData(reviewer="alice", cursor=("art1", 2))
    d.tags.append(Tag(a, "contradicted", "2026-11-23T10:00:00Z"))
    d.notes.append(Note(a, 'He said "three" — check\nline two', "2026-11-23T10:01:00Z"))
    d.links.append(LinkDecision(a, b, "conflict", "accepted", "suggested", 0.71, "drone count", "2026-11-23T10:02:00Z"))
    d.links.append(LinkDecision(b, a, "match", "rejected", "manual", None, "", "2026-11-23T10:03:00Z"))
    return d


@pytest.mark.parametrize("fmt", ["toml", "json"])
def test_round_trip(tmp_path, fmt):
    p = tmp_path / f"alice.review.{fmt}"
    save_sidecar(p, sample())
    got = load_sidecar(p)
    exp = sample()
    assert (got.reviewer, got.cursor, got.tags, got.notes) == (exp.reviewer, exp.cursor, exp.tags, exp.notes)
    assert sorted(got.links, key=str) == sorted(exp.links, key=str)
    if fmt == "json":
        assert json.loads(p.read_text())["schema"] == 1
    else:
        assert p.read_text().startswith("schema = 1")


def test_save_keeps_a_backup_and_leaves_no_temp_files(tmp_path):
    p = tmp_path / "alice.review.toml"
    save_sidecar(p, sample())
    first = p.read_bytes()
    d = sample()
    d.tags.clear()
    save_sidecar(p, d)
    assert (tmp_path / "alice.review.toml.bak").read_bytes() == first
    assert sorted(x.name for x in tmp_path.iterdir()) == ["alice.review.toml", "alice.review.toml.bak"]


@pytest.mark.parametrize("content,needle", [
    ("schema = 1\nreviewer = \"a\"\n[[tags]\n", "invalid TOML"),
    ("schema = 1\n[[links]]\nrelation = \"maybe\"\ndecision = \"accepted\"\na = {article=\"x\", sentence=1}\nb = {article=\"y\", sentence=2}\n", "relation"),
    ("schema = 99\n", "newer reviewer"),
    ("schema = 1\n[[tags]]\narticle = \"x\"\nsentence = \"one\"\nlabel = \"l\"\n", "sentence"),
])
def test_bad_sidecars_raise_with_file_and_reason(tmp_path, content, needle):
    p = tmp_path / "bob.review.toml"
    p.write_text(content)
    with pytest.raises(SidecarError) as exc:
        load_sidecar(p)
    assert needle in str(exc.value) and str(p) in str(exc.value)


def test_corrupt_sidecar_is_never_overwritten(tmp_path):
    p = tmp_path / "bob.review.toml"
    p.write_text("this is [not toml")
    store = SidecarStore(p, "bob")
    store.open()
    assert store.read_only and "invalid TOML" in store.read_only_reason
    with pytest.raises(SidecarError):
        store.save()
    assert p.read_text() == "this is [not toml"


def test_older_schema_is_migrated(tmp_path):
    p = tmp_path / "old.review.toml"
    p.write_text('reviewer = "ann"\n[[links]]\nrelation = "match"\naccepted = false\n'
                 'a = {article = "x", sentence = 1, quote = "q"}\nb = {article = "y", sentence = 2, quote = "r"}\n'
                 '[[tags]]\narticle = "x"\nsentence = 1\ntext = "q"\nlabel = "key-claim"\n')
    d = load_sidecar(p)
    assert d.migrated_from == 0
    assert d.links[0].decision == "rejected"
    assert d.tags[0].anchor.quote == "q"


def test_second_instance_is_read_only_and_stale_lock_is_taken_over(tmp_path):
    p = tmp_path / "a.review.toml"
    first = SidecarStore(p, "a")
    first.open()
    first.save()
    # a live reviewer process that is not us
    other = started(subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)", "reviewer"]))
    try:
        (tmp_path / "a.review.toml.lock").write_text(f"{other.pid}\n")
        second = SidecarStore(p, "a")
        second.open()
        assert second.read_only and "another reviewer" in second.read_only_reason
    finally:
        other.kill()
        other.wait()
    # a live process that is not a reviewer (the pid was reused): the lock is stale
    unrelated = started(subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"]))
    try:
        (tmp_path / "a.review.toml.lock").write_text(f"{unrelated.pid}\n")
        reused = SidecarStore(p, "a")
        reused.open()
        assert not reused.read_only
    finally:
        unrelated.kill()
        unrelated.wait()
    (tmp_path / "a.review.toml.lock").write_text("999999999\n")  # no such process
    third = SidecarStore(p, "a")
    third.open()
    assert not third.read_only


def test_change_on_disk_is_not_overwritten(tmp_path):
    p = tmp_path / "a.review.toml"
    store = SidecarStore(p, "a")
    store.open()
    store.data.tags.append(sample().tags[0])
    store.save()
    p.write_text(p.read_text() + "\n# edited by hand\n")
    with pytest.raises(SidecarError) as exc:
        store.save()
    assert "changed on disk" in str(exc.value)
    assert p.read_text().endswith("# edited by hand\n")


def test_unwritable_place_fails_with_a_message(tmp_path):
    # (a read-only folder does not stop root, so the test uses a folder that is a file)
    blocker = tmp_path / "notafolder"
    blocker.write_text("x")
    with pytest.raises(SidecarError) as exc:
        save_sidecar(blocker / "a.review.toml", sample())
    assert "kept in memory" in str(exc.value)


def test_default_path(tmp_path):
    (tmp_path / "x.txt").write_text("x")
    assert default_sidecar_path([tmp_path], "Ann Lee") == tmp_path / "Ann_Lee.review.toml"
    assert default_sidecar_path([tmp_path / "x.txt"], "ann", "json") == tmp_path / "ann.review.json"


def test_reanchor_exact_moved_fuzzy_and_orphan():
    d = ReviewData(reviewer="a")
    d.tags = [
        Tag(Anchor("art", 0, 0, 10, "First one."), "l", ""),
        Tag(Anchor("art", 1, 11, 30, "Second sentence here."), "l", ""),
        Tag(Anchor("art", 2, 31, 60, "The third sentence has a typo."), "l", ""),
        Tag(Anchor("art", 3, 61, 80, "Gone for good."), "l", ""),
    ]
    now = [(0, 10, "First one."), (11, 25, "Inserted line."), (26, 47, "Second sentence here."),
           (48, 78, "The third sentence has a typpo.")]
    rep = reanchor(d, {"art": now})
    assert (rep.exact, rep.moved, rep.fuzzy, len(rep.orphans)) == (1, 1, 1, 1)
    assert [t.anchor.sentence for t in d.tags[:3]] == [0, 2, 3]
    assert d.tags[3].anchor.orphan and d.tags[3].anchor.quote == "Gone for good."
    # orphans survive a save
    assert to_dict(d)["tags"][-1]["orphan"] is True


text = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=60)


@settings(max_examples=60, deadline=None)
@given(label=text.filter(bool), note=text, quote=text, fmt=st.sampled_from(["toml", "json"]))
def test_round_trip_of_arbitrary_text(label, note, quote, fmt):
    a = Anchor("a:1", 0, 0, len(quote), quote)
    d = ReviewData(reviewer="r")
    d.tags.append(Tag(a, label, "t"))
    d.notes.append(Note(a, note, "t"))
    d.links.append(LinkDecision(a, a, "match", "accepted", "manual", None, note, "t"))
    import tomllib

    raw = json.loads(dumps(d, fmt)) if fmt == "json" else tomllib.loads(dumps(d, fmt))
    back = from_dict(raw)
    assert back.tags == d.tags and back.notes == d.notes and back.links == d.links


def test_saved_files_get_normal_permissions_and_keep_them(tmp_path):
    p = tmp_path / "a.review.toml"
    old = os.umask(0o022)
    try:
        save_sidecar(p, sample())
    finally:
        os.umask(old)
    assert p.stat().st_mode & 0o777 == 0o644  # readable by the team, like any file, not mkstemp's 0600
    os.chmod(p, 0o640)
    save_sidecar(p, sample())
    assert p.stat().st_mode & 0o777 == 0o640


_OPEN_ON_GO = """
import sys
from reviewer.sidecar.store import SidecarStore
store = SidecarStore(sys.argv[1], "racer")
sys.stdin.readline()  # go
store.open()
print("read-only" if store.read_only else "owner", flush=True)
sys.stdin.readline()  # hold the lock until told to stop
store.close()
"""


def test_two_instances_racing_for_the_lock_exactly_one_wins(tmp_path):
    for round_ in range(6):
        p = tmp_path / f"race{round_}.review.toml"
        procs = [subprocess.Popen([sys.executable, "-c", _OPEN_ON_GO, str(p)], stdin=subprocess.PIPE,
                                  stdout=subprocess.PIPE, text=True) for _ in range(2)]
        try:
            for proc in procs:  # both are waiting for the word: say it to both at once
                proc.stdin.write("go\n")
            for proc in procs:
                proc.stdin.flush()
            results = sorted(proc.stdout.readline().strip() for proc in procs)
        finally:
            for proc in procs:
                proc.communicate("stop\n", timeout=30)
        assert results == ["owner", "read-only"]
        assert not (tmp_path / f"race{round_}.review.toml.lock").exists()  # the owner removed it on close


def test_lock_of_a_killed_instance_is_taken_over(tmp_path):
    p = tmp_path / "a.review.toml"
    holder = subprocess.Popen([sys.executable, "-c", _OPEN_ON_GO, str(p)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    holder.stdin.write("go\n")
    holder.stdin.flush()
    assert holder.stdout.readline().strip() == "owner"
    second = SidecarStore(p, "a")
    second.open()
    assert second.read_only and f"pid {holder.pid}" in second.read_only_reason
    holder.kill()  # no clean-up: the lock file stays, the OS drops the process's flock
    holder.communicate()
    assert (tmp_path / "a.review.toml.lock").exists()
    third = SidecarStore(p, "a")
    third.open()
    assert not third.read_only
    assert (tmp_path / "a.review.toml.lock").read_text().split()[0] == str(os.getpid())
    third.close()
    assert not (tmp_path / "a.review.toml.lock").exists()


def test_a_copy_of_the_seeds_finds_the_sidecars_the_app_saved_for_the_bundled_seeds(tmp_path, monkeypatch):
    """`reviewer` alone opens the installed seeds and saves in the user data folder; `reviewer
    export seeds` from a checkout names a byte-identical copy: its sidecars are found there too,
    and a folder that differs in one byte is not taken for the seeds."""
    import shutil

    from reviewer.resources import bundled_seeds_dir, is_bundled_seeds, seeds_sidecar_dir
    from reviewer.sidecar.paths import sidecars_for

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    saved = seeds_sidecar_dir() / "alice.review.toml"
    saved.parent.mkdir(parents=True)
    saved.write_text('schema = 1\nreviewer = "alice"\n', encoding="utf-8")
    copy = tmp_path / "seeds"
    shutil.copytree(bundled_seeds_dir(), copy)
    assert is_bundled_seeds([copy]) and saved in sidecars_for([copy])
    first = sorted(copy.glob("*.txt"))[0]
    first.write_bytes(first.read_bytes() + b" ")
    assert not is_bundled_seeds([copy]) and saved not in sidecars_for([copy])


def test_a_sidecar_taken_from_the_data_folder_is_named_as_such(tmp_path, monkeypatch):
    """A copy of the seeds shares the sidecars the app saved for the bundled seeds: exports and
    errors say so, so a reviewer who never worked in that folder is not a surprise."""
    from reviewer.export.model import ExportSummary
    from reviewer.resources import seeds_sidecar_dir, seeds_sidecar_note

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    saved = seeds_sidecar_dir() / "alice.review.toml"
    here = tmp_path / "seeds" / "bob.review.toml"
    assert seeds_sidecar_note([here]) == ""
    assert seeds_sidecar_note([here, saved]).startswith("1 of them from ")
    line = ExportSummary("jsonl", "-", [], 3, ["alice", "bob"], [str(here), str(saved)], 0, 0).one_line()
    assert "where the app keeps the sidecars of the bundled seeds" in line


def test_check_says_why_it_reports_a_sidecar_of_the_seeds_data_folder(tmp_path, monkeypatch):
    """`reviewer check` on a byte-identical copy of the seeds lists the data folder's sidecars too
    (they belong to these articles by design): the line says so, the copy's own sidecar does not."""
    import shutil

    from reviewer import checks, claimreport
    from reviewer.resources import bundled_seeds_dir, seeds_sidecar_dir

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setattr(claimreport, "graph_warnings", lambda *a: [])  # no alignment: fast
    copy = tmp_path / "copy"
    shutil.copytree(bundled_seeds_dir(), copy)
    (copy / "bob.review.toml").write_text('schema = 1\nreviewer = "bob"\n', encoding="utf-8")
    saved = seeds_sidecar_dir() / "carol.review.toml"
    saved.parent.mkdir(parents=True)
    saved.write_text('schema = 1\nreviewer = "carol"\n', encoding="utf-8")
    lines = [msg for level, msg in checks.run_check([str(copy)]).lines if level == "ok"]
    [theirs] = [m for m in lines if "carol" in m]
    [ours] = [m for m in lines if "bob" in m]
    assert theirs.startswith("also found for these articles: ") and "data folder for the bundled seeds" in theirs
    assert ours.startswith(str(copy / "bob.review.toml"))
    (copy / "bob.review.toml").unlink()
    lines = [msg for level, msg in checks.run_check([str(copy)]).lines if level == "ok"]
    assert "no sidecar beside the articles" in lines and any(m.startswith("also found") for m in lines)
    assert "also found" not in " ".join(msg for _, msg in checks.run_check([str(copy)], sidecars=[str(saved)]).lines)


# --------------------------------------------------------------------------- the line of a faulty entry

def _nth(text: str, needle: str, n: int) -> int:
    """The start of the ``n``-th (1-based) occurrence of ``needle``."""
    k = -1
    for _ in range(n):
        k = text.index(needle, k + 1)
    return k


def _line(text: str, pos: int) -> int:
    return text.count("\n", 0, pos) + 1


def _spoil(text: str, start: int, old: str, new: str) -> tuple[str, int]:
    """``text`` with the first ``old`` from ``start`` on replaced by ``new``, and that line."""
    k = text.index(old, start)
    return text[:k] + new + text[k + len(old):], _line(text, k)


@pytest.mark.parametrize("fmt", ["toml", "json"])
def test_a_bad_field_is_reported_at_its_own_entry_s_line(tmp_path, fmt):
    """The line of the faulty entry's key, not that of the first key of the same name in the
    file (the cursor also has ``sentence``, every link a ``score``), on load and in check."""
    from reviewer import checks

    d = sample()
    d.tags.append(Tag(Anchor("art2", 0, 0, 20, "A drone hit the house."), "key-claim", "2026-11-23T10:04:00Z"))
    good = dumps(d, fmt)
    q = '"' if fmt == "json" else ""
    assign = ": " if fmt == "json" else " = "
    tag2 = _nth(good, '"label"' if fmt == "json" else "label =", 2)  # the second tags entry (sorted by article)
    tag2 = good.rindex("{" if fmt == "json" else "[[tags]]", 0, tag2)
    sep = ",\n" if fmt == "json" else "\n"
    link2 = _nth(good, f"{q}relation{q}{assign}", 2)  # the second link has no score: one is added
    cases = [
        (_spoil(good, tag2, f"{q}sentence{q}{assign}0", f'{q}sentence{q}{assign}"one"'),
         "tags entry 2: field 'sentence' has the wrong type (str)"),
        (_spoil(good, link2, f'{q}relation{q}{assign}"', f'{q}score{q}{assign}"high"{sep}{q}relation{q}{assign}"'),
         "links entry 2: score must be a number"),
        (_spoil(good, link2, '"match"', '"maybe"'),
         "links entry 2: relation must be match or conflict, not 'maybe'"),
    ]
    end_b = good.index(f"{q}b{q}", link2) if fmt == "json" else good.index("[links.b]", link2)
    cases.append((_spoil(good, end_b, f"{q}sentence{q}{assign}2", f"{q}sentence{q}{assign}-2"),
                  "links entry 2 end b: sentence must be 0 or more"))
    for n, ((text, line), message) in enumerate(cases):
        folder = tmp_path / f"{fmt}{n}"
        folder.mkdir()
        p = folder / f"alice.review.{fmt}"
        p.write_text(text, encoding="utf-8")
        with pytest.raises(SidecarError) as err:
            load_sidecar(p)
        assert err.value.one_line() == f"{p}:{line}: {message}", text
        errors = [m for level, m in checks.run_check([str(folder)], sidecars=[str(p)]).lines if level == "error"]
        assert f"{p}:{line}: {message}" in errors


def test_a_line_inside_a_multiline_note_is_never_taken_for_a_key():
    from reviewer.sidecar.locate import _toml_lines

    text = ('schema = 1\n[[notes]]\ntext = """first line\nsentence = 5\n"""\ntime = "x"\n'
            '[[notes]]\nsentence = 3\n')
    lines = _toml_lines(text)
    assert ("notes", 1, "sentence") not in lines and lines[("notes", 2, "sentence")] == 8
    assert lines[("notes", 1, "time")] == 6
