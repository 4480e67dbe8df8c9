"""reviewer agree: the measures against published worked examples, then the report on the
fixture sidecars (tests/data/export/drone_strike) and the command line."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from reviewer.agree import (agreement, alpha_nominal, alpha_nominal_builtin, cohen_kappa, observed_agreement,
                            render_table)
from reviewer.cli import main
from reviewer.errors import ReviewerError

FIXTURE = Path(__file__).resolve().parent / "data" / "export" / "drone_strike"
ALICE, BOB = FIXTURE / "alice.review.toml", FIXTURE / "bob.review.json"


def _table(counts: dict[tuple[str, str], int]) -> tuple[list[str], list[str]]:
    a, b = [], []
    for (x, y), n in counts.items():
        a += [x] * n
        b += [y] * n
    return a, b


# --------------------------------------------------------------------------- published examples

# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: 4 observers,
# 12 units, nominal data with missing values; nominal alpha = 0.743.
K2011 = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
    [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
]


def test_krippendorff_2011_example():
    units = [list(col) for col in zip(*K2011)]
    assert alpha_nominal(units) == pytest.approx(0.743, abs=5e-4)
    assert alpha_nominal_builtin(units) == pytest.approx(0.743, abs=5e-4)
    assert alpha_nominal(units) == pytest.approx(alpha_nominal_builtin(units), abs=1e-9)


def test_cohen_kappa_wikipedia_examples():
    # Wikipedia, "Cohen's kappa", simple example: 50 proposals, yes/yes 20, yes/no 5, no/yes 10,
    # no/no 15: po = 0.7, pe = 0.5, kappa = 0.4.
    a, b = _table({("yes", "yes"): 20, ("yes", "no"): 5, ("no", "yes"): 10, ("no", "no"): 15})
    assert observed_agreement(list(zip(a, b))) == pytest.approx(0.7)
    assert cohen_kappa(a, b) == pytest.approx(0.4)
    # same article, "same percentages but different numbers": 0.1304 and 0.2593
    a, b = _table({("yes", "yes"): 45, ("yes", "no"): 15, ("no", "yes"): 25, ("no", "no"): 15})
    assert cohen_kappa(a, b) == pytest.approx(0.1304, abs=1e-4)
    a, b = _table({("yes", "yes"): 25, ("yes", "no"): 35, ("no", "yes"): 5, ("no", "no"): 35})
    assert cohen_kappa(a, b) == pytest.approx(0.2593, abs=1e-4)


def test_cohen_kappa_agrees_with_sklearn():
    metrics = pytest.importorskip("sklearn.metrics", reason="scikit-learn is not installed (not a dependency)")
    import random

    rng = random.Random(7)
    for _ in range(20):
        n = rng.randint(5, 60)
        a = [rng.choice("xyz") for _ in range(n)]
        b = [x if rng.random() < 0.6 else rng.choice("xyz") for x in a]
        got = cohen_kappa(a, b)
        if got is None:  # chance agreement 1: undefined here, NaN in scikit-learn
            continue
        assert got == pytest.approx(metrics.cohen_kappa_score(a, b))


def test_undefined_values_are_none():
    assert cohen_kappa(["a", "a"], ["a", "a"]) is None  # chance agreement 1
    assert cohen_kappa([None], ["a"]) is None
    assert alpha_nominal([["a", "a"], ["a", "a"]]) is None  # a single value: alpha undefined
    assert observed_agreement([["a", None]]) is None


def test_alpha_two_raters_binary_matches_builtin():
    units = [["p", "p"], ["p", "a"], ["a", "a"], ["a", "a"], [None, "p"], ["a", "p"], ["p", "p"]]
    assert alpha_nominal(units) == pytest.approx(alpha_nominal_builtin(units))


# --------------------------------------------------------------------------- the fixture

def test_agreement_on_the_fixture():
    rep = agreement([ALICE, BOB])
    assert rep["reviewers"] == ["alice", "bob"]
    assert rep["units"]["kind"] == "articles" and rep["units"]["sentences"] == 11
    by = {m["label"]: m for m in rep["labels"]}
    assert set(by) == {"contradicted", "single-source", "opinion", "key-claim"}
    con = by["contradicted"]
    # alice: a:0, a:1, b:1; bob: a:0, a:1 -> [[2, 1], [0, 8]] over 11 sentences
    assert con["confusion"]["alice x bob"] == {"present": {"present": 2, "absent": 1},
                                               "absent": {"present": 0, "absent": 8}}
    po, pe = 10 / 11, (3 * 2 + 8 * 9) / 121
    assert con["observed"] == pytest.approx(po, abs=1e-4)
    assert con["kappa"] == pytest.approx((po - pe) / (1 - pe), abs=1e-4)
    assert con["alpha"] is not None and con["units"] == 11
    assert [(d["article"], d["sentence"], d["values"]) for d in con["disagreements"]] == [
        ("b", 1, {"alice": "present", "bob": "absent"})]
    assert con["disagreements"][0]["text"] == "The prime minister was wounded in the attack, officials said."
    assert by["opinion"]["kappa"] == 0.0  # bob alone, once: no agreement beyond chance
    assert rep["all_labels"]["units"] == 44
    links = rep["links"]
    # decided by both: a1-b1 conflict, a0-c0 conflict, b0-c0 conflict, a2-b2 match, a1-c2 match
    assert links["units"] == 5 and links["decided_by_one"] == 2
    assert links["observed"] == pytest.approx(0.8)
    assert links["confusion"]["alice x bob"] == {"accepted": {"accepted": 2, "rejected": 1},
                                                 "rejected": {"accepted": 0, "rejected": 2}}
    [d] = links["disagreements"]
    assert (d["relation"], d["a"], d["b"], d["values"]) == ("conflict", "a:0", "c:0",
                                                            {"alice": "accepted", "bob": "rejected"})
    assert any("anchors whose sentence is gone" in w for w in rep["warnings"])


def test_units_without_articles_are_the_tagged_sentences(tmp_path):
    for p in (ALICE, BOB):
        shutil.copyfile(p, tmp_path / p.name)
    rep = agreement([tmp_path / ALICE.name, tmp_path / BOB.name])
    assert rep["units"]["kind"] == "tagged"
    # tagged by anyone: a:0 a:1 a:3 b:1 c:1 and alice's orphan a:5 (no articles: not known to be gone)
    assert rep["units"]["sentences"] == 6
    assert "no articles found" in render_table(rep)


def test_explicit_articles(tmp_path):
    for p in (ALICE, BOB):
        shutil.copyfile(p, tmp_path / p.name)
    rep = agreement([tmp_path / ALICE.name, tmp_path / BOB.name], articles=[FIXTURE])
    assert rep["units"]["kind"] == "articles" and rep["units"]["sentences"] == 11


def test_three_reviewers_give_pairwise_kappas(tmp_path):
    again = tmp_path / "drone_strike" / "alice-again.review.toml"  # the same reviewer's name in another file
    shutil.copytree(ALICE.parent, again.parent)
    shutil.copy(ALICE, again)
    rep = agreement([ALICE, BOB, again])
    assert rep["reviewers"] == ["alice", "bob", "alice#2"]
    assert any("also wrote another sidecar" in w for w in rep["warnings"])
    con = next(m for m in rep["labels"] if m["label"] == "contradicted")
    pairs = {(p["a"], p["b"]): p["kappa"] for p in con["pairs"]}
    assert pairs[("alice", "alice#2")] == 1.0 and pairs[("alice", "bob")] == pytest.approx(0.7442, abs=1e-4)
    assert con["kappa"] == pytest.approx(sum(pairs.values()) / 3, abs=1e-4)
    text = render_table(rep)
    assert "pairwise Cohen's kappa" in text and "mean kappa" in text


def test_table_columns_are_aligned():
    text = render_table(agreement([ALICE, BOB]))
    lines = text.splitlines()
    head = next(i for i, l in enumerate(lines) if l.rstrip().endswith("alpha"))
    rows = lines[head:head + 8]
    assert set(rows[1].replace(" ", "")) == {"-"}
    ends = {len(r.rstrip()) for r in rows}
    assert len(ends) == 1, rows  # right-aligned numbers end in the same column
    assert "label contradicted" in text and "links" in text and "disagreements:" in text


def test_a_sentence_that_starts_with_a_quote_mark_is_not_quoted_twice():
    report = agreement([ALICE, BOB])
    said = "“We saw the lights go out,” a neighbour said."  # our own sentence
    n = 0
    for m in [*report["labels"], report["links"]]:
        for d in m["disagreements"]:
            for k in ("text", "a_text", "b_text"):
                if k in d:
                    d[k], n = said, n + 1
    assert n
    text = render_table(report)
    assert "““" not in text and f"      {said}" in text
    assert "“plain words”" in render_table(_one_plain(report))


def _one_plain(report: dict) -> dict:
    for m in [*report["labels"], report["links"]]:
        for d in m["disagreements"]:
            for k in ("text", "a_text", "b_text"):
                if k in d:
                    d[k] = "plain words"
    return report


# --------------------------------------------------------------------------- CLI

def test_cli_agree(capsys):
    assert main(["agree", str(ALICE), str(BOB)]) == 0
    cap = capsys.readouterr()
    assert "kappa" in cap.out and "alpha" in cap.out
    assert main(["agree", str(ALICE), str(BOB), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["links"]["units"] == 5


def test_cli_agree_usage_and_errors(tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["agree", str(ALICE)])
    assert exit_.value.code == 2
    assert "at least two sidecars" in capsys.readouterr().err
    assert main(["agree", str(ALICE), str(tmp_path / "nobody.review.toml")]) == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "nobody.review.toml" in err and "Traceback" not in err
    bad = tmp_path / "bad.review.json"
    bad.write_text("{not json")
    assert main(["agree", str(ALICE), str(bad)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and f"{bad}:1" in err


def test_cli_agree_warns_about_same_reviewer(tmp_path, capsys):
    again = tmp_path / "drone_strike" / "alice-again.review.toml"
    shutil.copytree(ALICE.parent, again.parent)
    shutil.copy(ALICE, again)
    assert main(["agree", str(ALICE), str(again)]) == 0
    assert "also wrote another sidecar" in capsys.readouterr().err


def test_a_sidecar_of_another_cluster_is_refused_unless_forced(tmp_path, capsys):
    """Figures over a sidecar with nothing on these articles mean nothing: exit 1, one line naming
    it and why; --force compares anyway, with the warning."""
    from reviewer.annotations import Anchor, ReviewData, Tag
    from reviewer.sidecar.codec import save_sidecar

    foreign = ReviewData(reviewer="zed")
    foreign.tags.append(Tag(Anchor("zzz", 0, 0, 10, "A sentence of some other story."), "opinion", "2026-01-01T00:00:00Z"))
    zed = tmp_path / "zed.review.toml"
    save_sidecar(zed, foreign)
    assert main(["agree", str(ALICE), str(zed)]) == 1
    cap = capsys.readouterr()
    assert cap.out == "" and cap.err.count("\n") == 1
    assert f"{zed}: none of its 1 tags" in cap.err and "another cluster's sidecar" in cap.err and "--force" in cap.err
    assert main(["agree", str(ALICE), str(zed), "--force"]) == 0
    cap = capsys.readouterr()
    assert "reviewers: alice, zed" in cap.out and "compared anyway (--force)" in cap.err
    # without articles: two sidecars with no article in common
    for p in (ALICE, zed):
        shutil.copyfile(p, tmp_path / f"copy_{p.name}")
    assert main(["agree", str(tmp_path / "copy_alice.review.toml"), str(tmp_path / "copy_zed.review.toml")]) == 1
    err = capsys.readouterr().err
    assert "have no article in common (a, b, c vs zzz)" in err and "--force" in err
    assert main(["agree", str(tmp_path / "copy_alice.review.toml"), str(tmp_path / "copy_zed.review.toml"),
                 "--force"]) == 0


def test_the_adjudicator_is_set_apart_from_the_reviewers(tmp_path, capsys):
    """After adjudication the agreement is still the annotators'; the adjudicator gets its own lines."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from test_export import _adjudicator

    folder = tmp_path / "drone_strike"
    shutil.copytree(FIXTURE, folder)
    before = agreement([folder / ALICE.name, folder / BOB.name])
    _adjudicator(folder)  # rejects a:0 – c:0: bob's decision, not alice's
    rep = agreement([folder / ALICE.name, folder / BOB.name, folder / "adjudicator.review.toml"])
    assert rep["reviewers"] == ["alice", "bob"]
    assert rep["links"] == before["links"] and rep["labels"] == before["labels"]
    adj = rep["adjudicator"]
    assert adj["links_decided"] == 1
    assert {r["reviewer"]: (r["units"], r["observed"]) for r in adj["annotators"]} == {"alice": (1, 0.0),
                                                                                      "bob": (1, 1.0)}
    assert before["adjudicator"] is None
    assert main(["agree", str(folder)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("reviewers: alice, bob\n") and "mean kappa" not in out
    assert "adjudicator: " in out and "set apart" in out and "agreement with the adjudicator" in out
    with pytest.raises(Exception) as err:  # one annotator and the adjudicator: nothing to compare
        agreement([folder / ALICE.name, folder / "adjudicator.review.toml"])
    assert "two annotators" in str(err.value)


def test_a_pair_decided_with_different_relations_is_said_and_listed(tmp_path, capsys):
    """alice accepts a conflict, bob a match on one pair (a:2 – c:1): no (pair, relation) unit
    both decided, but they disagree, as --adjudicate says; agree names it, not as two links
    decided by one reviewer only, and its JSON carries it."""
    from tests.test_adjudicate import _both_link_by_hand

    folder = tmp_path / "drone_strike"
    shutil.copytree(FIXTURE, folder)
    before = agreement([FIXTURE / ALICE.name, FIXTURE / BOB.name])
    _both_link_by_hand(folder)
    rep = agreement([folder / ALICE.name, folder / BOB.name])
    links = rep["links"]
    assert links["decided_by_one"] == before["links"]["decided_by_one"] == 2  # not 4
    assert links["units"] == before["links"]["units"]
    [d] = links["different_relations"]
    assert (d["a"], d["b"], d["values"]) == ("a:2", "c:1", {"alice": "conflict accepted", "bob": "match accepted"})
    assert d["b_text"] == "No group has claimed responsibility for the attack."
    assert before["links"]["different_relations"] == []
    assert main(["agree", str(folder / ALICE.name), str(folder / BOB.name)]) == 0
    out = capsys.readouterr().out
    assert ("link units: (pair, relation) decided by at least two reviewers; 2 decided by one only, left out; "
            "1 pair decided by both through different relations (each reviewer's decisions listed below), not "
            "counted in the link units\n") in out
    assert "  different relations a:2 – c:1  (alice: conflict accepted, bob: match accepted)\n" in out
    assert main(["agree", str(folder / ALICE.name), str(folder / BOB.name), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["links"]["different_relations"][0]["values"]["bob"] == "match accepted"


def test_one_sidecar_given_twice_is_refused(capsys):
    # it agreed with itself (kappa 1.000, exit 0) with only a warning: a figure that means nothing
    assert main(["agree", str(ALICE), str(ALICE)]) == 1
    err = capsys.readouterr().err
    assert "is given twice" in err and "Traceback" not in err
    with pytest.raises(ReviewerError):
        agreement([ALICE, ALICE.parent / ".." / ALICE.parent.name / ALICE.name])
