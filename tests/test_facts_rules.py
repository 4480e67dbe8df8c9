"""Fact rules for real news (issue 12, the facts round), each on short sentences written for it."""

from reviewer.engine.align import align
from reviewer.engine.facts import counts_conflict
from reviewer.engine.features import build_features
from tests.test_real_news_rules import cluster


def counts(text):
    """The counts the engine reads in one sentence (its own terms: stems and synonyms)."""
    (f,) = build_features(cluster(text))
    return f.counts


def kinds(cl):
    return sorted((l.relation, tuple(e.kind for e in l.evidence)) for l in align(cl))


def test_what_happened_to_counted_people_is_part_of_the_head():
    assert counts("About 400 people had died by Friday.")[0].head == ("person", "die")
    assert counts("Some 400 people were missing.")[0].head == ("person", "missing")
    assert counts("Twelve people were hurt.")[0].head == ("person", "injur")
    assert counts("400 people gathered.")[0].head == ("person", "gather")


def test_the_same_figure_of_the_dead_and_of_the_missing_is_no_match():
    cl = cluster("Officials in the river town of Karsk said the death toll stood at more than 900 after the storm.",
                 "Officials in the river town of Karsk said 900 people were missing after the storm.")
    assert all(l.relation != "match" for l in align(cl))
    # nor a number conflict: the dead and the missing are two slots
    cl = cluster("Officials in the river town of Karsk said 700 people had died after the storm.",
                 "Officials in the river town of Karsk said 900 people were missing after the storm.")
    assert all(e.kind != "number" for l in align(cl) for e in l.evidence)


def test_a_toll_far_above_at_least_n_is_an_update_conflict():
    cl = cluster("The bombing of the market in Tarvo left at least 30 people dead, police said.",
                 "The death toll from the bombing of the market in Tarvo on Friday rose to 85, police said.",
                 dates=["2022-03-14", "2022-03-15"])
    (link,) = align(cl)
    assert link.relation == "conflict" and link.evidence[0].kind == "quantity"
    assert "may have been updated" in link.evidence[0].note
    # a toll near the floor is the same report, not an update
    cl = cluster("The bombing of the market in Tarvo left at least 30 people dead, police said.",
                 "The bombing of the market in Tarvo left 33 people dead, police said.")
    assert [l.relation for l in align(cl)] == ["match"]


def test_a_toll_after_rose_to_far_from_the_word_toll():
    text = "The death toll of the fire at the old textile factory near the port, on 3 May, rose to 41, police said."
    (c,) = counts(text)
    assert (c.lo, c.head) == (41, ("person", "die"))


def test_a_vague_word_and_an_open_bound_overlap_loosely():
    thousands = counts("Thousands of people were evacuated.")[0]
    assert not counts_conflict(thousands, counts("At least 10,000 people were evacuated.")[0])
    assert counts_conflict(thousands, counts("At least 40,000 people were evacuated.")[0])
    assert counts_conflict(counts("Between 3,000 and 4,000 people were evacuated.")[0],
                           counts("At least 10,000 people were evacuated.")[0])


def test_percentages_of_two_different_measures_are_two_slots():
    cl = cluster("In the Varna referendum the rate of counted ballot boxes reached 97.5 percent at home and 80.2 percent abroad.",
                 "The Varna referendum saw a participation rate of 71.3 percent at home and 44.1 percent abroad.")
    assert all(e.kind != "number" for l in align(cl) for e in l.evidence)
    # the same measure under two names still disagrees
    cl = cluster("In the Varna referendum the electoral board put the voter turnout at 71.3 percent.",
                 "In the Varna referendum the electoral board said the participation rate was 64.9 percent.")
    assert [k for _r, k in kinds(cl)] == [("number",)]


def test_preliminary_and_official_results_on_two_days_are_two_announcements():
    cl = cluster("The electoral board in Varna announced the preliminary results of the referendum on Monday.",
                 "The electoral board in Varna announced the official results of the referendum on Friday.")
    assert align(cl) == []
    # the same announcement on two days is a conflict
    cl = cluster("The electoral board in Varna announced the official results of the referendum on Monday.",
                 "The electoral board in Varna announced the official results of the referendum on Friday.")
    assert kinds(cl) == [("conflict", ("weekday",))]


def test_a_distance_covered_and_the_same_distance_left_disagree():
    cl = cluster("The rebel column in Oskaria advanced 150 km towards the capital overnight, its commander said.",
                 "The rebel column in Oskaria got to within 150 km of the capital overnight, its commander said.")
    (link,) = align(cl)
    assert link.relation == "conflict" and "way left" in link.evidence[0].note
    cl = cluster("The rebel column in Oskaria advanced 150 km towards the capital overnight, its commander said.",
                 "The rebel column in Oskaria was only 93 miles from the capital overnight, its commander said.")
    assert [l.relation for l in align(cl)] == ["conflict"]
    # both read the same way: one claim
    cl = cluster("The rebel column in Oskaria advanced 150 km towards the capital overnight, its commander said.",
                 "The rebel column in Oskaria advanced some 93 miles towards the capital overnight, its commander said.")
    assert [l.relation for l in align(cl)] == ["match"]


def test_together_versus_one_after_the_other_is_a_conflict():
    cl = cluster("Heavy rain caused both levees on the Ostra river to fail at the same time, engineers said.",
                 "Engineers said the upper levee on the Ostra river likely failed first, flooding the lower one.")
    (link,) = align(cl)
    assert link.relation == "conflict" and link.evidence[0].kind == "other"
    # "the first" is an ordinal, and "At the same time," opens a sentence: no order of events
    cl = cluster("At the same time, heavy rain caused both levees on the Ostra river to fail, engineers said.",
                 "Engineers said the first levee on the Ostra river to fail was the upper one.")
    assert all(l.relation != "conflict" for l in align(cl))


def test_one_role_in_one_named_body_held_by_two_people():
    cl = cluster("The candidate of the Green Alliance, current mayor Anna Berg, and the candidate of the Civic Union, "
                 "Jonas Holm, met in the final debate in Varna on Monday.",
                 "In the final debate in Varna on Monday, Jonas Holm, the candidate of the Green Alliance, spoke first.")
    got = [e for l in align(cl) for e in l.evidence if e.kind == "entity"]
    assert got and got[0].a == "Anna Berg" and got[0].b == "Jonas Holm"
    # the same holder on both sides: no entity conflict
    cl = cluster("The candidate of the Green Alliance, current mayor Anna Berg, met voters in Varna on Monday.",
                 "Anna Berg, the candidate of the Green Alliance, met voters in Varna on Monday.")
    assert all(e.kind != "entity" for l in align(cl) for e in l.evidence)


def test_counted_people_with_and_without_a_fate_are_two_slots():
    cl = cluster("Thousands of people are missing in the port town of Karsk after the storm, officials said.",
                 "The port town of Karsk, a community of around 90,000 people, was hit by the storm, officials said.")
    assert all(e.kind not in ("number", "quantity") for l in align(cl) for e in l.evidence)


def test_a_population_is_a_count_of_residents():
    (c,) = counts("The storm hit Karsk, which has a population of 60,000.")
    assert (c.lo, c.head) == (60000, ("person", "resid"))
    cl = cluster("The storm hit the port town of Karsk, which has a population of 60,000.",
                 "The port town of Karsk, home to 85,000 residents, was hit by the storm.")
    assert [k for _r, k in kinds(cl)] == [("number",)]
    assert counts("Up to 300 people may have drowned.")[0].head == ("person", "die")


def test_the_same_rate_under_two_names_ties_two_percentages():
    cl = cluster("A news agency in Varna estimated the voter turnout at roughly 61 percent.",
                 "The total participation rate, counting voters at home and abroad, was found to be 66.4 percent.")
    assert [k for _r, k in kinds(cl)] == [("quantity",)]
    # a percentage whose head took a scope word ("41 percent abroad") is limited to that part
    cl = cluster("A news agency in Varna estimated the voter turnout at roughly 61 percent.",
                 "A participation rate of 66.4 percent at home and 41.2 percent abroad was recorded in Varna.")
    assert all("41.2" not in e.b for l in align(cl) for e in l.evidence)


def test_two_bodies_of_one_kind_are_not_a_swapped_name():
    cl = cluster("The Karsk Health Ministry said 40 people remain in hospital after the storm.",
                 "The Karsk Interior Ministry said the storm damaged roads and 40 people remain in hospital.")
    assert all(e.kind != "entity" for l in align(cl) for e in l.evidence)


def test_a_named_group_sharing_only_its_fate_with_a_toll_is_a_part():
    cl = cluster("Four bodyguards of the governor of Karsk were injured in the blast on Friday.",
                 "The blast in Karsk on Friday left two people dead and dozens injured.")
    assert all(e.kind not in ("number", "quantity") for l in align(cl) for e in l.evidence)
    # a word for people with the same fate is the same slot
    cl = cluster("Nine members of the ferry crew were missing after the storm off Karsk on Friday.",
                 "Four people were missing after the storm off Karsk on Friday.")
    assert [k for _r, k in kinds(cl)] == [("number",)]


def test_a_vague_word_is_loose_upwards_against_any_figure():
    thousands = counts("Thousands of people were evacuated.")[0]
    assert not counts_conflict(thousands, counts("In all, 12,000 people were evacuated.")[0])
    assert counts_conflict(thousands, counts("Some 45,000 people were evacuated.")[0])
    assert counts_conflict(thousands, counts("Some 900 people were evacuated.")[0])


def test_sentences_counting_only_different_fates_are_not_one_claim():
    cl = cluster("Officials in the river town of Karsk said more than 90 people were killed in the storm on Friday.",
                 "Officials in the river town of Karsk said 40 people were admitted to hospitals after the storm on Friday.")
    assert all(l.relation != "match" for l in align(cl))


def test_an_unreadable_pint_cache_does_not_turn_conversions_off(monkeypatch):
    """pint's disk cache can point at the files of an installation that is gone: the registry is
    then read without the cache, and miles still convert."""
    import pint

    from reviewer.engine import facts

    real = pint.UnitRegistry

    def registry(*args, cache_folder=None, **kw):
        if cache_folder is not None:
            raise FileNotFoundError("/gone/pint/default_en.txt/constants_en.txt")
        return real(*args, cache_folder=cache_folder, **kw)

    monkeypatch.setattr(pint, "UnitRegistry", registry)
    monkeypatch.setattr(facts, "_UREG", None)
    facts.unit_factor.cache_clear()
    try:
        got = facts.unit_factor("mile")
    finally:
        facts.unit_factor.cache_clear()
    assert got is not None and abs(got[0] - 1609.344) < 1e-6 and got[1] == "[length]"
