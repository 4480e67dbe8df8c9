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


# --- members of a named group are a part, not the toll -------------------------------------

def test_members_of_a_group_are_no_figure_for_the_injured():
    assert _kinds("On Tuesday, one man was killed and dozens injured after fans of the club clashed with riot police.",
                  "The blast, which police sources said injured several members of the mayor's security detail, "
                  "came after marches in the capital.") == []


def test_members_of_a_group_against_members_of_a_group_still_disagree():
    got = _kinds("The blast injured four members of the mayor's security detail, police said.",
                 "The blast injured nine members of the mayor's security detail, police said.")
    assert got == ["number"]


def test_the_injured_against_the_injured_still_disagree():
    got = _kinds("The blast on the pier injured four people, police said.",
                 "The blast on the pier injured nine people, police said.")
    assert got == ["number"]


# --- an age is one person's ----------------------------------------------------------------

def test_ages_of_two_different_people_do_not_disagree():
    assert _kinds("The coast guard said the boy was thought to be 10 years old.",
                  "A couple and their nine-year-old son were among those on the ferry, the coast guard said.") == []


def test_ages_of_the_same_person_still_disagree():
    got = _kinds("The coast guard said the ferry's captain was 45 years old.",
                 "The coast guard said the 52-year-old captain of the ferry was rescued.")
    assert got == ["number"]


def test_an_age_named_on_both_sides_still_disagrees():
    got = _kinds("The ferry's 45-year-old captain was rescued on Monday, the coast guard said.",
                 "The ferry's 52-year-old captain was rescued on Monday, the coast guard said.")
    assert got == ["number"]


# --- the day a statement opens with is the statement's day ---------------------------------

def test_an_opening_day_of_a_statement_is_no_event_day():
    got = _links("Mayor Ana Ruiz visited the harbour on Tuesday evening and warned that the toll could rise.",
                 "On Wednesday, Mayor Ana Ruiz told reporters that the toll could rise.")
    assert [e.kind for l in got for e in l.evidence] == []


def test_an_opening_day_of_a_statement_is_no_event_day_across_languages():
    got = _links("La maire Ana Ruiz, venue sur le quai mardi soir, a dit craindre une hausse du nombre de victimes.",
                 "On Wednesday, Mayor Ana Ruiz told reporters that the toll could rise.")
    assert [e.kind for l in got for e in l.evidence] == []


def test_an_opening_day_of_an_event_still_disagrees():
    got = _kinds("The ferry sank near the harbour on Tuesday evening, Mayor Ana Ruiz said.",
                 "On Wednesday, the ferry sank near the harbour, Mayor Ana Ruiz said.")
    assert got == ["weekday"]


def test_opening_said_reads_the_speaker_clause():
    from reviewer.engine import xfacts
    from reviewer.lang.tables import tables

    en = tables("en")
    text = "On Wednesday, Mayor Ana Ruiz told reporters that the toll could rise."
    assert xfacts._opening_said(text, en, xfacts._words(text)) == [(0, text.index(","))]
    late = "On Wednesday, the ferry sank near the harbour, Mayor Ana Ruiz said."
    assert xfacts._opening_said(late, en, xfacts._words(late)) == []
