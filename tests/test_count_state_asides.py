"""What happened to the counted people, said past an adverb or an aside (issue 12, stop 22).
Short sentences of our own."""

from reviewer.engine.align import align
from reviewer.engine.features import build_features
from tests.test_real_news_rules import cluster


def counts(text):
    (f,) = build_features(cluster(text))
    return [(f.text[c.span[0]:c.span[1]], c.lo, c.head) for c in f.counts]


def links(*texts):
    return sorted((l.relation, tuple(e.kind for e in l.evidence)) for l in align(cluster(*texts)))


def test_already_before_the_state():
    ((_, lo, head),) = counts("Six miners were already rescued from the shaft.")
    assert lo == 6 and len(head) == 2 and head[0].startswith("miner")
    assert head == counts("Six miners were rescued from the shaft.")[0][2]


def test_the_state_after_an_including_aside():
    got = counts("Officials said 21 sailors, including the first mate, were injured in the blast.")
    plain = counts("Officials said 21 sailors were injured in the blast.")
    assert got[0][1] == 21 and got[0][2] == plain[0][2]
    assert got[0][0] == "21 sailors"  # the aside stays out of the span


def test_counts_inside_the_aside_are_still_read():
    got = counts("Officials said 21 sailors, including three cadets, were injured in the blast.")
    assert [c[1] for c in got] == [21, 3]
    assert got[0][2] == counts("Officials said 21 sailors were injured in the blast.")[0][2]


def test_an_unclosed_aside_is_no_aside():
    got = counts("Officials said 21 sailors were hurt, including three cadets who were injured.")
    assert got[0] == ("21 sailors were hurt", 21, ("sailor", "injur"))


def test_the_total_past_an_aside_meets_the_other_total():
    got = links("Officials said 21 sailors, including three cadets, were injured in the blast at the dock.",
                "Officials said 17 sailors were injured in the blast at the dock.")
    assert ("conflict", ("number",)) in got


def test_the_state_named_before_of():
    ((_, lo, head),) = counts("Rangers reported the rescue of 7 hikers on the ridge.")
    assert lo == 7 and head == counts("Rangers said 7 hikers were rescued on the ridge.")[0][2]


def test_a_plain_including_still_limits_the_count():
    # with no comma, "including" stays a scope word of the count (evidence._scope)
    from reviewer.engine import evidence
    from reviewer.engine.settings import TUNING
    (f,) = build_features(cluster("The toll stands at 31 including the two gunmen."))
    assert evidence._scope(f, f.counts[0], TUNING.anchor_reach) == {"including"}
    (g,) = build_features(cluster("The toll stands at 31, including the two gunmen."))
    assert evidence._scope(g, g.counts[0], TUNING.anchor_reach) == frozenset()
