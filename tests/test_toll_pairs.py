"""Two reports' tolls that share few words are still compared (engine.tollpairs, issue 12, stop 23).
Short sentences written for each case."""

import pytest

from reviewer.engine.align import align
from reviewer.engine.features import build_features
from reviewer.engine.settings import TUNING
from reviewer.engine.tollpairs import toll_pairs
from tests.test_real_news_rules import cluster

_A = "Officials counted 64 dead by nightfall in the valley towns. "
_LEAD = "A cyclone hit the Orvan coast on Monday. "


def _pairs(a, b):
    feats = build_features(cluster(_LEAD + a, _LEAD + b))
    return [(feats[i].idx, feats[j].idx) for i, j in toll_pairs(feats, TUNING)]


@pytest.mark.parametrize("b, paired", [
    ("The storm has killed more than 90 people, the relief agency said on Tuesday. ", True),
    ("Relief workers said on Tuesday that 120 were injured by flying debris. ", False),  # another fate
    ("The storm has killed 64 people, the relief agency said on Tuesday. ", False),  # the same figure
    ("The storm has killed 12 fishermen, the relief agency said on Tuesday. ", False),  # a named group
    ("The storm has killed seven people, the relief agency said on Tuesday. ", False),  # a small figure
])
def test_tolls_of_two_reports_are_paired_only_when_they_disagree(b, paired):
    assert _pairs(_A, b) == ([(1, 1)] if paired else [])


def test_the_toll_pairs_a_candidate_list_lacks_are_added_for_facts_only():
    import numpy as np

    from reviewer.config import AlignSettings
    from reviewer.engine.candidates import Candidates
    from reviewer.engine.tollpairs import with_toll_pairs

    feats = build_features(cluster(_LEAD + _A, _LEAD + "The storm has killed more than 90 people, the agency said. "))
    empty = Candidates(*(np.zeros(0, dtype=d) for d in (np.int64, np.int64, float, float, bool, float)))
    got = with_toll_pairs(empty, feats, AlignSettings(), TUNING)
    assert (got.i.tolist(), got.j.tolist(), got.facts_only.tolist()) == ([1], [3], [True])
    assert len(with_toll_pairs(got, feats, AlignSettings(), TUNING).i) == 1  # a pair it has is not added again


def test_a_toll_pair_with_few_words_in_common_is_a_conflict():
    got = align(cluster(_LEAD + _A, _LEAD + "The storm has killed more than 90 people, the relief agency said on Tuesday. "))
    assert [(l.a.sentence, l.b.sentence, l.relation, l.evidence[0].kind) for l in got if l.a.sentence == 1] == \
        [(1, 1, "conflict", "quantity")]


# --- one span bounded by two different years (evidence._bound_year_evidence, stop 23) ----------

_COURT = "The regional court ruled on the Halvik case on Friday. "


@pytest.mark.parametrize("a, b, kinds", [
    ("The judges also barred the former mayor Tomas Halvik from public office until 2031, his lawyers said.",
     "The court barred Halvik from holding public office until 2046, ending his career.", ["date"]),
    ("Halvik has been mayor of the port town since 2009, his lawyers said.",
     "Halvik had served as mayor of the port town since 2012, his lawyers said.", ["date"]),
    # four digits that are no year (a time of day, a count of homes) are no date conflict
    ("A curfew holds in the port town until 0600, the mayor Tomas Halvik said.",
     "A curfew holds in the port town until 0800, the mayor Tomas Halvik said.", None),
    ("The blaze tore through 2000 homes in the port town, the mayor Tomas Halvik said.",
     "The blaze tore through 3000 homes in the port town, the mayor Tomas Halvik said.", None),
    # a bound and a placed year are not one span: "until 2031" / "elected in 2012"
    ("Halvik has been mayor of the port town since 2009, his lawyers said.",
     "Halvik was elected mayor of the port town in 2012, his lawyers said.", None),
])
def test_two_years_bounding_one_span_disagree(a, b, kinds):
    got = [l for l in align(cluster(_COURT + a, _COURT + b)) if l.a.sentence == 1 and l.b.sentence == 1]
    assert [e.kind for l in got for e in l.evidence if l.relation == "conflict"] == (kinds or [])


# --- the cluster's own people are the whole toll (evidence.same_slot, tollpairs, stop 23) ------

_PIT = ("A gas blast tore through the Vorsk coal pit on Monday. Rescue crews pulled miners from the shafts through "
        "the night. By the evening at least 40 people had died, the regional governor said. Families of the miners "
        "waited at the gate.")


@pytest.mark.parametrize("b, conflict", [
    # "miners" in most sentences: the people of this story, so 52 of them is the toll
    ("Miners were trapped deep in the Vorsk coal pit after a gas blast on Monday. The blast killed at least 52 "
     "miners, officials said. Some miners walked out on their own. Unions said the miners had warned of gas for weeks.",
     True),
    # "miners" once: maybe a part of the toll
    ("Workers were trapped deep in the Vorsk coal pit after a gas blast on Monday. The blast killed at least 52 "
     "miners, officials said. Some workers walked out on their own. Unions said the staff had warned of gas for weeks.",
     False),
])
def test_a_group_most_sentences_name_is_the_whole_toll(b, conflict):
    got = [(l.a.sentence, l.b.sentence) for l in align(cluster(_PIT, b)) if l.relation == "conflict"]
    assert got == ([(2, 1)] if conflict else [])
