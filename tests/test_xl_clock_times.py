"""The cross-language facts read times of day with the one clock reader of the engine
(engine.dates.read_clock_times), in every language, and compare them as it does."""

from __future__ import annotations

import pytest

from reviewer.engine import xfacts
from reviewer.engine.dates import read_clock_times


def _times(text: str, lang: str) -> list[float]:
    return [f.value for f in xfacts.read_facts(text, lang) if f.kind == "time"]


@pytest.mark.parametrize("text, lang", [
    ("The ferry left the harbour at 9:40 p.m. on Friday.", "en"),
    ("Die Fähre legte gegen 21.40 Uhr ab.", "de"),
    ("Le ferry a quitté le port vers 21h40.", "fr"),
    ("El ferry zarpó a las 21:40 horas.", "es"),
    ("O ferry partiu às 21h40.", "pt"),
    ("Il traghetto è partito alle 21:40.", "it"),
    ("غادرت العبارة الميناء في الساعة 21:40.", "ar"),
])
def test_one_time_in_each_language(text, lang):
    assert _times(text, lang) == [21 * 60 + 40]


@pytest.mark.parametrize("text, lang", [
    ("The ferry left the harbour at 9:40 p.m. after a delay of 3 hours.", "en"),
    ("Die Fähre legte am Abend gegen 21.40 Uhr ab, 3 Stunden zu spät.", "de"),
    ("Le ferry est parti dans la soirée vers 21h40, avec 3 heures de retard.", "fr"),
])
def test_the_facts_hold_the_clock_readers_times(text, lang):
    facts = [f for f in xfacts.read_facts(text, lang) if f.kind == "time"]
    clocks = [c for c in read_clock_times(text, lang) if not c.width]  # a part of the day is no time fact
    assert [(f.value, f.span) for f in facts] == [(c.minutes, c.span) for c in clocks] and facts


def test_midnight_on_a_twelve_hour_clock():
    assert _times("The alarm sounded at 12:15 a.m.", "en") == [15]
    assert _times("The alarm sounded at 12:15 p.m.", "en") == [12 * 60 + 15]


@pytest.mark.parametrize("text, lang", [
    ("The survey used a map at a scale of 1:25,000 of the valley.", "en"),
    ("Die Karte hat einen Maßstab von 1:25.000 für das Tal.", "de"),
    ("Der Zug kam in den Abendstunden an.", "de"),
    ("Le train est arrivé dans la soirée.", "fr"),
])
def test_no_time_in_a_ratio_or_a_part_of_the_day(text, lang):
    assert _times(text, lang) == []


def test_a_time_without_am_or_pm_meets_either_half_of_the_day():
    en = "The ferry left the harbour at 9:40 with 30 passengers."
    assert not xfacts.xl_evidence(en, "en", "El ferry zarpó a las 21:40 con 30 pasajeros.", "es")
    assert not xfacts.xl_evidence(en, "en", "Le ferry est parti à 9h40 avec 30 passagers.", "fr")
    (ev,) = xfacts.xl_evidence(en, "en", "El ferry zarpó a las 22:40 con 30 pasajeros.", "es")
    assert (ev.a, ev.b) == ("9:40", "22:40")


def test_a_time_with_pm_keeps_its_half_of_the_day():
    (ev,) = xfacts.xl_evidence("The ferry left the harbour at 9:40 a.m.", "en", "Die Fähre legte um 21.40 Uhr ab.", "de")
    assert ev.kind == "other" and (ev.a, ev.b) == ("9:40 a.m.", "21.40 Uhr")
