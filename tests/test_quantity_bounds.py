"""Counts with a bound before them ("at least", "nearly") and fates said by an idiom ("lost
their lives"): the fate still ties them to a plain count of the dead (issue 12, quantity)."""

import pytest

from reviewer.engine.align import align
from tests.test_facts_rules import counts
from tests.test_real_news_rules import cluster


def _quantity_conflicts(cl):
    return [l for l in align(cl) if l.relation == "conflict" and any(e.kind == "quantity" for e in l.evidence)]


def test_the_verb_before_a_bound_is_read_past_the_bound():
    assert counts("The rockslide killed at least 40 hikers.")[0].pre == "die"
    assert counts("The blast injured nearly 30 workers.")[0].pre == "injur"
    assert counts("The rockslide killed 40 hikers.")[0].pre == "die"


def test_lost_their_lives_counts_the_dead():
    (c,) = counts("At least 40 climbers lost their lives on the ridge.")
    assert c.head == ("climber", "die")
    (c,) = counts("Nine sailors lost their lives.")
    assert c.head == ("sailor", "die")
    assert counts("Nine sailors lost their boots.")[0].head != ("sailor", "die")


def test_a_toll_below_at_least_n_is_a_quantity_conflict():
    cl = cluster("The rockslide near Valmont killed at least 40 people on Sunday, rescuers said.",
                 "The rockslide near Valmont on Sunday left 32 people dead, according to rescuers.")
    assert _quantity_conflicts(cl)


def test_lost_their_lives_against_a_lower_toll_is_a_quantity_conflict():
    cl = cluster("At least 40 people lost their lives when a rockslide hit Valmont.",
                 "A rockslide near Valmont left 32 people dead, according to rescuers.")
    assert _quantity_conflicts(cl)


def test_a_toll_above_at_least_n_is_no_conflict():
    cl = cluster("The rockslide near Valmont killed at least 40 people on Sunday, rescuers said.",
                 "The rockslide near Valmont on Sunday left 46 people dead, according to rescuers.")
    assert not _quantity_conflicts(cl)
    assert not [l for l in align(cl) if l.relation == "conflict"]


def test_a_small_floor_is_only_a_floor():
    cl = cluster("The gas explosion at the bakery in Orlen killed at least three people on Monday.",
                 "Five people were killed by the gas explosion at the bakery in Orlen on Monday.")
    assert not [l for l in align(cl) if l.relation == "conflict"]


def test_a_large_floor_read_past_the_verb_is_the_toll_known_then():
    cl = cluster("The gas explosion at the depot in Orlen killed at least 20 people on Monday, police said.",
                 "The gas explosion at the depot in Orlen on Monday killed 55 people, police said.")
    assert _quantity_conflicts(cl)


# --- two bounds on the same side are two reports' figures (stop 23) ---------------------------

def _two(a, b):
    from reviewer.engine.facts import bounds_differ
    (ca,) = counts(a)
    (cb,) = counts(b)
    return bounds_differ(ca, cb)


@pytest.mark.parametrize("a, b, differ", [
    ("At least 40 hikers died.", "At least 55 hikers died.", True),
    ("At least 43 hikers died.", "At least 47 hikers died.", True),  # figures to the unit
    ("At least 41 hikers died.", "At least 49 hikers died.", True),  # 41 is to the unit, not the tens
    ("More than 101 hikers died.", "At least 190 hikers died.", True),
    ("More than 3,000 homes were flooded.", "At least 3,400 homes were flooded.", False),  # within the thousands
    ("More than 3,000 homes were flooded.", "More than 4,000 homes were flooded.", True),
    ("Up to 300 guests were inside.", "Up to 500 guests were inside.", True),
    ("Up to 300 guests were inside.", "Up to 320 guests were inside.", False),
    ("At least one hiker died.", "At least 12 hikers died.", False),  # "at least one": there were deaths
    ("At least 40 hikers died.", "Exactly 55 hikers died.", False),  # a floor and a figure: counts_conflict's
    ("At least 40 hikers died.", "Up to 55 hikers died.", False),  # bounds on two sides overlap
])
def test_bounds_on_one_side_differ_past_rounding(a, b, differ):
    assert _two(a, b) is differ


def test_two_floors_of_one_toll_are_a_quantity_conflict():
    cl = cluster("The ferry sank off Cape Morrow on Friday, and at least 64 passengers drowned, the navy said.",
                 "At least 52 passengers drowned when the ferry sank off Cape Morrow on Friday, the navy said.")
    assert _quantity_conflicts(cl)


def test_a_floor_of_any_count_is_the_figure_known_then():
    # Not only tolls: "more than 20 percent" against 35 percent of one thing is two figures.
    cl = cluster("Shares of Norvik Mining slid more than 20 percent in early trading on Monday.",
                 "Norvik Mining shares slid 35 percent in early trading on Monday.")
    assert _quantity_conflicts(cl)


def test_a_floor_of_any_count_holds_a_figure_just_above():
    cl = cluster("Shares of Norvik Mining slid more than 20 percent in early trading on Monday.",
                 "Norvik Mining shares slid 24 percent in early trading on Monday.")
    assert not [l for l in align(cl) if l.relation == "conflict"]
