"""The day a statement was made ("the mayor said on Monday") is not the day of the event: across
languages it never makes a weekday or date conflict, as in the English engine."""

import pytest

from reviewer.engine import xfacts

REPORTED = [
    ("en", "The harbour office said on Friday that the ferry had run aground."),
    ("de", "Die Hafenbehörde sagte am Freitag, die Fähre sei auf Grund gelaufen."),
    ("fr", "Le port a indiqué vendredi que le ferry s'était échoué."),
    ("es", "La autoridad portuaria dijo el viernes que el ferry encalló."),
    ("it", "Il porto ha detto venerdì che il traghetto si era incagliato."),
    ("pt", "A autoridade portuária disse na sexta-feira que o ferry encalhou."),
    ("ar", "أعلنت الشرطة يوم الجمعة أن العبارة جنحت"),
]
EVENT = [
    ("en", "The ferry ran aground on Friday, the harbour office said."),
    ("de", "Die Fähre lief am Freitag auf Grund."),
    ("fr", "Le ferry s'est échoué vendredi."),
    ("es", "El ferry encalló el viernes."),
]


@pytest.mark.parametrize("lang,text", REPORTED)
def test_the_day_after_a_verb_of_saying_is_compared_for_agreement_only(lang, text):
    days = [f for f in xfacts.read_facts(text, lang) if f.kind == "weekday"]
    assert [f.value for f in days] == [4]
    assert days[0].agree_only


@pytest.mark.parametrize("lang,text", EVENT)
def test_the_day_of_the_event_is_a_fact(lang, text):
    days = [f for f in xfacts.read_facts(text, lang) if f.kind == "weekday"]
    assert [(f.value, f.agree_only) for f in days] == [(4, False)]


def test_a_statement_day_does_not_conflict_with_the_event_day():
    said = "Le port a indiqué vendredi que le ferry s'était échoué."
    event = "The ferry ran aground on Wednesday."
    assert xfacts.xl_evidence(said, "fr", event, "en") == []
    assert [e.kind for e in xfacts.xl_evidence("Le ferry s'est échoué vendredi.", "fr", event, "en")] == ["weekday"]


def test_a_date_in_digits_after_a_verb_of_saying_is_the_statement_date():
    facts = xfacts.read_facts("Officials said on 3 March (local time) that the ferry sank.", "en")
    assert [(f.kind, f.agree_only) for f in facts] == [("date", True)]


@pytest.mark.parametrize("lang", ["en", "es", "fr", "de", "it", "pt", "ar"])
def test_the_verbs_of_saying_are_one_table_the_cross_language_facts_read_more_of(lang):
    from reviewer.lang.tables import tables

    mod = tables(lang)
    assert set(mod.REPORTING) < set(mod.REPORTING_VERBS)  # REPORTING_VERBS is REPORTING and more
    assert set(mod.REPORTING) <= set(mod.REPORTS)
