"""The source × source summary of a claim set: shared, contradicted and alone, per two sources."""

import random

from reviewer.claims import build_claims, source_matrix
from tests.test_claims import L, make_cluster


def test_matrix_counts_shared_contradicted_and_alone():
    # a0 ≈ b0 ≈ c0 (shared by three); a1 ≈ b1 ≠ c1 (a and b say one thing, c another);
    # a2 alone; d says nothing of any of it except d0 ≈ c2.
    c = make_cluster({"a": 3, "b": 2, "c": 3, "d": 1})
    cs = build_claims(c, [L("a:0", "b:0"), L("b:0", "c:0"), L("a:1", "b:1"),
                          L("b:1", "c:1", "conflict", 0.6), L("c:2", "d:0")])
    m = source_matrix(cs)
    assert m.claims_of == {"a": 3, "b": 2, "c": 3, "d": 1}
    ab, ac, bc, cd, ad = m.pair("a", "b"), m.pair("a", "c"), m.pair("b", "c"), m.pair("c", "d"), m.pair("a", "d")
    assert (ab.shared, ab.contradicted, ab.only_a, ab.only_b) == (2, 0, 1, 0)
    # a and c share a0/c0; c1 contradicts a1's claim; a2 is a's alone; c2 and c1 are c's alone
    # as far as a goes (the conflict link is b1's, so a does not contradict c1)
    assert (ac.shared, ac.contradicted, ac.only_a, ac.only_b) == (1, 1, 1, 2)
    assert (bc.shared, bc.contradicted, bc.only_a, bc.only_b) == (1, 1, 0, 1)
    assert (cd.shared, cd.contradicted, cd.only_a, cd.only_b) == (1, 0, 2, 0)
    assert (ad.shared, ad.contradicted, ad.only_a, ad.only_b) == (0, 0, 3, 1)
    # asked the other way round, the alone counts swap
    da = m.pair("d", "a")
    assert (da.only_a, da.only_b) == (1, 3)
    assert [(p.a, p.b) for p in m.pairs()] == [("a", "b"), ("a", "c"), ("a", "d"), ("b", "c"), ("b", "d"), ("c", "d")]


def test_a_source_that_states_and_contradicts_counts_as_sharing():
    c = make_cluster({"a": 1, "b": 2})
    cs = build_claims(c, [L("a:0", "b:0"), L("a:0", "b:1", "conflict", 0.6)])
    p = source_matrix(cs).pair("a", "b")
    assert (p.shared, p.contradicted, p.only_a, p.only_b) == (1, 1, 0, 0)


def test_matrix_agrees_with_a_brute_force_count():
    rnd = random.Random(7)
    sizes = {x: rnd.randint(2, 6) for x in "abcde"}
    c = make_cluster(sizes)
    refs = [f"{x}:{i}" for x, n in sizes.items() for i in range(n)]
    links = [L(*rnd.sample(refs, 2), rnd.choice(["match", "match", "conflict"]), round(rnd.random(), 3))
             for _ in range(25)]
    cs = build_claims(c, links)
    m = source_matrix(cs)
    for a in cs.articles:
        for b in cs.articles:
            if a == b:
                continue
            p = m.pair(a, b)
            states = [cl for cl in cs.claims if a in cl.sources]
            assert p.shared == sum(1 for cl in states if b in cl.sources)
            assert p.only_a == sum(1 for cl in states if b not in cl.sources and b not in cl.contradicted_by)
            def against(x, o):  # the articles of o's sentences in a conflict link with x
                return {e[0] for l in x.conflicts[o] for e in (l.a, l.b) if cs.claim_of[e] == o}
            pairs = {frozenset((x.id, o)) for x in cs.claims for o in x.conflicts
                     if (a in x.sources and b in against(x, o)) or (b in x.sources and a in against(x, o))}
            assert p.contradicted == len(pairs)
