"""reviewer.lang.numbers: digits by each language's separators, number words, hedges."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reviewer.lang.numbers import read_numbers


def values(text, lang):
    return [m.value for m in read_numbers(text, lang)]


def spans(text, lang):
    return [text[m.start:m.end] for m in read_numbers(text, lang)]


CASES = {
    "en": [
        ("Eight workers died.", [8]),
        ("The bridge is 2,600 feet long.", [2600]),
        ("It rose 2.6 metres.", [2.6]),
        ("two hundred and five people", [205]),
        ("2.5 million residents", [2_500_000]),
        ("the 3rd time", []),
        ("Flights 1,2,3 left.", [1, 2, 3]),
    ],
    "es": [
        ("Murieron seis trabajadores.", [6]),
        ("El puente mide 2,6 km.", [2.6]),
        ("Hubo 2.600 evacuados.", [2600]),
        ("Unos 2,3 millones de personas", [2_300_000]),
        ("treinta y seis muertos y una casa", [36]),
        ("dos mil trescientos heridos", [2300]),
        ("5 mil millones de dólares", [5_000_000_000]),
        ("millones de personas", []),
        ("El puente de 2.6 kilómetros", [2.6]),  # Mexican style: a decimal point
        ("el 1º de mayo", []),
    ],
    "fr": [
        ("On compte huit morts.", [8]),
        ("vingt et un blessés", [21]),
        ("Une ville de 250 000 habitants", [250_000]),
        ("Une ville de 250\u202f000 habitants", [250_000]),
        ("Il y a 1.450 disparus.", [1450]),
        ("2,6 km", [2.6]),
        ("quatre-vingt-dix victimes", [90]),
        ("un homme est mort le 1er mai", []),
        ("3 millions de personnes", [3_000_000]),
    ],
    "de": [
        ("Sechs Menschen starben.", [6]),
        ("sechsundzwanzig Verletzte", [26]),
        ("mindestens 2.300 Tote", [2300]),
        ("in 3.963 Metern Tiefe", [3963]),
        ("6,70 Meter lang", [6.7]),
        ("eine Million Menschen", [1_000_000]),
        ("1,5 Millionen Euro", [1_500_000]),
        ("ein Mann und eine Frau", []),
        ("Millionen Menschen", []),
        ("2'300 Franken", [2300]),
    ],
    "it": [
        ("Sono morti sei operai.", [6]),
        ("ventitré feriti", [23]),
        ("2,6 chilometri", [2.6]),
        ("2.600 sfollati", [2600]),
        ("un uomo", []),
        ("tre milioni di euro", [3_000_000]),
    ],
    "pt": [
        ("Morreram seis trabalhadores.", [6]),
        ("vinte e seis feridos", [26]),
        ("dois mil e trezentos mortos", [2300]),
        ("2,6 km", [2.6]),
        ("um homem e umas casas", []),
    ],
    "ar": [
        ("قتل ٥ أشخاص", [5]),
        ("قتل ١٢٣ شخصا", [123]),
        ("مسافة ٢٫٥ كم", [2.5]),
        ("٢٬٣٠٠ قتيل", [2300]),
        ("قتل خمسة أشخاص", [5]),
        ("خمسة وعشرون قتيلا", [25]),
        ("ثلاثة آلاف وخمسمائة شخص", [3500]),
        ("ثلاث مئة جريح", [300]),
        ("مئة ألف نازح", [100_000]),
        ("5 آلاف نازح", [5000]),
        ("آلاف النازحين", []),
        ("حصل على 52.87 في المئة", [52.87]),
        ("عشرة آلاف مفقود", [10_000]),
        ("جرت الانتخابات يوم الأحد", []),  # Sunday, not "one"
        ("أحد عشر جريحا", [11]),
    ],
}


@pytest.mark.parametrize(
    "lang,text,expected",
    [(lang, text, expected) for lang, cases in CASES.items() for text, expected in cases],
)
def test_read_numbers(lang, text, expected):
    assert values(text, lang) == pytest.approx(expected)


def test_same_digits_read_by_language_convention():
    assert values("2,600", "en") == [2600]
    assert values("2,600", "es") == [2.6]
    assert values("2.600", "de") == [2600]
    assert values("2.600", "en") == [2.6]
    assert values("1.234,5", "en") == [1234.5]  # both marks: the last one is the decimal
    assert values("1,234.5", "de") == [1234.5]
    assert values("0,600", "en") == [0.6]


def test_plain_space_groups_only_in_french():
    assert values("100 000", "fr") == [100_000]
    assert values("100 000", "es") == [100, 0]
    assert values("en 2023 100 personas", "es") == [2023, 100]
    assert values("en 2023 100 personnes", "fr") == [2023, 100]


def test_spans_are_the_written_number():
    assert spans("Murieron treinta y seis personas", "es") == ["treinta y seis"]
    assert spans("unos 2,3 millones", "es") == ["2,3 millones"]
    assert spans("ولم يقتل خمسة وعشرون شخصا", "ar") == ["خمسة وعشرون"]
    assert spans("eine Million Menschen", "de") == ["eine Million"]


@pytest.mark.parametrize("text,lang", [
    ("unos 40 heridos", "es"), ("casi seis muertos", "es"), ("rund 2.300 Menschen", "de"),
    ("près de 10 000 disparus", "fr"), ("circa 30 feriti", "it"), ("cerca de 30 feridos", "pt"),
    ("more than 5,000 dead", "en"), ("حوالي خمسة قتلى", "ar"), ("٥٠ شخصا تقريبا", "ar"),
])
def test_hedged_numbers_are_approximate(text, lang):
    assert [m.approx for m in read_numbers(text, lang)] == [True]


@pytest.mark.parametrize("text,lang", [
    ("40 heridos", "es"), ("sechs Menschen", "de"), ("huit morts", "fr"), ("قتل ٥ أشخاص", "ar"),
])
def test_plain_numbers_are_exact(text, lang):
    assert [m.approx for m in read_numbers(text, lang)] == [False]


def test_unknown_language_reads_english_conventions():
    assert values("2,600 and seven", "xx") == [2600, 7]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80),
       st.sampled_from(["en", "es", "fr", "de", "it", "pt", "ar", "und", "zz"]))
def test_read_numbers_never_raises(text, lang):
    for m in read_numbers(text, lang):
        assert 0 <= m.start < m.end <= len(text)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["2", ",", ".", " ", "\u202f", "٣", "٫", "٬", "'", "mil", "seis",
                                 "y", "millones", "ألف", "و", "خمسة", "un", "-", "x"]), max_size=20),
       st.sampled_from(["en", "es", "fr", "de", "ar"]))
def test_read_numbers_never_raises_on_number_like_text(parts, lang):
    text = "".join(parts)
    for m in read_numbers(text, lang):
        assert 0 <= m.start < m.end <= len(text)
