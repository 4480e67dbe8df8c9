"""Precision (issue 12, stop 25): fewer wrong links without losing real ones. Short sentences
about made-up events, written for these tests."""

from tests.test_real_news_rules import cluster


def _links(x, y):
    from reviewer.engine.align import align

    return align(cluster(x, y))


def _kinds(x, y, relation="conflict"):
    return [e.kind for l in _links(x, y) if l.relation == relation for e in l.evidence]


# --- survivors brought out are the rescued -------------------------------------------------

def test_survivors_pulled_out_and_people_rescued_disagree():
    got = _links("Lifeboat crews pulled 54 survivors from the lake by dusk.",
                 "Volunteers rescued 41 people from the lake by dusk.")
    assert [l.relation for l in got] == ["conflict"]
    assert [e.kind for l in got for e in l.evidence] == ["number"]


def test_survivors_pulled_out_and_as_many_rescued_is_no_conflict():
    assert _kinds("Lifeboat crews pulled 54 survivors from the lake by dusk.",
                  "Volunteers rescued 54 people from the lake by dusk.") == []


def test_survivors_without_a_rescue_are_not_the_rescued():
    from reviewer.engine.facts import Count, count_states

    told = Count(lo=54, hi=54, span=(0, 0), head=("survivor", "told"), exact=True, pre="interview")
    pulled = Count(lo=54, hi=54, span=(0, 0), head=("survivor", "from"), exact=True, pre="pull")
    assert "rescued" not in count_states(told)
    assert "rescued" in count_states(pulled)
