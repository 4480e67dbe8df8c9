"""Counts of a named group (a nationality) in two reports, and a year written after an article
("a 1987 flood"): the fact rules compare them (issue 12, stop 23)."""

import pytest

from reviewer.engine.align import align
from reviewer.engine.evidence import count_contexts, same_slot
from reviewer.engine.features import build_features
from reviewer.engine.settings import Tuning
from tests.test_real_news_rules import cluster

T = Tuning()


def _conflicts(cl):
    return [l for l in align(cl) if l.relation == "conflict"]


def _slot(a, b, head_a, head_b):
    """Do the counts of ``a`` and ``b`` whose spans hold these words fill one slot?"""
    fa, fb = build_features(cluster(a, b))
    ia = next(n for n, c in enumerate(fa.counts) if head_a in fa.text[c.span[0]:c.span[1]])
    ib = next(n for n, c in enumerate(fb.counts) if head_b in fb.text[c.span[0]:c.span[1]])
    return same_slot(fa, fa.counts[ia], count_contexts(fa, T)[ia], fb, fb.counts[ib], count_contexts(fb, T)[ib], 0.5, 0.6, T)


LIST = "The 19 rescued climbers, 11 Chileans, 6 Serbs and 2 Bolivians, were flown to Lima on Monday."


@pytest.mark.parametrize("a, head_a, head_b, slot", [
    # the nationality is what both count, written once as a plural demonym
    ("Nine Serb climbers were flown to Lima on Monday, officials in Serbia said.", "Serb", "Serbs", True),
    ("Nine Serb nationals were flown to Lima on Monday.", "Serb", "Serbs", True),
    # another nationality is another group
    ("Nine Chilean climbers were flown to Lima on Monday.", "Chilean", "Serbs", False),
    ("Nine Argentine climbers were flown to Lima on Monday.", "Argentine", "Chileans", False),
])
def test_a_named_group_in_a_list_is_counted_against_the_same_group(a, head_a, head_b, slot):
    assert _slot(a, LIST, head_a, head_b) is slot


def test_a_count_listed_before_is_no_subject():
    (f,) = build_features(cluster(LIST))
    for c, x in zip(f.counts, count_contexts(f, T)):
        assert x.subject is None, f.text[c.span[0]:c.span[1]]


def test_a_named_group_against_its_figure_in_a_list_conflicts():
    cl = cluster("Nine Serb climbers were flown to Lima on Monday, officials in Serbia said.", LIST)
    assert any(e.kind == "number" for l in _conflicts(cl) for e in l.evidence)


def test_a_named_group_against_the_same_figure_in_a_list_agrees():
    cl = cluster("Six Serb climbers were flown to Lima on Monday, officials in Serbia said.", LIST)
    assert not _conflicts(cl)


@pytest.mark.parametrize("text, year", [
    ("It recalled a 1987 flood that drowned hundreds of people in the valley.", 1987),
    ("It recalled the 1987 flood that drowned hundreds of people in the valley.", 1987),
    ("A 2000-strong crowd gathered outside the station.", None),
    ("They counted a 1987 total.", 1987),
])
def test_a_year_after_an_article_places_the_noun_after_it(text, year):
    (f,) = build_features(cluster(text, dates=["2023-05-02"]))
    assert f.years == (frozenset({year}) if year else frozenset())


def test_another_events_toll_given_vaguely_against_a_large_figure():
    cl = cluster("The storm revived memories of a 1987 flood that killed dozens of valley residents.",
                 "The river burst its banks in 1987, flooding the valley and killing more than 300 people.")
    assert any(e.kind == "quantity" for l in _conflicts(cl) for e in l.evidence)


_AVALANCHE = "An avalanche buried a camp below Mount Orsa on Sunday. "


@pytest.mark.parametrize("a, paired", [
    ("Nine Serb climbers were also flown out, according to the Serbian embassy. ", True),
    ("Six Serb climbers were also flown out, according to the Serbian embassy. ", False),  # the same figure
    ("Nine Argentine guides were also flown out, according to the embassy. ", False),  # another group
    ("Two dozen tents were also flown out, according to the embassy. ", False),  # no named group
])
def test_counts_of_one_named_group_are_paired_for_the_facts(a, paired):
    from reviewer.engine.tollpairs import toll_pairs

    feats = build_features(cluster(_AVALANCHE + a, _AVALANCHE + LIST))
    got = [(feats[i].idx, feats[j].idx) for i, j in toll_pairs(feats, T)]
    assert got == ([(1, 1)] if paired else [])


# --- a figure something rose "up to", and one a figure "neared" (facts._bounds, stop 23) -------

@pytest.mark.parametrize("text, lo, hi", [
    ("The toll of the flood has climbed up to 37, the agency said.", 37, 37),
    ("By night the toll of the landslide had risen up to 46.", 46, 46),
    ("Up to 37 guests were inside the hall.", 0, 37),  # a ceiling
    ("The hall can hold up to 370 guests.", 0, 370),
    ("The toll of the landslide neared 50 by Tuesday.", 45, 50),
])
def test_up_to_after_a_rise_is_the_figure_risen_to(text, lo, hi):
    from tests.test_real_news_rules import counts

    c = next(c for c in counts(text) if c.hi >= 30)
    assert (c.lo, c.hi) == (lo, hi)


def test_a_toll_that_neared_a_figure_against_one_that_climbed_up_to_another():
    cl = cluster("The interior minister said on Tuesday that the toll of the landslide neared 50.",
                 "The toll of the landslide near Kestrel Pass has climbed up to 73, rescuers said on Tuesday.")
    assert any(e.kind == "quantity" for l in _conflicts(cl) for e in l.evidence)
