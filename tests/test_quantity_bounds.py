"""Counts with a bound before them ("at least", "nearly") and fates said by an idiom ("lost
their lives"): the fate still ties them to a plain count of the dead (issue 12, quantity)."""

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
