"""Precision (issue 12, stop 23): a count of one kind of a thing ("two freight barges") is a part
of a count of the thing ("several barges"), no other figure for it (evidence._part_within).
Short sentences written for these tests."""

from tests.test_real_news_rules import cluster


def _conflicts(x, y):
    from reviewer.engine.align import align

    return [l for l in align(cluster(x, y)) if l.relation == "conflict"]


def test_a_qualified_count_no_bigger_than_the_whole_is_no_conflict():
    whole = "High water left several barges stuck on the river while others were moved upstream."
    assert _conflicts(whole, "Two freight barges were stuck on the river, the lock keeper said.") == []


def test_a_qualified_count_bigger_than_the_whole_stays_a_conflict():
    whole = "High water left three barges stuck on the river on Monday."
    got = _conflicts(whole, "High water left five freight barges stuck on the river on Monday.")
    assert [e.kind for l in got for e in l.evidence] == ["number"]


def test_part_within_reads_the_noun_after_the_qualifier():
    from reviewer.engine.evidence import _part_within
    from reviewer.engine.facts import Count

    several = Count(lo=3, hi=9, span=(0, 0), head=("barg", "stuck"), exact=False, vague=True)
    two_freight = Count(lo=2, hi=2, span=(0, 0), head=("freight", "barg"), exact=True)
    twelve_freight = Count(lo=12, hi=12, span=(0, 0), head=("freight", "barg"), exact=True)
    two_tugs = Count(lo=2, hi=2, span=(0, 0), head=("tug", "barg"), exact=True)
    assert _part_within(two_freight, several)
    assert not _part_within(twelve_freight, several)  # more than "several" can be
    assert not _part_within(several, two_freight)
    assert _part_within(two_tugs, several)  # the word after the qualifier is the whole's noun
    assert not _part_within(two_freight, two_freight)


def test_counts_of_people_and_fates_are_no_part_of_each_other():
    from reviewer.engine.evidence import _part_within
    from reviewer.engine.facts import INF, Count

    missing = Count(lo=900, hi=INF, span=(0, 0), head=("missing",), exact=False)
    people_missing = Count(lo=300, hi=400, span=(0, 0), head=("person", "missing"), exact=False)
    residents = Count(lo=9500, hi=9500, span=(0, 0), head=("resid",), exact=True)
    people_residents = Count(lo=8000, hi=8000, span=(0, 0), head=("person", "resid"), exact=True)
    assert not _part_within(people_missing, missing)
    assert not _part_within(people_residents, residents)
