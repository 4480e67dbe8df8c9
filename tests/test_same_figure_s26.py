"""Stop 26, issue 12: the same figure of the same thing makes a claim in common also where one
report says the toll is "now up to" it, and where both give one measurement with a hedge."""

from __future__ import annotations

from reviewer.engine.evidence import same_figure
from reviewer.engine.settings import TUNING
from tests.test_conflict_classes import counts
from tests.test_recall_rules import cluster, feats, pairs


def test_now_up_to_is_the_figure_it_rose_to():
    (c,) = [c for c in counts("Officials said the toll is now up to 23 people.") if c.lo > 1]
    assert (c.lo, c.hi, c.exact) == (23.0, 23.0, True)
    # without "now" it is still a ceiling
    (d,) = [c for c in counts("Up to 23 people may be trapped.") if c.hi == 23]
    assert d.lo == 0.0 and not d.exact


def test_a_toll_and_its_update_line_are_one_claim():
    a, b = feats("Twenty-three people have died after the ferry sank off the coast.",
                 "(Update, 6pm: deaths now up to 23 people)")
    assert same_figure(a, b, 0.2, 0.35, TUNING)


def test_one_hedged_measurement_in_both():
    a, b = feats("The bridge deck was around 8 meters above the river.",
                 "Footage shows the span, which hung about eight meters above the water, giving way.")
    assert same_figure(a, b, 0.2, 0.35, TUNING)


def test_two_hedged_measurements_that_differ_are_not_one():
    a, b = feats("The bridge deck was around 8 meters above the river.",
                 "Footage shows the span, which hung about nine meters above the water, giving way.")
    assert not same_figure(a, b, 0.2, 0.35, TUNING)


def test_hedged_measurement_pair_is_linked():
    cl = cluster("The bridge deck was around 8 meters above the river. Divers searched all night.",
                 "Footage shows the span, which hung about eight meters above the water, giving way. Two cars fell.")
    assert ("art0", 0, "art1", 0) in pairs(cl)


def test_an_exact_uneven_count_of_people_is_specific_across_languages():
    from reviewer.engine import xfacts

    assert xfacts.facts_agree("The ferry sank with 143 people on board.", "en",
                              "O navio, que levava 143 pessoas, afundou ao amanhecer.", "pt")
    # a round figure of people recurs by chance: no sign of one claim
    assert not xfacts.facts_agree("The ferry sank with 140 people on board.", "en",
                                  "O navio, que levava 140 pessoas, afundou ao amanhecer.", "pt")
    # nor does a hedged one
    assert not xfacts.facts_agree("The ferry sank with about 143 people on board.", "en",
                                  "O navio, que levava cerca de 143 pessoas, afundou.", "pt")


def test_now_up_to_without_a_count_before_it_is_a_ceiling():
    (c,) = [c for c in counts("Now up to 500 people can attend the ceremony.") if c.hi == 500]
    assert c.lo == 0.0 and not c.exact


def test_a_small_hedged_measurement_is_no_claim_in_common():
    a, b = feats("The fire was about a mile from the school.", "Residents about a mile away were told to leave.")
    assert not same_figure(a, b, 0.2, 0.35, TUNING)


def test_an_exact_count_of_people_against_a_hedged_or_near_one():
    from reviewer.engine import xfacts

    exact = ("The ferry sank with 143 people on board.", "en")
    assert not xfacts.facts_agree(*exact, "O navio, que levava cerca de 150 pessoas, afundou.", "pt")
    assert not xfacts.facts_agree(*exact, "Unas 143 personas iban a bordo del ferry.", "es")


def test_a_large_uneven_figure_is_an_anchor_whatever_names_stand_near():
    a, b = feats("A ferry from Piraeus with 143 people on board sank before dawn.",
                 "The Aegean Star ferry, carrying 143 passengers and crew, went down off the cape.")
    assert same_figure(a, b, 0.2, 0.35, TUNING)
    # a round one, or a small one, with other names near it is still two subjects
    c, d = feats("A ferry from Piraeus with 140 people on board sank before dawn.",
                 "The Aegean Star ferry, carrying 140 passengers and crew, went down off the cape.")
    assert not same_figure(c, d, 0.2, 0.35, TUNING)
