"""Conflict classes of real reporting (issue 12, stop 21), each on short sentences written for it."""

from reviewer.engine.align import align
from reviewer.engine.features import build_features
from tests.test_real_news_rules import cluster


def links(*texts):
    return sorted((l.relation, tuple(e.kind for e in l.evidence)) for l in align(cluster(*texts)))


def counts(text):
    (f,) = build_features(cluster(text))
    return f.counts


# --- counts under other names -------------------------------------------------------------

def test_a_fate_said_by_the_verb_and_by_the_head_is_one_slot():
    got = links("The landslide killed 27 people in the hill district, the governor said.",
                "The landslide left 35 dead in the hill district, the governor said.")
    assert got == [("conflict", ("number",))]


def test_the_same_fate_and_figure_stays_a_match():
    got = links("The landslide killed 27 people in the hill district, the governor said.",
                "The landslide left 27 dead in the hill district, the governor said.")
    assert got == [("match", ())]


def test_two_fates_are_still_two_slots():
    got = links("The landslide killed 27 people in the hill district, the governor said.",
                "The landslide left 35 injured in the hill district, the governor said.")
    assert ("conflict", ("number",)) not in got


def test_the_counted_thing_named_before_of():
    (c,) = counts("The trawler had a crew of 17 when it sank.")
    assert (c.lo, c.head) == (17, ("staff",))
    (c,) = counts("The airline runs a fleet of about 40 planes.")
    assert c.head == ("plane",)  # a head after the number wins
    assert counts("Their fleet numbers about 40.") == [] or counts("Their fleet numbers about 40.")[0].head != ("fleet",)


def test_a_crew_of_n_and_n_crew_members_disagree():
    got = links("The trawler had a crew of 17 when it sank off the cape.",
                "The trawler had 12 crew members on board when it sank off the cape.")
    assert got == [("conflict", ("number",))]


def test_a_capitalised_word_before_of_is_no_counted_thing():
    assert counts("The Bank of 1905 stood here.") == []
