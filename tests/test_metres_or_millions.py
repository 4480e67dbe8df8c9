""""N m" is metres or millions: a dimension word after it makes metres; a preposition after it
("of", "in", "from") makes metres only where the sentence speaks of length and not of money or
other amounts (lang.en DIMENSION_WORDS, DIMENSION_PREPOSITIONS, LENGTH_WORDS, AMOUNT_WORDS)."""

from __future__ import annotations

import pytest

from tests.test_conflict_classes import counts


def _metres(text: str) -> list[float]:
    return [c.lo for c in counts(text) if c.unit == "meter"]


@pytest.mark.parametrize("text", [
    "The charity received 8m of funding from the state.",
    "The village got 3m in aid after the storm.",
    "The start-up raised 2m from investors in March.",
    "Sales reached 7m in the first half of the year.",
    "The new stand will cost 6m.",
    "The club paid 45m for the striker on Friday.",
])
def test_an_amount_is_no_measurement(text):
    assert _metres(text) == []


@pytest.mark.parametrize("text, metres", [
    ("The trawler lies in 55m of water off the cape.", 55),
    ("Crews laid 600m of cable along the canal.", 600),
    ("The boat capsized 30m from the bank.", 30),
    ("The van fell 25m into a gorge.", 25),
    ("The hall is 90m long and 40m wide.", 90),
    ("A 70m-high tower stands by the harbour.", 70),
    ("The mast is 65m.", 65),
])
def test_a_length_stays_a_measurement(text, metres):
    assert _metres(text)[:1] == [metres]


def test_a_dimension_word_makes_metres_even_beside_money():
    assert _metres("The city paid for a 300m long sea wall.") == [300]


def test_no_length_and_no_amount_after_a_preposition_is_no_measurement():
    assert _metres("Around 4m of them signed the petition.") == []


@pytest.mark.parametrize("text", [
    "The ferry left the quay at 6:40 a.m. on Friday.",
    "Shops reopened around 11 a.m. local time.",
    "The alarm was raised at 3 a.m. and the hall was cleared.",
])
def test_the_a_of_a_clock_time_is_no_metre(text):
    # the "a" of "a.m." once read as the article "a" before the unit "m": one metre
    assert _metres(text) == []


def test_a_unit_after_the_article_still_counts():
    assert [(c.lo, c.unit) for c in counts("The crowd walked a mile to the square.")] == [(1.0, "mile")]
