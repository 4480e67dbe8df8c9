"""Stop 25: times of day told with a zone or "local time" in words, the day half in Arabic, and
the world clock (GMT/UTC) kept apart from the local one when two reports are compared."""

import pytest

from reviewer.engine import xfacts
from reviewer.engine.dates import read_clock_times


@pytest.mark.parametrize("lang,text,want", [
    ("es", "El tren salió a las 07.15 hora local de la estación central.", [(435, None)]),
    ("es", "El tren salió a las 05.15 GMT de la estación central.", [(315, "GMT")]),
    ("en", "The ferry left at 07.15 local time.", [(435, None)]),
    ("de", "Die Fähre legte um 07.15 Ortszeit ab.", [(435, None)]),
    ("ar", "غادرت العبارة الميناء الساعة 7.15 صباحا", [(435, None)]),
    ("ar", "وقع الانفجار الساعة 9 مساء بتوقيت غرينتش", [(1260, "GMT")]),
])
def test_a_time_named_by_what_follows_it(lang, text, want):
    got = [(c.minutes, c.zone) for c in read_clock_times(text, lang) if not c.width]
    assert got == want


def test_a_decimal_is_still_no_time():
    assert read_clock_times("Los precios subieron un 07.15 por ciento.", "es") == []
    assert read_clock_times("La cifra fue de 12.50 euros.", "es") == []


def test_the_world_clock_is_compared_with_the_world_clock():
    # both give the local time alike; their GMT conversions differ by an hour
    ev = xfacts.xl_evidence("El ferry zarpó a las 07.15 hora local (05.15 GMT) del puerto.", "es",
                            "غادرت العبارة الساعة 7.15 صباحا بالتوقيت المحلي (04:15 بتوقيت جرينتش)", "ar")
    assert [(e.a, e.b) for e in ev] == [("05.15", "04:15")]


def test_a_local_zone_name_is_the_local_clock():
    # "9.40 p.m. CEST" and "21h40 heure locale" are one time in Paris: no conflict
    assert xfacts.xl_evidence("The alarm was raised at 9.40 p.m. CEST on Friday.", "en",
                              "L'alerte a été donnée vendredi à 21h40 heure locale.", "fr") == []
    # and one minute apart on the local clock is a disagreement
    ev = xfacts.xl_evidence("The alarm was raised at 9.40 p.m. CEST on Friday.", "en",
                            "L'alerte a été donnée vendredi à 21h43 heure locale.", "fr")
    assert [e.b for e in ev] == ["21h43"]


def test_a_time_in_a_timetable_is_not_the_time_something_happened():
    # the flight was due to land at 14:10; it came down at 11:52: two times, no disagreement
    assert xfacts.xl_evidence("The jet came down at 11:52 a.m. local time, shortly after take-off.", "en",
                              "El vuelo tenía previsto aterrizar en la capital a las 14:10 hora local.", "es") == []
    # two plans are compared with each other
    ev = xfacts.xl_evidence("The flight was due to land at 2:10 p.m. local time.", "en",
                            "El vuelo tenía previsto aterrizar a las 14:40 hora local.", "es")
    assert [e.b for e in ev] == ["14:40"]


@pytest.mark.parametrize("lang,text", [
    ("en", "Output reached 10.45 MT in May."),
    ("ar", "ارتفع عدد القتلى إلى 9 مساء الأحد"),
])
def test_no_time_where_a_figure_only_looks_like_one(lang, text):
    assert [c for c in read_clock_times(text, lang) if not c.width] == []


@pytest.mark.parametrize("text,planned", [
    ("The plane was delayed due to fog and landed at 10:25.", [False]),
    ("The toll is expected to rise after the blast at 10:25.", [False]),
    ("It landed at 10:25 after it was due to leave at 9:00 a.m.", [False, True]),
])
def test_a_time_is_planned_only_after_a_word_of_a_plan(text, planned):
    assert [f.planned for f in xfacts.read_facts(text, "en") if f.kind == "time"] == planned
