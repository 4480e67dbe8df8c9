"""Conflict classes of stop 22 (issue 12): counts said of people through a hedge, the speaker of a
count, title-case heads, "the lives of N people". Short sentences written for each rule."""

from reviewer.engine.align import align
from reviewer.engine.features import build_features
from tests.test_real_news_rules import cluster


def links(*texts):
    return sorted((l.relation, tuple(e.kind for e in l.evidence)) for l in align(cluster(*texts)))


def heads(text):
    (f,) = build_features(cluster(text))
    return [(c.lo, c.head) for c in f.counts]


# --- what is said of the counted people, through a hedge -------------------------------------

def test_a_fate_after_a_hedged_participle_is_read():
    assert heads("Over 70 climbers have been reported injured on the ridge.") == [(70.0, ("climber", "injur"))]
    assert heads("Some 12 sailors were believed to be missing after the storm.")[0][1][-1] == "missing"


def test_lives_lost_after_a_hedge_are_the_dead():
    assert heads("Some 30 miners were presumed to have lost their lives underground.")[0][1] == ("miner", "die")
    assert heads("Some 24 sailors are thought to have lost their life at sea.")[0][1] == ("sailor", "die")


def test_two_floors_of_the_injured_far_apart_disagree():
    got = links("Over 70 climbers have been reported injured on the northern ridge of the peak.",
                "More than 400 climbers were injured on the northern ridge of the peak.")
    assert got == [("conflict", ("quantity",))]


def test_a_hedge_without_a_fate_reads_no_fate():
    assert heads("Some 12 sailors were believed to be on board.")[0][1] == ("sailor",)


# --- who reports a count is not whose count it is -------------------------------------------

def _subject_of_count(text):
    from reviewer.engine.evidence import _subject
    (f,) = build_features(cluster(text))
    return _subject(f, f.counts[0], 12)


def test_the_speaker_before_that_is_not_the_subject_of_the_count():
    assert _subject_of_count("Governor Elena Marsh has informed that 64 wounded passengers were taken to the clinic.") is None
    assert _subject_of_count("In the first round Elena Marsh won 64 percent of the vote.") == "N:marsh"


# --- a head written in title case -------------------------------------------------------------

def test_a_capitalised_head_counts_the_same_thing():
    got = links("By Sunday evening there were 25 ambulances at the valley road.",
                "The relief effort counts 40 Ambulances, 2 Helicopters and 9 Fire Brigade crews at the valley road.")
    assert got == [("conflict", ("number",))]


# --- opposite relations to one place or happening ---------------------------------------------

def test_inside_and_outside_the_same_place_disagree():
    got = links("Soldiers detained the opposition leader inside the provincial assembly on Monday.",
                "Soldiers detained the opposition leader outside the provincial assembly on Monday.")
    assert got == [("conflict", ("other",))]


def test_before_and_after_the_same_happening_disagree():
    got = links("The roof collapsed before the match at the old stadium, the club said.",
                "The roof collapsed after the match at the old stadium, the club said.")
    assert got == [("conflict", ("other",))]


def test_two_happenings_before_and_after_one_thing_do_not():
    got = links("Most villagers fled before the flood reached the lower town, the mayor said.",
                "Most villagers returned after the flood reached the lower town, the mayor said.")
    assert got and ("conflict", ("other",)) not in got


def test_relations_to_two_different_things_do_not():
    got = links("The roof collapsed before the match at the old stadium, the club said.",
                "The roof collapsed after the storm at the old stadium, the club said.")
    assert got and ("conflict", ("other",)) not in got


def test_both_relations_in_one_sentence_do_not():
    got = links("Fans waited inside and outside the stadium before the match, the club said.",
                "Fans waited outside the stadium before the match, the club said.")
    assert got == [("match", ())]


# --- "the lives of N people" --------------------------------------------------------------------

def test_the_lives_of_n_people_are_the_dead():
    assert heads("The avalanche took the lives of at least 17 skiers.")[0][1] == ("skier", "die")


def test_the_lives_of_n_and_n_killed_disagree():
    got = links("The blast in the harbour took the lives of at least 41 dock workers, the port authority said.",
                "The blast in the harbour killed 38 dock workers, the port authority said.")
    assert got == [("conflict", ("quantity",))]
