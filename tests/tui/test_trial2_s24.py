"""Findings of a second new user's trial over tmux (session 24), one test each: enter follows
the selected link, adjudication counts and visits each disputed pair once, says who decided a
link, keeps its start-up message off the evidence, and columns stay where they are."""

from reviewer.models import Link, SentenceRef
from tests.helpers import links
from tests.tui.pilot_helpers import inspector_lines

R = SentenceRef
SIZE = (150, 40)


def _inspector_text(app) -> str:
    return "\n".join(inspector_lines(app))


async def test_enter_follows_the_selected_link_when_another_is_rejected(make):
    """a:0 has three links (conflict b:0, match c:0, match b:1): `]` `x` rejects the second,
    `]` selects the third ("link 3 of 3 → b:1"); enter went to b:0, an index into the links
    left after dropping the rejected one. It goes where the inspector points."""
    app = make(links=links() + [Link(R("a", 0), R("b", 1), "match", 0.5)])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("right_square_bracket", "x", "right_square_bracket")
        await pilot.pause()
        assert "link 3 of 3" in _inspector_text(app)
        assert app.focused_link().other(("a", 0)) == ("b", 1)
        await pilot.press("enter")
        await pilot.pause()
        assert app.cursor == ("b", 1)
        await pilot.press("enter")  # again: the next link of a:0 not rejected (wrapping), b:0
        await pilot.pause()
        assert app.cursor == ("b", 0)


# --------------------------------------------------------------------------- adjudication
def _write_sidecar(cluster_dir, reviewer: str, decisions) -> None:
    """``reviewer``'s sidecar beside the articles: ``decisions`` is [(a, b, relation, decision)]."""
    from reviewer.annotations import Anchor, LinkDecision, ReviewData
    from reviewer.io.articles import load_cluster
    from reviewer.sidecar.codec import save_sidecar

    cluster = load_cluster([cluster_dir])
    sent = {(a.id, s.index): s for a in cluster.articles for s in a.sentences}

    def anchor(key):
        s = sent[key]
        return Anchor(key[0], key[1], s.start, s.end, s.text)

    data = ReviewData(reviewer=reviewer, links=[
        LinkDecision(anchor(a), anchor(b), rel, dec, "suggested" if (a, b, rel) in _SUGGESTED else "manual")
        for a, b, rel, dec in decisions])
    save_sidecar(cluster_dir / f"{reviewer}.review.toml", data, backup=False)


_SUGGESTED = {((l.a.article, l.a.sentence), (l.b.article, l.b.sentence), l.relation) for l in links()}
A0, A1, A2, B0, B1, B2, C0, C1 = ("a", 0), ("a", 1), ("a", 2), ("b", 0), ("b", 1), ("b", 2), ("c", 0), ("c", 1)


def _adjudicating(make, cluster_dir):
    """The adjudicator's app over alice's and bob's decisions: they decided two links differently
    (a0-b0, a2-b2) and one alike (a1-c1); on a1-b1 bob rejected the match where alice accepted a
    conflict of her own; only alice decided a0-c0."""
    from reviewer.tui.adjudicate import start_adjudication

    _write_sidecar(cluster_dir, "alice", [(A0, B0, "conflict", "accepted"), (A2, B2, "conflict", "rejected"),
                                          (A1, B1, "conflict", "accepted"), (A1, C1, "match", "accepted"),
                                          (A0, C0, "match", "accepted")])
    _write_sidecar(cluster_dir, "bob", [(A0, B0, "conflict", "rejected"), (A2, B2, "conflict", "accepted"),
                                        (A1, B1, "match", "rejected"), (A1, C1, "match", "accepted")])
    app = make(reviewer="adjudicator")
    start_adjudication(app, [str(cluster_dir)])
    return app


async def test_adjudication_visits_each_disputed_pair_once_and_says_where(make, cluster_dir):
    """`n` stopped on each disputed pair twice, once from each end (a:0, a:1, a:2, then b:0, b:1,
    b:2): it goes through the three pairs once and says which one of how many, and the last."""
    app = _adjudicating(make, cluster_dir)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        seen, said, where = [], [], []
        for _ in range(4):
            await pilot.press("n")
            await pilot.pause()
            seen.append(app.focused_link().pair())
            where.append(app.cursor)
            said.append(app.review.message)
        assert seen == [frozenset([A1, B1]), frozenset([A2, B2]), frozenset([A0, B0]), frozenset([A1, B1])], seen
        assert where == [A1, A2, A0, A1], where  # not b:0 and b:1 next: the same pairs again
        assert said[0] == "disputed pair 2 of 3"
        assert said[1] == "disputed pair 3 of 3, the last (n: back to the first)"
        assert said[2] == "disputed pair 1 of 3: back to the first"
        await pilot.press("N", "N")
        await pilot.pause()
        assert app.focused_link().pair() == frozenset([A2, B2])
        assert app.review.message == "disputed pair 3 of 3: back to the last"


def test_adjudication_count_says_why_it_differs_from_agree(make, cluster_dir):
    """The screen said "3 disputed pairs" where `reviewer agree` lists 2 link disagreements: the
    third is a pair where the reviewers decided different relations (their labels differ, so it
    is disputed); the count says so."""
    from reviewer.agree import agreement
    from reviewer.export.adjudication import load_decisions
    from reviewer.io.articles import load_cluster

    _adjudicating(make, cluster_dir)
    report = agreement([cluster_dir / "alice.review.toml", cluster_dir / "bob.review.toml"])
    assert len(report["links"]["disagreements"]) == 2
    d = load_decisions(load_cluster([cluster_dir]), [cluster_dir], cluster_dir / "adjudicator.review.toml")
    said = d.summary()
    assert said.startswith("adjudicating alice, bob: 3 disputed pairs (n / N go through them)")
    assert "of the pairs, 2 links decided differently, as `reviewer agree` lists them; 1 pair where they" in said


async def test_adjudication_says_who_decided_a_link_alone(make, cluster_dir):
    """A link only alice decided read "agreed    alice: match ✓": agreed is two or more reviewers
    deciding alike; one alone is "decided by alice only"; a pair of different relations says so."""
    app = _adjudicating(make, cluster_dir)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("right_square_bracket")  # a:0's second link: the match to c:0
        await pilot.pause()
        text = _inspector_text(app)
        assert "decided by alice only: match ✓" in text, text
        assert "agreed    alice: match ✓" not in text
        await pilot.press("j")  # a:1: the match to c:1 both accepted, and the pair of two relations
        await pilot.pause()
        text = _inspector_text(app)
        assert "agreed    alice: match ✓ · bob: match ✓" in text, text
        assert "DISPUTED  alice: conflict ✓ · bob: match ✗  (different relations)" in text, text


async def test_adjudication_start_message_leaves_the_evidence_in_view(make, cluster_dir):
    """The start-up message was a toast over the right of the inspector, cutting the evidence,
    until the first decision: it is news in the status bar, which keeps "adjudicating: 3
    disputed pairs" after the first key."""
    from reviewer.tui.widgets.status_bar import StatusBar

    app = _adjudicating(make, cluster_dir)
    async with app.run_test(size=(130, 40)) as pilot:
        await pilot.pause()
        assert not [n for n in app._notifications if "adjudicating" in str(n.message)]
        bar = app.review.query_one(StatusBar)
        assert "3 disputed pairs (n / N go through them)" in bar.build(bar.info).plain
        assert "“Four workers” vs “six workers”" in _inspector_text(app)
        await pilot.press("j")
        await pilot.pause()
        assert "adjudicating: 3 disputed pairs (n / N)" in bar.build(bar.info).plain


# --------------------------------------------------------------------------- columns
def _four(tmp_path, monkeypatch, config):
    from reviewer.tui.app import make_app

    d = tmp_path / "four"
    d.mkdir()
    for art in "abcd":
        (d / f"{art}.txt").write_text(" date 2024-05-02 \n" + "\n\n".join(
            f"{art.upper()}{i} the harbour crane fell over in the storm at night." for i in range(12)) + "\n",
            encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    # every sentence of c linked to a's: a move into c wants a's column beside it
    return make_app(["four"], reviewer="tester", config=config,
                    links=[Link(R("c", i), R("a", i), "match", 0.6) for i in range(12)])


async def test_h_and_l_to_a_column_on_screen_never_scroll(tmp_path, monkeypatch, config):
    """Four articles on three columns: l l l went to d ([2–4 of 4]); h into c, on screen, scrolled
    back to [1–3 of 4] (c's link is in a), and l to [2–4] again."""
    app = _four(tmp_path, monkeypatch, config)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        await pilot.press("l", "l", "l")
        await pilot.pause()
        assert app.cursor[0] == "d" and app.visible_articles() == ["b", "c", "d"]
        for key, art in (("h", "c"), ("l", "d"), ("h", "c"), ("h", "b")):
            await pilot.press(key)
            await pilot.pause()
            assert app.cursor[0] == art and app.visible_articles() == ["b", "c", "d"], (key, art)
            assert "[2–4 of 4]" in app.query_one("#topbar").text.plain


async def test_a_manual_link_keeps_the_columns_in_article_order(tmp_path, monkeypatch, config):
    """space on a:5, l l l into d, `=`: the top bar read "[2, 1, 4 of 4] (c off screen)", the link's
    column beside the cursor's in a new order. The columns stand in article order, with a gap."""
    app = _four(tmp_path, monkeypatch, config)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        await pilot.press(*"5j", "space", "l", "l", "l", "equals_sign")
        await pilot.pause()
        assert app.cursor[0] == "d" and app.focused_link().other(app.cursor)[0] == "a"
        assert app.visible_articles() == ["a", "c", "d"]
        assert "[1, 3–4 of 4] (b off screen)" in app.query_one("#topbar").text.plain
