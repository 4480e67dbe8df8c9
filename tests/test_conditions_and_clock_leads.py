"""Stop 26: a time of day written "18.45" after the word that leads an hour in the language ("a
las", "alle", "às", "um"); the condition of those counted ("in a serious condition", "dans un état
grave") read in every language, as the Spanish "estado grave" already was; and those in a critical
condition are a part of the injured, not another count of them."""

from __future__ import annotations

import pytest

from reviewer.engine import xfacts


def _times(text: str, lang: str) -> list[float]:
    return [f.value for f in xfacts.read_facts(text, lang) if f.kind == "time"]


def _counts(text: str, lang: str) -> list[tuple[float, frozenset]]:
    return [(f.value, f.concepts) for f in xfacts.read_facts(text, lang) if f.kind == "count"]


@pytest.mark.parametrize("text, lang", [
    ("El tren descarriló a las 18.45 de la tarde.", "es"),
    ("Il treno è deragliato alle 18.45 di ieri.", "it"),
    ("O comboio descarrilou às 18.45 de ontem.", "pt"),
    ("Der Zug entgleiste um 18.45 am Nachmittag.", "de"),
])
def test_a_dotted_time_after_the_hours_lead_word(text, lang):
    assert _times(text, lang) == [18 * 60 + 45]


@pytest.mark.parametrize("text, lang", [
    ("La inflación subió un 18.45 por ciento.", "es"),
    ("Il titolo ha chiuso a 18.45 euro.", "it"),
    ("Er lief die Strecke in 18.45 Sekunden.", "de"),
])
def test_a_decimal_stays_a_decimal(text, lang):
    assert _times(text, lang) == []


@pytest.mark.parametrize("text, lang", [
    ("Der Kurs stieg um 12.35 Prozent.", "de"),
    ("Le titre a clôturé à 18.45 dollars.", "fr"),
    ("Il prezzo è salito alle 12.40 euro al litro.", "it"),
    ("O lote foi vendido às 12.35 toneladas.", "pt"),
    ("Subió a las 12.35 por ciento.", "es"),
])
def test_an_amount_after_the_hours_lead_word_stays_an_amount(text, lang):
    assert _times(text, lang) == []


@pytest.mark.parametrize("text, lang", [
    ("Nine people are in a serious condition in hospital.", "en"),
    ("Nine people were seriously hurt in the crash.", "en"),
    ("Neuf personnes sont toujours dans un état grave ce soir.", "fr"),
    ("Neun Menschen wurden bei dem Unfall schwer verletzt.", "de"),
    ("Nueve personas resultaron heridas de gravedad.", "es"),
    ("Nove persone sono ricoverate in gravi condizioni.", "it"),
    ("Nove pessoas ficaram gravemente feridas.", "pt"),
])
def test_the_condition_of_those_counted(text, lang):
    assert [(v, "critical" in c) for v, c in _counts(text, lang)] == [(9.0, True)]


@pytest.mark.parametrize("text, lang", [
    ("Nine people raised serious questions at the meeting.", "en"),
    ("Nine were arrested as police took the threat seriously.", "en"),
    ("Neuf maisons ont été gravement endommagées.", "fr"),
    ("Nine houses were seriously damaged by the storm.", "en"),
])
def test_a_serious_matter_is_no_condition(text, lang):
    assert all("critical" not in c for _v, c in _counts(text, lang))


@pytest.mark.parametrize("text, lang", [
    ("Onze blessés graves ont été évacués.", "fr"),
    ("Undici feriti gravi sono stati trasferiti.", "it"),
    ("Onze feridos graves foram levados ao hospital.", "pt"),
])
def test_the_seriously_injured_in_a_short_form(text, lang):
    assert [(v, "critical" in c) for v, c in _counts(text, lang)] == [(11.0, True)]
    # and so "nine seriously injured" still disagrees with them
    assert xfacts.xl_evidence("Nine people were seriously injured.", "en", text, lang)


def test_the_critically_injured_are_a_part_of_the_injured():
    # the whole (74 injured) and a part of it (20 critically): no disagreement
    whole_and_part = ("Officials said 74 people were injured, 20 of them critically.", "en")
    whole = ("Las autoridades confirmaron 74 heridos en el incendio.", "es")
    part = ("Veinte de los heridos están en estado crítico.", "es")
    assert xfacts.xl_evidence(*whole_and_part, *whole) == []
    assert xfacts.xl_evidence("The fire injured 74 people.", "en", *part) == []
    # the same part told twice with two figures still disagrees
    assert xfacts.xl_evidence("Eighteen people are in a critical condition.", "en",
                              "Veinte personas están en estado crítico.", "es")


def test_the_figure_of_people_in_hospital_settles_the_injured_beside_a_critical_part():
    # "74 people in hospital, 20 of them critically" and "74 heridos": the same 74
    assert xfacts.facts_agree("Doctors said 74 people are being treated in hospital, 20 of those critically injured.",
                              "en", "Hay 74 heridos tras el incendio del edificio.", "es")


def test_german_am_after_a_time_is_the_day_not_the_morning():
    # "um 18:45 am Freitag": "am" is "on"; read as "a.m." it dropped the time (18 > 12)
    assert _times("Der Zug entgleiste um 18:45 am Freitag.", "de") == [18 * 60 + 45]
    assert _times("Der Zug entgleiste um 8:05 am Abend.", "de") == [8 * 60 + 5]


def test_the_window_after_a_count_stops_before_the_next_figure():
    # "Huit blessés dont cinq dans un état critique": the condition is the five's, not the eight's
    got = _counts("Huit blessés dont cinq dans un état critique.", "fr")
    assert [(v, "critical" in c) for v, c in got] == [(8.0, False), (5.0, True)]


def test_a_time_in_a_named_zone_meets_the_world_clock():
    # 23.14 in Brasília (UTC-3) is 02.14 GMT: one time; 11.14 there is 14.14 GMT: another
    gmt = ("Le dernier message automatique est arrivé à 02H14 GMT.", "fr")
    assert xfacts.facts_agree("O último sinal chegou às 23h14 de Brasília.", "pt", *gmt)
    assert xfacts.xl_evidence("O último sinal chegou às 11h14 de Brasília.", "pt", *gmt)
    assert xfacts.facts_agree("The last signal came at 10:14 p.m. EDT.", "en", *gmt)


def test_a_zone_of_two_offsets_is_not_converted():
    # "IST" is India's, Ireland's or Israel's: no world-clock time is made of it
    assert [f.zone for f in xfacts.read_facts("The last signal came at 22:14 IST.", "en") if f.kind == "time"] == [""]


def test_the_condition_of_children_told_further_on():
    got = _counts("Four of the children were in critical condition.", "en")
    assert got and all("critical" in c for _v, c in got)
