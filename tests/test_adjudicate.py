"""``reviewer PATH --adjudicate`` (issue 17): the others' decisions per link, n / N through the
disputed pairs, the adjudicator's sidecar, and ``export --resolve adjudicated`` reading it.

The fixture is tests/data/export/drone_strike (alice and bob disagree on one pair, a:0 – c:0)."""

from __future__ import annotations

import json
import shutil
import tomllib
from pathlib import Path

import pytest

from reviewer.config import load_config
from reviewer.engine.cache import align_cached
from reviewer.errors import ReviewerError
from reviewer.export import export_files
from reviewer.export.adjudication import load_decisions
from reviewer.io.articles import load_cluster

HERE = Path(__file__).resolve().parent / "data" / "export"
CONFIG = HERE / "config.toml"
DISPUTED = frozenset([("a", 0), ("c", 0)])


@pytest.fixture
def cluster(tmp_path) -> Path:
    dst = tmp_path / "drone_strike"
    shutil.copytree(HERE / "drone_strike", dst)
    return dst


async def _n_to(pilot, app, pair, tries: int = 12) -> None:
    """Press n until the disputed ``pair`` is selected (n also stops at sentences whose labels the
    reviewers set differently, stop 26)."""
    for _ in range(tries):
        await pilot.press("n")
        await pilot.pause()
        link = app.focused_link()
        if link is not None and link.pair() == pair and app.review.message.startswith("dispute"):
            return
    raise AssertionError(f"n never reached {sorted(pair)}")


def test_decisions_of_the_other_reviewers(cluster):
    d = load_decisions(load_cluster([cluster]), [cluster], cluster / "adjudicator.review.toml")
    assert d.reviewers == ["alice", "bob"]
    assert d.disputed_pairs() == {DISPUTED}
    assert d.describe(DISPUTED) == "alice: conflict ✓ · bob: conflict ✗"
    assert not d.disputed(frozenset([("a", 1), ("b", 1)]))
    assert "1 disputed pair" in d.summary()


def test_adjudicate_refuses_another_reviewer_name():
    from reviewer.tui.adjudicate import adjudicator_name

    assert adjudicator_name(None) == "adjudicator"
    with pytest.raises(ReviewerError):
        adjudicator_name("alice")


async def test_adjudication_mode_in_the_tui(cluster, tmp_path):
    app = _adjudicator_app(cluster)
    async with app.run_test(size=(150, 40)) as pilot:
        await pilot.pause()
        await pilot.press("j", "j")
        await _n_to(pilot, app, DISPUTED)  # from a:2, n goes round to the disputed pair
        assert app.focused_link() is not None and app.focused_link().pair() == DISPUTED
        where = app.cursor
        assert where in DISPUTED
        shown = str(app.review.query_one("Inspector").build(app.review.state))
        assert "DISPUTED  alice: conflict ✓ · bob: conflict ✗" in shown
        assert app.review._adjudicating() == "adjudicating: 1 disputed pair, labels disputed on 3 sentences (n / N)"
        await pilot.press("x")  # the adjudicator rejects the conflict
        await pilot.press("s")
        await pilot.pause()
        assert app.review._adjudicating() == "adjudicating: 1 disputed pair, 1 decided, labels disputed on 3 sentences (n / N)"  # how far along
    side = tomllib.loads((cluster / "adjudicator.review.toml").read_text(encoding="utf-8"))
    assert side["reviewer"] == "adjudicator"
    [link] = side["links"]
    assert (link["relation"], link["decision"]) == ("conflict", "rejected")
    assert {(link["a"]["article"], link["a"]["sentence"]), (link["b"]["article"], link["b"]["sentence"])} == DISPUTED
    out = tmp_path / "adj.nli.jsonl"
    export_files([cluster], None, "nli", out, config=CONFIG, resolve="adjudicated")
    recs = {r["pair_id"]: r for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    settled = recs["drone_strike/a:0|drone_strike/c:0"]
    assert (settled["label_text"], settled["reviewer"], settled["resolution"]) == ("neutral", "adjudicator", "adjudicated")


HAND = frozenset([("a", 2), ("c", 1)])  # a pair the engine does not suggest


def _link_by_hand(cluster: Path, relation: str) -> dict:
    a = {"article": "a", "sentence": 2, "start": 139, "end": 211,
         "quote": "Security forces closed the roads around the Green Zone after the attack."}
    c = {"article": "c", "sentence": 1, "start": 78, "end": 129,
         "quote": "No group has claimed responsibility for the attack."}
    return {"relation": relation, "decision": "accepted", "origin": "manual", "note": "",
            "time": "2026-01-10T10:00:00Z", "a": a, "b": c}


def _add_link(cluster: Path, who: str, link: dict) -> None:
    """Append ``link`` to the fixture's sidecar of ``who`` (alice's is TOML, bob's JSON)."""
    import tomli_w

    toml, js = cluster / f"{who}.review.toml", cluster / f"{who}.review.json"
    if toml.exists():
        side = tomllib.loads(toml.read_text(encoding="utf-8"))
        side["links"].append(link)
        toml.write_text(tomli_w.dumps(side), encoding="utf-8")
    else:
        side = json.loads(js.read_text(encoding="utf-8"))
        side["links"].append(link)
        js.write_text(json.dumps(side), encoding="utf-8")


def _both_link_by_hand(cluster: Path) -> None:
    """alice links HAND by hand as a conflict, bob as a match: a disputed pair no suggestion names."""
    _add_link(cluster, "alice", _link_by_hand(cluster, "conflict"))
    _add_link(cluster, "bob", _link_by_hand(cluster, "match"))


def _adjudicator_app(cluster: Path):
    """The TUI opened as the adjudicator on ``cluster``, the others' decisions loaded (not run yet)."""
    from reviewer.tui.adjudicate import start_adjudication
    from reviewer.tui.app import make_app

    cfg = load_config(CONFIG)
    links, _ = align_cached(load_cluster([cluster]), cfg.align)
    app = make_app([str(cluster)], reviewer="adjudicator", config=cfg, links=links)
    start_adjudication(app, [str(cluster)])
    return app


def test_unsuggested_disputed_pairs_become_links(cluster):
    _both_link_by_hand(cluster)
    cfg = load_config(CONFIG)
    c = load_cluster([cluster])
    links, _ = align_cached(c, cfg.align)
    d = load_decisions(c, [cluster], cluster / "adjudicator.review.toml")
    assert d.disputed_pairs() == {DISPUTED, HAND}
    [extra] = d.unsuggested_links(links)  # DISPUTED is suggested already: not repeated
    assert frozenset([(extra.a.article, extra.a.sentence), (extra.b.article, extra.b.sentence)]) == HAND
    assert extra.relation == "conflict" and extra.score is None  # one vote each: the conflict comes first


async def test_n_reaches_a_disputed_pair_linked_only_by_hand(cluster):
    _both_link_by_hand(cluster)
    app = _adjudicator_app(cluster)
    async with app.run_test(size=(150, 40)) as pilot:
        await pilot.pause()
        await _n_to(pilot, app, DISPUTED)
        await _n_to(pilot, app, HAND)
        shown = str(app.review.query_one("Inspector").build(app.review.state))
        assert "by reviewers" in shown and "alice: conflict ✓ · bob: match ✓" in shown
        await pilot.press("r")  # the adjudicator settles it as a match
        await pilot.press("s")
        await pilot.pause()
    side = tomllib.loads((cluster / "adjudicator.review.toml").read_text(encoding="utf-8"))
    got = [l for l in side["links"]
           if {(l["a"]["article"], l["a"]["sentence"]), (l["b"]["article"], l["b"]["sentence"])} == HAND]
    assert [(l["relation"], l["decision"], l["origin"]) for l in got] == [("match", "accepted", "manual")]
    assert "score" not in got[0]  # made by people: no engine score, saved as a link by hand


async def test_a_link_one_reviewer_made_by_hand_is_shown_to_the_adjudicator(cluster):
    _add_link(cluster, "alice", _link_by_hand(cluster, "conflict"))
    app = _adjudicator_app(cluster)
    async with app.run_test(size=(150, 40)) as pilot:
        await pilot.pause()
        shown = [l for l in app.review.ws.session.links_of(("a", 2)) if l.pair() == HAND]
        assert [(l.relation, l.score, l.decision) for l in shown] == [("conflict", None, None)]


async def test_labels_set_by_one_reviewer_only_are_shown_to_the_adjudicator(cluster):
    """agree listed alice's label that bob did not set, but --adjudicate said nothing of it and
    the resolved export dropped it silently (re-trial, stop 25)."""
    c = load_cluster([cluster])
    d = load_decisions(c, [cluster], cluster / "adjudicator.review.toml")
    disputes = d.label_disputes
    assert disputes, "the fixture's reviewers set different labels"
    key, labels = sorted(disputes.items())[0]
    label, who = sorted(labels.items())[0]
    assert "sentence label" in d.summary() and f"{key[0]}:{key[1]}" in d.summary()
    app = _adjudicator_app(cluster)
    async with app.run_test(size=(150, 40)) as pilot:
        await pilot.pause()
        app.review.nav.go_key(key)
        app.review.moved()
        await pilot.pause()
        shown = str(app.review.query_one("Inspector").build(app.review.state))
        assert f"LABEL DISPUTED  [{label}]" in shown and f"{who[0]}: ✓" in shown


async def test_the_adjudicator_reads_the_reviewers_notes_and_sees_a_kept_label(cluster):
    """Trial, stop 26: bob's reason under a link was not shown to the adjudicator, who needs it;
    and a label dispute still said "(tag it to keep it)" after the adjudicator tagged it."""
    d = load_decisions(load_cluster([cluster]), [cluster], cluster / "adjudicator.review.toml")
    assert d.notes[frozenset([("a", 0), ("b", 0)])] == {"alice": "Three drones vs a drone"}
    app = _adjudicator_app(cluster)
    async with app.run_test(size=(150, 40)) as pilot:
        await pilot.pause()
        to_b = next(l for l in app.review.nav.links() if l.pair() == frozenset([("a", 0), ("b", 0)]))
        app.review.nav.select(to_b)
        app.review.moved()
        await pilot.pause()
        shown = str(app.review.query_one("Inspector").build(app.review.state))
        assert "alice's note: Three drones vs a drone" in shown, shown
        key, labels = sorted(d.label_disputes.items())[0]
        label = sorted(labels)[0]
        app.review.nav.go_key(key)
        app.review.moved()
        await pilot.pause()
        number = next(str(n) for n, lab in enumerate(app.config.labels, 1) if lab.name == label)
        await pilot.press(number)
        await pilot.pause()
        shown = str(app.review.query_one("Inspector").build(app.review.state))
        assert f"LABEL DISPUTED  [{label}]" in shown and "(kept: you tagged it)" in shown, shown


async def test_who_said_what_wraps_on_a_narrow_panel(cluster):
    app = _adjudicator_app(cluster)
    async with app.run_test(size=(46, 30)) as pilot:
        await pilot.pause()
        await _n_to(pilot, app, DISPUTED)
        from rich.cells import cell_len

        panel = app.review.query_one("Inspector")
        text = str(panel.build(app.review.state))
        # every line fits the panel (a longer one is cut where it is drawn: "bob: …" was lost)
        assert all(cell_len(line) <= panel.content_size.width for line in text.splitlines()), text
        flat = " ".join(line.strip() for line in text.splitlines())
        assert "bob: conflict ✗" in flat, text  # the one who disagrees is not cut away


async def test_a_reviewers_note_shows_at_80_by_24(cluster):
    """Seen in tmux: at 80×24 the note under who said what was cut to "…" while "+1 more link
    below" kept its line; the note comes first now ("link 1 of 2" says there are more)."""
    side = cluster / "bob.review.json"
    data = json.loads(side.read_text(encoding="utf-8"))
    for l in data["links"]:
        if frozenset([(l["a"]["article"], l["a"]["sentence"]), (l["b"]["article"], l["b"]["sentence"])]) == DISPUTED:
            l["note"] = "Saturday per the ministry"
    side.write_text(json.dumps(data), encoding="utf-8")
    app = _adjudicator_app(cluster)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await _n_to(pilot, app, DISPUTED)
        shown = app.review.query_one("Inspector").render().plain
        assert "bob's note: Saturday per the ministry" in shown, shown
        assert "DISPUTED  alice: conflict ✓ · bob: conflict ✗" in shown and "that:" in shown, shown


async def test_n_also_stops_where_the_reviewers_set_labels_differently(cluster):
    """Trial, stop 25/26: label disputes were shown under the sentence but n / N stepped the pairs
    only, so the adjudicator had to find them by scrolling."""
    d = load_decisions(load_cluster([cluster]), [cluster], cluster / "adjudicator.review.toml")
    wanted = set(d.label_disputes) | {DISPUTED}
    n = len(d.label_disputes) + len(d.disputed_pairs())
    app = _adjudicator_app(cluster)
    async with app.run_test(size=(150, 40)) as pilot:
        await pilot.pause()
        stops, said = set(), []
        for _ in range(n):
            await pilot.press("n")
            await pilot.pause()
            said.append(app.review.message)
            stops.add(app.cursor if "label" in app.review.message else app.focused_link().pair())
        assert stops == wanted, (stops, said)
        assert all(m.startswith("dispute ") and f" of {n}" in m for m in said), said
        assert any("label" in m and "(its key: keep or leave out)" in m for m in said), said
