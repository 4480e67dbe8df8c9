"""Times of day as one candidate/match term (issue 12), on sentences written here."""

import pytest

from reviewer.engine.features import _number_terms, build_features
from reviewer.engine.textnorm import tokenize
from reviewer.io.segment import segment
from reviewer.models import Article, Cluster


def terms(text, lang="en"):
    toks = tokenize(text)
    return _number_terms(toks, [t[0].lower() for t in toks], text, lang)


@pytest.mark.parametrize("text", ["The ferry cast off at 4:20 a.m. on Sunday.", "The ferry cast off at 4.20am on Sunday.",
                                  "The ferry cast off at 04:20 on Sunday.", "The ferry cast off at 4:20 A.M."])
def test_one_time_written_four_ways_is_one_term(text):
    assert "#t04:20" in terms(text)
    assert not {"#4", "#20", "#04", "#4.20"} & set(terms(text))


def test_after_noon_is_read_on_the_24_hour_clock():
    assert terms("Sirens sounded at 7:45 p.m.") == ["#t19:45"]
    assert terms("Sirens sounded at 7 pm.") == terms("Sirens sounded at 19:00.") == ["#t19:00"]


def test_a_time_without_am_or_pm_meets_both_readings():
    got = set(terms("Sirens sounded at 7:45."))
    assert got == {"#t07:45", "#t19:45"}
    assert "#t07:45" in terms("at 7:45 a.m.") and "#t19:45" in terms("at 7:45 p.m.")
    assert terms("at 07:45") == ["#t07:45"]  # a leading zero: a 24-hour clock


def test_a_time_in_another_language_meets_the_same_term():
    assert terms("Die Fähre legte um 19 Uhr ab.", "de") == terms("The ferry left at 7 p.m.")


@pytest.mark.parametrize("text, want", [("Repairs will cost 2.35 million.", ["#2.35"]),
                                        ("A 6.5 km detour opened.", ["#6.5"]),
                                        ("Turnout rose to 61.25 percent.", ["#61.25"]),
                                        ("The survey map is at 1:25,000.", ["#1", "#25000"]),
                                        ("They walked 12 miles at 9.", ["#12", "#9"])])
def test_figures_that_are_no_times_are_left_alone(text, want):
    assert terms(text) == want


def test_the_sentence_bag_holds_the_time_term():
    a = Article(id="a", path="a.txt", body="The ferry cast off at 4.20am.", date="2024-05-01")
    a.sentences = segment(a.body)
    f = build_features(Cluster([a]))[0]
    assert "#t04:20" in f.bag and "#4.20" not in f.bag
