"""Claims: grouping sentences across sources and the consistency of the link graph, on small
synthetic graphs, plus property tests (order-free, deterministic)."""

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from reviewer.claims import build_claims, pair_key
from reviewer.models import Article, Cluster, Link, Sentence, SentenceRef


def make_cluster(sizes: dict[str, int]) -> Cluster:
    arts = []
    for art, n in sizes.items():
        sents = [Sentence(i, i * 10, i * 10 + 9, f"{art} sentence {i}.") for i in range(n)]
        arts.append(Article(id=art, path=f"{art}.txt", body="", sentences=sents))
    return Cluster(arts)


def L(a: str, b: str, relation: str = "match", score: float = 0.5) -> Link:
    (aa, ai), (ba, bi) = a.split(":"), b.split(":")
    return Link(SentenceRef(aa, int(ai)), SentenceRef(ba, int(bi)), relation, score)


def k(ref: str) -> tuple[str, int]:
    art, i = ref.split(":")
    return (art, int(i))


def groups(cs) -> set[frozenset]:
    return {frozenset(c.sentences) for c in cs.claims}


def test_every_sentence_is_in_one_claim_and_matches_join_across_sources():
    c = make_cluster({"a": 2, "b": 2, "c": 1})
    cs = build_claims(c, [L("a:0", "b:1"), L("b:1", "c:0")])
    assert groups(cs) == {frozenset({k("a:0"), k("b:1"), k("c:0")}), frozenset({k("a:1")}), frozenset({k("b:0")})}
    first = cs.claim(cs.claim_of[k("a:0")])
    assert first.id == 1 and first.sources == ["a", "b", "c"] and first.silent == []
    assert first.by_source() == {"a": [0], "b": [1], "c": [0]}
    alone = cs.claim(cs.claim_of[k("a:1")])
    assert alone.sources == ["a"] and alone.silent == ["b", "c"]
    assert cs.inconsistencies == []


def test_conflicts_attach_the_other_version_and_its_sources():
    c = make_cluster({"a": 1, "b": 1, "c": 1, "d": 1})
    cs = build_claims(c, [L("a:0", "b:0"), L("a:0", "c:0", "conflict", 0.7)])
    ab, cc = cs.claim(cs.claim_of[k("a:0")]), cs.claim(cs.claim_of[k("c:0")])
    assert ab.sources == ["a", "b"] and ab.contradicted_by == ["c"] and ab.silent == ["d"]
    assert list(ab.conflicts) == [cc.id] and list(cc.conflicts) == [ab.id]
    # only a's sentence is in the conflict link: b states the other version but contradicts nothing here
    assert cc.contradicted_by == ["a"] and cc.silent == ["b", "d"]
    assert ab.contested and cc.contested


def test_contradicted_by_names_the_sources_of_the_conflicting_sentences_only():
    # a0 ≈ b0 ≈ c0 say one thing; b1 alone says another, in conflict with a0 only.
    c = make_cluster({"a": 1, "b": 2, "c": 1})
    cs = build_claims(c, [L("a:0", "b:0", score=0.9), L("b:0", "c:0", score=0.8), L("a:0", "b:1", "conflict", 0.6)])
    big, lone = cs.claim(cs.claim_of[k("a:0")]), cs.claim(cs.claim_of[k("b:1")])
    assert big.sources == ["a", "b", "c"] and lone.sources == ["b"]
    assert lone.contradicted_by == ["a"] and lone.silent == ["c"]  # not b itself, not c
    assert big.contradicted_by == ["b"]  # b does hold a sentence in a real conflict link with it
    assert big.conflicting_sentences() == [k("b:1")] and lone.conflicting_sentences() == [k("a:0")]


def test_triangle_match_match_conflict_is_flagged_with_its_three_links():
    c = make_cluster({"a": 1, "b": 1, "c": 1})
    cs = build_claims(c, [L("a:0", "b:0", score=0.8), L("b:0", "c:0", score=0.7), L("a:0", "c:0", "conflict", 0.6)])
    assert groups(cs) == {frozenset({k("a:0"), k("b:0"), k("c:0")})}
    [inc] = cs.inconsistencies
    assert inc.kind == "triangle" and inc.claim == 1
    assert [(l.a, l.b, l.relation) for l in inc.links] == [
        (k("a:0"), k("c:0"), "conflict"), (k("a:0"), k("b:0"), "match"), (k("b:0"), k("c:0"), "match")]
    assert cs.claim(1).flags == ["triangle"]
    assert "a:0 ≠ c:0" in inc.one_line()


def test_longer_match_path_is_reported_whole():
    c = make_cluster({"a": 1, "b": 1, "c": 1, "d": 1})
    cs = build_claims(c, [L("a:0", "b:0"), L("b:0", "c:0"), L("c:0", "d:0"), L("a:0", "d:0", "conflict")])
    [inc] = cs.inconsistencies
    assert len(inc.links) == 4


def test_rejected_link_cuts_a_group():
    c = make_cluster({"a": 1, "b": 1, "c": 1})
    links = [L("a:0", "b:0"), L("b:0", "c:0")]
    assert len(build_claims(c, links).claims) == 1
    cs = build_claims(c, links, {pair_key(k("c:0"), k("b:0")): "rejected"})
    assert groups(cs) == {frozenset({k("a:0"), k("b:0")}), frozenset({k("c:0")})}


def test_open_match_does_not_rejoin_what_the_reviewer_separated():
    # a≈b and a≈c suggested, b≈c rejected: b and c must not end up in one claim through a.
    c = make_cluster({"a": 1, "b": 1, "c": 1})
    links = [L("a:0", "b:0", score=0.9), L("a:0", "c:0", score=0.6), L("b:0", "c:0", score=0.5)]
    cs = build_claims(c, links, {pair_key(k("b:0"), k("c:0")): "rejected"})
    assert groups(cs) == {frozenset({k("a:0"), k("b:0")}), frozenset({k("c:0")})}  # the stronger link wins
    assert cs.inconsistencies == []
    # an accepted conflict separates the same way
    links2 = [L("a:0", "b:0", score=0.9), L("a:0", "c:0", score=0.6), L("b:0", "c:0", "conflict")]
    cs2 = build_claims(c, links2, {pair_key(k("b:0"), k("c:0")): "accepted"})
    assert groups(cs2) == {frozenset({k("a:0"), k("b:0")}), frozenset({k("c:0")})}
    assert cs2.claim(cs2.claim_of[k("c:0")]).contradicted_by == ["b"]


def test_accepted_matches_win_over_cuts_and_the_contradiction_is_flagged():
    c = make_cluster({"a": 1, "b": 1, "c": 1})
    links = [L("a:0", "b:0"), L("b:0", "c:0"), L("a:0", "c:0")]
    dec = {pair_key(k("a:0"), k("b:0")): "accepted", pair_key(k("b:0"), k("c:0")): "accepted",
           pair_key(k("a:0"), k("c:0")): "rejected"}
    cs = build_claims(c, links, dec)
    assert len(cs.claims) == 1
    [inc] = cs.inconsistencies
    assert inc.kind == "rejected-match" and len(inc.links) == 3
    assert cs.claim(1).decision_counts() == {"accepted": 2, "rejected": 1, "open": 0}


def test_same_article_conflict_inside_a_group_is_flagged():
    c = make_cluster({"a": 3, "b": 1})
    links = [L("a:0", "b:0"), L("b:0", "a:2"), L("a:0", "a:2", "conflict")]
    assert build_claims(c, links).inconsistencies == []  # open matches never put a:0 and a:2 together
    accepted = {pair_key(k("a:0"), k("b:0")): "accepted", pair_key(k("a:2"), k("b:0")): "accepted"}
    cs = build_claims(c, links, accepted)
    [inc] = cs.inconsistencies
    assert inc.kind == "same-article" and len(inc.links) == 3
    assert cs.claim(inc.claim).by_source() == {"a": [0, 2], "b": [0]}


def test_rejected_conflict_attaches_nothing_and_flags_nothing():
    c = make_cluster({"a": 1, "b": 1, "c": 1})
    links = [L("a:0", "b:0"), L("b:0", "c:0"), L("a:0", "c:0", "conflict")]
    cs = build_claims(c, links, {pair_key(k("a:0"), k("c:0")): "rejected"})
    assert cs.inconsistencies == []
    c2 = make_cluster({"a": 1, "b": 1})
    cs2 = build_claims(c2, [L("a:0", "b:0", "conflict")], {pair_key(k("a:0"), k("b:0")): "rejected"})
    assert all(not cl.conflicts for cl in cs2.claims)


def test_within_article_match_joins_once_accepted():
    c = make_cluster({"a": 3, "b": 1})
    links = [L("a:0", "a:2", score=0.9), L("a:2", "b:0")]
    open_ = build_claims(c, links)
    assert open_.claim_of[k("a:0")] != open_.claim_of[k("a:2")]
    assert open_.claim_of[k("a:2")] == open_.claim_of[k("b:0")]
    cs = build_claims(c, links, {pair_key(k("a:0"), k("a:2")): "accepted"})
    cl = cs.claim(cs.claim_of[k("a:0")])
    assert cl.by_source() == {"a": [0, 2], "b": [0]} and cl.sources == ["a", "b"]


def test_open_matches_do_not_chain_two_sentences_of_one_article_together():
    # a:0 ≈ b:0 ≈ a:1 ≈ c:0: the weaker b:0 ≈ a:1 would put a:0 and a:1 in one claim
    c = make_cluster({"a": 2, "b": 1, "c": 1})
    cs = build_claims(c, [L("a:0", "b:0", score=0.9), L("b:0", "a:1", score=0.4), L("a:1", "c:0", score=0.8)])
    assert groups(cs) == {frozenset({k("a:0"), k("b:0")}), frozenset({k("a:1"), k("c:0")})}


def test_links_to_unknown_sentences_and_self_links_are_ignored():
    c = make_cluster({"a": 1, "b": 1})
    cs = build_claims(c, [L("a:0", "z:0"), L("a:0", "a:0"), L("a:0", "b:5")])
    assert len(cs.claims) == 2 and all(not cl.links for cl in cs.claims)


def test_manual_link_without_score():
    c = make_cluster({"a": 1, "b": 1})
    cs = build_claims(c, [Link(SentenceRef("a", 0), SentenceRef("b", 0), "match", None)],
                      {pair_key(k("a:0"), k("b:0")): "accepted"})
    assert len(cs.claims) == 1 and cs.claims[0].links[0].score is None


def test_cuts_survive_many_unions():
    # a chain of accepted matches on each side, one rejected match between the two chains, and open
    # matches that would join them from every pair: they must stay two claims.
    c = make_cluster({f"s{i}": 1 for i in range(20)})
    left, right = [f"s{i}:0" for i in range(10)], [f"s{i}:0" for i in range(10, 20)]
    links, dec = [], {}
    for side in (left, right):
        for x, y in zip(side, side[1:]):
            links.append(L(x, y))
            dec[pair_key(k(x), k(y))] = "accepted"
    links.append(L(left[3], right[7]))
    dec[pair_key(k(left[3]), k(right[7]))] = "rejected"
    links += [L(x, y, score=0.3) for x in left for y in right if (x, y) != (left[3], right[7])]
    cs = build_claims(c, links, dec)
    assert groups(cs) == {frozenset(map(k, left)), frozenset(map(k, right))}


# --------------------------------------------------------------------------- properties

@st.composite
def graphs(draw):
    n_art = draw(st.integers(1, 4))
    sizes = {f"art{i}": draw(st.integers(1, 4)) for i in range(n_art)}
    keys = [f"{a}:{s}" for a, n in sizes.items() for s in range(n)]
    pairs = draw(st.lists(st.tuples(st.sampled_from(keys), st.sampled_from(keys)), max_size=25))
    links, dec, seen = [], {}, set()
    for x, y in pairs:
        if pair_key(k(x), k(y)) in seen:  # one link per pair, as in the alignment JSON
            continue
        seen.add(pair_key(k(x), k(y)))
        rel = draw(st.sampled_from(["match", "match", "conflict"]))
        score = draw(st.sampled_from([0.3, 0.5, 0.5, 0.9]))
        links.append(L(x, y, rel, score))
        d = draw(st.sampled_from([None, None, "accepted", "rejected"]))
        if d:
            dec[pair_key(k(x), k(y))] = d
    return sizes, links, dec


def snapshot(cs):
    return ([(c.id, c.sentences, c.sources, c.contradicted_by, c.silent, c.flags,
              sorted(c.conflicts), [(l.a, l.b, l.relation, l.decision) for l in c.links]) for c in cs.claims],
            [(i.kind, i.claim, [(l.a, l.b, l.relation) for l in i.links]) for i in cs.inconsistencies])


@settings(max_examples=200, deadline=None)
@given(graphs(), st.randoms(use_true_random=False))
def test_claims_do_not_depend_on_the_order_of_articles_or_links(g, rnd):
    sizes, links, dec = g
    base = build_claims(make_cluster(sizes), links, dec)
    items = list(sizes.items())
    rnd.shuffle(items)
    shuffled = list(links)
    rnd.shuffle(shuffled)
    flipped = [Link(l.b, l.a, l.relation, l.score) if rnd.random() < 0.5 else l for l in shuffled]
    other = build_claims(make_cluster(dict(items)), flipped, dict(reversed(list(dec.items()))))
    assert snapshot(other) == snapshot(base)
    assert snapshot(build_claims(make_cluster(sizes), links, dec)) == snapshot(base)  # deterministic


@settings(max_examples=200, deadline=None)
@given(graphs())
def test_claims_partition_the_sentences_and_respect_the_reviewer(g):
    sizes, links, dec = g
    cs = build_claims(make_cluster(sizes), links, dec)
    seen = [s for c in cs.claims for s in c.sentences]
    assert sorted(seen) == sorted(k(f"{a}:{i}") for a, n in sizes.items() for i in range(n))
    for l in links:
        a, b = (l.a.article, l.a.sentence), (l.b.article, l.b.sentence)
        if a == b:
            continue
        if l.relation == "match" and dec.get(pair_key(a, b)) == "accepted":
            assert cs.claim_of[a] == cs.claim_of[b]  # an accepted match always joins
    accepted_inside = {l.a for c in cs.claims for l in c.links if l.relation == "match" and l.decision == "accepted"}
    for c in cs.claims:  # two sentences of one article only through an accepted match
        if len({s[0] for s in c.sentences}) < len(c.sentences):
            assert any(s in accepted_inside for s in c.sentences)
    # every pair in one claim that the reviewer separated is reported
    for c in cs.claims:
        for l in c.links:
            separated = (l.relation == "match" and l.decision == "rejected") or (
                l.relation == "conflict" and l.decision != "rejected")
            if separated:
                assert any(i.links[0] == l for i in cs.inconsistencies)


def test_random_dense_graph_is_stable_under_shuffles():
    rng = random.Random(7)
    sizes = {f"s{i}": 30 for i in range(8)}
    links = []
    for j in range(30):
        for x in range(8):
            for y in range(x + 1, 8):
                if rng.random() < 0.7:
                    links.append(L(f"s{x}:{j}", f"s{y}:{(j + rng.choice([0, 0, 0, 1])) % 30}",
                                   rng.choice(["match"] * 5 + ["conflict"]), round(rng.random(), 2)))
    base = snapshot(build_claims(make_cluster(sizes), links))
    for _ in range(3):
        rng.shuffle(links)
        assert snapshot(build_claims(make_cluster(sizes), links)) == base
