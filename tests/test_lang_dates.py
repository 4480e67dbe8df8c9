"""reviewer.lang.dates: weekdays and month dates per language."""

import pytest

from reviewer.lang.dates import read_months_dates, read_weekdays

WEEKDAYS = [
    ("en", "It happened on Saturday night.", [5]),
    ("es", "El lunes y el miércoles hubo réplicas.", [0, 2]),
    ("fr", "Dans la nuit de dimanche à lundi", [6, 0]),
    ("de", "Am Freitagabend und am Samstag", [5]),  # "Freitagabend" is one word: not read
    ("it", "Giovedì sera, poi domenica", [3, 6]),
    ("pt", "Na sexta-feira e no sábado", [4, 5]),
    ("pt", "pela segunda vez", []),  # "segunda" alone is an ordinal
    ("ar", "وقع الهجوم يوم الجمعة", [4]),
    ("ar", "وفي يوم الأحد والخميس", [6, 3]),
]


@pytest.mark.parametrize("lang,text,expected", WEEKDAYS)
def test_read_weekdays(lang, text, expected):
    assert [w.value for w in read_weekdays(text, lang)] == expected


def test_weekday_span_leaves_out_attached_letters():
    text = "والخميس"
    (w,) = read_weekdays(text, "ar")
    assert text[w.start:w.end] == "الخميس"


DATES = [
    ("en", "On May 5, 2023, it may rain.", [(5, 5, 2023)]),
    ("en", "on 5 May 2023", [(5, 5, 2023)]),
    ("en", "in March 2024 we march", [(3, None, 2024)]),
    ("es", "El 5 de mayo de 2023", [(5, 5, 2023)]),
    ("es", "a finales de marzo", [(3, None, None)]),
    ("fr", "le 1er mai et le 10 septembre 2023", [(5, 1, None), (9, 10, 2023)]),
    ("de", "Am 5. Mai 2023", [(5, 5, 2023)]),
    ("de", "im März", [(3, None, None)]),
    ("it", "giovedì 12 ottobre 2023", [(10, 12, 2023)]),
    ("pt", "em 26 de março de 2024", [(3, 26, 2024)]),
    ("ar", "في 12 سبتمبر 2023", [(9, 12, 2023)]),
    ("ar", "في ١٢ أيلول ٢٠٢٣", [(9, 12, 2023)]),
    ("ar", "يوم 5 مايو/أيار 2023", [(5, 5, 2023)]),
    ("ar", "في تشرين الأول", [(10, None, None)]),
]


@pytest.mark.parametrize("lang,text,expected", DATES)
def test_read_months_dates(lang, text, expected):
    assert [(d.month, d.day, d.year) for d in read_months_dates(text, lang)] == expected


def test_date_span_covers_day_month_and_year():
    text = "Ocurrió el 5 de mayo de 2023 por la noche."
    (d,) = read_months_dates(text, "es")
    assert text[d.start:d.end] == "5 de mayo de 2023"


def test_day_out_of_range_is_not_a_day():
    assert [(d.month, d.day) for d in read_months_dates("45 mai", "fr")] == [(5, None)]
