"""What a new user's trial of `reviewer export` found (stop 24): an export with nothing in it,
splits that put one pair's opposite labels together and one sentence in two splits. The cluster
is made up here (a bridge closure in an invented town); the sidecars are written by the tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reviewer import export as ex
from reviewer.annotations import Anchor, LinkDecision, ReviewData
from reviewer.cli import main
from reviewer.io.articles import load_cluster
from reviewer.sidecar.codec import save_sidecar

CONFIG = Path(__file__).resolve().parent / "data" / "export" / "config.toml"
T = "2026-03-01T10:00:00Z"

ARTICLES = {
    "a": ["The old bridge in Tornvik was closed on Monday after cracks were found.",
          "Engineers said the repairs would take six weeks.",
          "A ferry will carry cars across the river until then.",
          "The mayor called the closure a necessary step."],
    "b": ["Tornvik's old bridge was shut on Tuesday when inspectors found cracks.",
          "Repairs are expected to last two months, engineers said.",
          "Cars will cross the river by ferry in the meantime.",
          "The mayor said the town had no other choice."],
    "c": ["The bridge at Tornvik closed on Monday because of cracks.",
          "Engineers expect six weeks of repairs.",
          "A temporary ferry service starts next week.",
          "Shops near the bridge fear a quiet summer."],
}


def make_cluster(root: Path, name: str = "bridge", articles: dict[str, list[str]] | None = None) -> Path:
    """A cluster folder of one .txt per article (``articles``: id -> sentences; ARTICLES above)."""
    folder = root / name
    folder.mkdir(parents=True)
    for art, sents in (ARTICLES if articles is None else articles).items():
        (folder / f"{art}.txt").write_text("\n\n".join(sents) + "\n", encoding="utf-8")
    return folder


def write_sidecar(folder: Path, reviewer: str, decisions) -> Path:
    """``decisions``: (a, i, b, j, relation, decision) tuples."""
    cluster = load_cluster([folder])
    sents = {(a.id, s.index): s for a in cluster.articles for s in a.sentences}

    def anchor(art: str, i: int) -> Anchor:
        s = sents[(art, i)]
        return Anchor(art, i, s.start, s.end, s.text)

    data = ReviewData(reviewer=reviewer, created=T, updated=T)
    for a, i, b, j, rel, dec in decisions:
        data.links.append(LinkDecision(anchor(a, i), anchor(b, j), rel, dec, time=T))
    path = folder / f"{reviewer}.review.toml"
    save_sidecar(path, data)
    return path


def jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


# --------------------------------------------------------------------------- nothing to export

def _disagreeing(tmp_path: Path) -> Path:
    folder = make_cluster(tmp_path)
    write_sidecar(folder, "alice", [("a", 0, "b", 0, "conflict", "accepted"), ("a", 1, "b", 1, "conflict", "accepted")])
    write_sidecar(folder, "bob", [("a", 0, "b", 0, "conflict", "rejected"), ("a", 1, "b", 1, "match", "accepted")])
    return folder


def test_an_export_with_nothing_in_it_says_why_and_writes_nothing(tmp_path, capsys):
    folder = _disagreeing(tmp_path)
    out = tmp_path / "out" / "n.jsonl"
    out.parent.mkdir()
    cfg = ["--config", str(CONFIG)]
    assert main(["export", str(folder), "-f", "nli", "-o", str(out), "--resolve", "unanimous", *cfg]) == 1
    cap = capsys.readouterr()
    assert cap.out == "" and cap.err.count("\n") == 1
    assert f"nothing exported ({out} not written): --resolve unanimous left out all 2 decided pairs" in cap.err
    assert "try --resolve majority" in cap.err
    assert not out.exists()
    out.write_text("an earlier export\n", encoding="utf-8")  # never replaced by nothing
    assert main(["export", str(folder), "-f", "nli", "-o", str(out), "--resolve", "majority", *cfg]) == 1
    assert "--resolve majority left out all 2 decided pairs" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "an earlier export\n"
    assert main(["export", str(folder), "-f", "nli", "-o", "-", "--resolve", "unanimous", *cfg]) == 1
    cap = capsys.readouterr()
    assert cap.out == "" and "nothing exported (nothing written)" in cap.err
    split = tmp_path / "splits"
    assert main(["export", str(folder), "-f", "nli", "-o", str(split), "--split", "80/10/10",
                 "--resolve", "unanimous", *cfg]) == 1
    assert "nothing exported" in capsys.readouterr().err and not split.exists()
    assert main(["export", str(folder), "-f", "nli", "-o", str(out), "--resolve", "all", *cfg]) == 0
    assert len(jsonl(out)) == 4


def test_nothing_reviewed_or_no_pairs_for_nli(tmp_path, capsys):
    folder = make_cluster(tmp_path)
    save_sidecar(folder / "carol.review.toml", ReviewData(reviewer="carol", created=T, updated=T))
    cfg = ["--config", str(CONFIG)]
    assert main(["export", str(folder), "-f", "jsonl", "-o", str(tmp_path / "x.jsonl"), *cfg]) == 1
    assert "hold no tag, note or link decision yet" in capsys.readouterr().err
    assert not (tmp_path / "x.jsonl").exists()
    # the TUI's palette still writes the file and says why in its toast
    s = ex.export_files([folder], None, "jsonl", tmp_path / "x.jsonl", config=CONFIG, allow_empty=True)
    assert s.records == 0 and (tmp_path / "x.jsonl").exists()
    # the html report is a page about the articles: written with no decision at all
    assert main(["export", str(folder), "-f", "html", "-o", str(tmp_path / "r.html"), *cfg]) == 0


# --------------------------------------------------------------------------- splits without leakage

CLAIMS = [("a", 0, "b", 0, "conflict", "accepted"), ("a", 0, "c", 0, "match", "accepted"),
          ("b", 0, "c", 0, "conflict", "accepted"), ("a", 1, "b", 1, "conflict", "accepted"),
          ("a", 1, "c", 1, "match", "accepted"), ("a", 2, "b", 2, "match", "accepted"),
          ("b", 2, "c", 2, "match", "rejected"), ("a", 3, "b", 3, "match", "accepted")]


def _sentences_by_split(folder: Path) -> dict[str, set[str]]:
    where: dict[str, set[str]] = {}
    for name in ex.SPLITS:
        path = folder / f"{name}.jsonl"
        for r in jsonl(path) if path.exists() else []:
            assert r["split"] == name
            for sid in (r["premise_id"], r["hypothesis_id"]):
                where.setdefault(sid, set()).add(name)
    return where


def test_split_keeps_linked_sentences_together_and_warns_about_disagreeing_labels(tmp_path, capsys):
    folder = make_cluster(tmp_path)
    write_sidecar(folder, "alice", CLAIMS)
    bob = [c if c[:4] != ("a", 0, "b", 0) else ("a", 0, "b", 0, "conflict", "rejected") for c in CLAIMS]
    write_sidecar(folder, "bob", bob)
    out = tmp_path / "splits"
    cfg = ["--config", str(CONFIG)]
    assert main(["export", str(folder), "-f", "nli", "-o", str(out), "--split", "80/10/10", *cfg]) == 0
    cap = capsys.readouterr()
    assert ("warning: 1 pair exported with disagreeing labels, one record per reviewer (e.g. bridge/a:0|bridge/b:0: "
            "contradiction by alice, neutral by bob)") in cap.err and "--resolve majority" in cap.err
    where = _sentences_by_split(out)
    assert where and all(len(s) == 1 for s in where.values()), where  # no sentence in two splits
    pairs: dict[str, set[str]] = {}
    for name in ex.SPLITS:
        for r in jsonl(out / f"{name}.jsonl"):
            pairs.setdefault(r["pair_id"], set()).add(name)
    assert all(len(s) == 1 for s in pairs.values())
    assert all((out / f"{n}.jsonl").read_text(encoding="utf-8") for n in ex.SPLITS)  # 4 groups fill 3 splits
    again = tmp_path / "again"
    assert main(["export", str(folder), "-f", "nli", "-o", str(again), "--split", "80/10/10", *cfg]) == 0
    for name in ex.SPLITS:  # seeded: the same files every time
        assert (again / f"{name}.jsonl").read_bytes() == (out / f"{name}.jsonl").read_bytes()
    capsys.readouterr()
    assert main(["export", str(folder), "-f", "nli", "-o", str(tmp_path / "m"), "--split", "80/10/10",
                 "--resolve", "majority", *cfg]) == 0
    assert "disagreeing labels" not in capsys.readouterr().err


def test_plan_split_never_puts_one_sentence_in_two_splits():
    import random

    rng = random.Random(7)
    rows = []
    for _ in range(120):  # 120 pairs over 200 sentences: many groups, some of several pairs
        a, b = rng.sample(range(200), 2)
        pa, pb = f"x/s:{a}", f"x/s:{b}"
        rows.append({"pair_id": "|".join(sorted((pa, pb))), "premise_id": pa, "hypothesis_id": pb,
                     "label": rng.choice([0, 1, 2]), "cluster": "x"})
    rows += [dict(r, label=(r["label"] + 1) % 3) for r in rows[:20]]  # a second reviewer, disagreeing
    groups = ex.sentence_groups(rows)
    assert 10 < len(set(groups.values())) < 120
    planned = ex.plan_split(rows, (80, 10, 10))
    assert planned == ex.plan_split(list(reversed(rows)), (80, 10, 10))[::-1]  # order of the input: no matter
    seen: dict[str, str] = {}
    for r in planned:
        for sid in (r["premise_id"], r["hypothesis_id"]):
            assert seen.setdefault(sid, r["split"]) == r["split"], sid
    share = {n: sum(r["split"] == n for r in planned) / len(planned) for n in ex.SPLITS}
    assert 0.7 < share["train"] < 0.9 and share["dev"] > 0.05 and share["test"] > 0.05, share
    # many small groups: shares close to the asked ones, stratified by label
    small = []
    for g in range(100):
        pa, pb = f"y/a:{g}", f"y/b:{g}"
        small.append({"pair_id": f"{pa}|{pb}", "premise_id": pa, "hypothesis_id": pb, "label": g % 2, "cluster": "y"})
    planned = ex.plan_split(small, (80, 10, 10))
    for label in (0, 1):
        got = [r["split"] for r in planned if r["label"] == label]
        assert (got.count("train"), got.count("dev"), got.count("test")) == (40, 5, 5)
