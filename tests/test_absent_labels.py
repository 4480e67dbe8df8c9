"""Stop 26: the adjudicator can leave out a label most reviewers set. Its sidecar records it
(`absent_labels`), the label's key cycles keep / leave out / undecided on a disputed label (one
undo step each), and ``export --resolve adjudicated`` drops it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from reviewer.annotations import Anchor, ReviewData, Tag
from reviewer.cli import main
from reviewer.sidecar.codec import load_sidecar, save_sidecar
from tests.test_adjudicate import CONFIG, HERE, _adjudicator_app


@pytest.fixture
def cluster(tmp_path) -> Path:
    dst = tmp_path / "drone_strike"
    shutil.copytree(HERE / "drone_strike", dst)
    return dst


def _carol_sets_what_alice_set(cluster: Path) -> None:
    """carol copies alice's tags: a label alice set and bob did not is set by two of three."""
    alice = load_sidecar(cluster / "alice.review.toml")
    save_sidecar(cluster / "carol.review.toml", ReviewData(reviewer="carol", tags=list(alice.tags)), backup=False)


def test_absent_labels_round_trip(tmp_path):
    data = ReviewData(reviewer="adjudicator")
    data.absent.append(Tag(Anchor("a", 1, 0, 10, "Some text."), "contradicted", "2026-12-02T10:00:00Z"))
    save_sidecar(tmp_path / "adjudicator.review.toml", data, backup=False)
    assert "[[absent_labels]]" in (tmp_path / "adjudicator.review.toml").read_text(encoding="utf-8")
    back = load_sidecar(tmp_path / "adjudicator.review.toml")
    assert [(t.anchor.key(), t.label) for t in back.absent] == [(("a", 1), "contradicted")]
    # a sidecar without any keeps its old shape
    save_sidecar(tmp_path / "bob.review.toml", ReviewData(reviewer="bob"), backup=False)
    assert "absent_labels" not in (tmp_path / "bob.review.toml").read_text(encoding="utf-8")


def _labels(out: Path) -> set[tuple[str, str]]:
    return {(r["a"]["article"] + ":" + str(r["a"]["sentence"]), r["label"])
            for r in map(json.loads, out.read_text(encoding="utf-8").splitlines()) if r.get("type") == "tag"}


async def test_the_adjudicator_leaves_out_a_majority_label(cluster, tmp_path):
    _carol_sets_what_alice_set(cluster)
    cfg = ["--config", str(CONFIG)]
    before = tmp_path / "before.jsonl"
    app = _adjudicator_app(cluster)
    async with app.run_test(size=(150, 40)) as pilot:
        await pilot.pause()
        disputes = app.review.adjudication.label_disputes
        # a label alice and carol set and bob did not: disputed, and a majority (2 of 3)
        key, label = next((k, lab) for k, by in sorted(disputes.items()) for lab, who in sorted(by.items())
                          if who == ["alice", "carol"])
        app.review.nav.go_key(key)
        app.review.moved()
        await pilot.pause()
        number = next(str(n) for n, lab in enumerate(app.config.labels, 1) if lab.name == label)
        await pilot.press(number)  # keep
        await pilot.press(number)  # leave out
        await pilot.pause()
        shown = str(app.review.query_one("Inspector").build(app.review.state))
        assert f"LABEL DISPUTED  [{label}]" in shown and "(left out: you decided it)" in shown, shown
        await pilot.press("u")  # one step back: kept
        await pilot.pause()
        assert label in app.session.tags_by.get(key, [])
        await pilot.press(number)  # left out again
        await pilot.press("s")
        await pilot.pause()
    side = load_sidecar(cluster / "adjudicator.review.toml")
    assert [(t.anchor.key(), t.label) for t in side.absent] == [(key, label)]
    assert label not in [t.label for t in side.tags if t.anchor.key() == key]
    out = tmp_path / "adj.jsonl"
    assert main(["export", str(cluster), "-f", "jsonl", "-o", str(out), "--resolve", "adjudicated", *cfg]) == 0
    assert (f"{key[0]}:{key[1]}", label) not in _labels(out)
    # the majority alone keeps it
    assert main(["export", str(cluster), "-f", "jsonl", "-o", str(before), "--resolve", "majority", *cfg]) == 0
    assert (f"{key[0]}:{key[1]}", label) in _labels(before)


def test_a_stale_leave_out_does_not_drop_a_label_every_reviewer_set(cluster, tmp_path):
    """Review, stop 26: once every reviewer sets the label there is no dispute, and the old
    decision (not shown on screen any more) must not drop it."""
    alice = load_sidecar(cluster / "alice.review.toml")
    t = alice.tags[0]
    adj = ReviewData(reviewer="adjudicator")
    adj.absent.append(Tag(t.anchor, t.label, "2026-12-02T10:00:00Z"))
    save_sidecar(cluster / "adjudicator.review.toml", adj, backup=False)
    bob_has = any(b.anchor.key() == t.anchor.key() and b.label == t.label
                  for b in load_sidecar(next(cluster.glob("bob.review.*"))).tags)
    out = tmp_path / "adj.jsonl"
    assert main(["export", str(cluster), "-f", "jsonl", "-o", str(out), "--resolve", "adjudicated",
                 "--config", str(CONFIG)]) == 0
    kept = (f"{t.anchor.article}:{t.anchor.sentence}", t.label) in _labels(out)
    assert kept == bob_has  # set by both: kept whatever the stale decision; set by alice only: left out


def test_check_counts_the_labels_left_out(cluster, capsys):
    adj = ReviewData(reviewer="adjudicator")
    adj.absent.append(Tag(Anchor("a", 1, 75, 137, "The prime minister was not hurt in the attack, officials said."),
                          "key-claim", "2026-12-02T10:00:00Z"))
    save_sidecar(cluster / "adjudicator.review.toml", adj, backup=False)
    main(["check", str(cluster), "--config", str(CONFIG)])
    assert "1 label left out" in capsys.readouterr().out


def test_the_export_hint_quotes_a_path_with_a_space(tmp_path, capsys):
    folder = tmp_path / "sp ace"
    shutil.copytree(HERE / "drone_strike", folder)
    with open(folder / "bob.review.toml", "w", encoding="utf-8") as f:
        f.write("broken = [\n")
    assert main(["export", str(folder), "-f", "jsonl", "-o", str(tmp_path / "x.jsonl"), "--config", str(CONFIG)]) == 1
    assert f"--sidecar '{folder / 'alice.review.toml'}'" in capsys.readouterr().err


def test_a_backup_of_left_out_labels_is_work_and_an_orphan_is_listed(tmp_path):
    from reviewer.sidecar.reanchor import orphan_lines
    from reviewer.tui.workspace import backup_path, good_backup

    data = ReviewData(reviewer="adjudicator")
    data.absent.append(Tag(Anchor("a", 1, 0, 10, "Gone text.", orphan=True), "key-claim", "2026-12-02T10:00:00Z"))
    side = tmp_path / "adjudicator.review.toml"
    save_sidecar(backup_path(side), data, backup=False)
    assert good_backup(side) is not None  # it holds a decision: it is offered
    assert orphan_lines(data) == ["label 'key-claim' left out on a:1 “Gone text.”"]


def test_the_summary_line_counts_the_labels_the_adjudicator_left_out(cluster, tmp_path, capsys):
    _carol_sets_what_alice_set(cluster)  # a:1 key-claim: alice and carol, not bob
    alice = load_sidecar(cluster / "alice.review.toml")
    t = next(t for t in alice.tags if t.anchor.key() == ("a", 1) and t.label == "key-claim")
    adj = ReviewData(reviewer="adjudicator")
    adj.absent.append(Tag(t.anchor, t.label, "2026-12-02T10:00:00Z"))
    save_sidecar(cluster / "adjudicator.review.toml", adj, backup=False)
    out = tmp_path / "adj.jsonl"
    assert main(["export", str(cluster), "-f", "jsonl", "-o", str(out), "--resolve", "adjudicated",
                 "--config", str(CONFIG)]) == 0
    assert "1 sentence label left out by the adjudicator" in capsys.readouterr().out
    assert ("a:1", "key-claim") not in _labels(out)
