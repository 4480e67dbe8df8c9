"""A time named after a verb of saying and the setting of the statement ("said at a briefing
at 11:30") is the report's, not the event's: read with each language's verbs and settings."""

from __future__ import annotations

import pytest

from reviewer.lang.tables import folded_words
from tests.test_conflict_classes import links

CASES = [  # (the statement with its setting, the event with another time, the statement's verb swapped)
    ("Der Güterzug entgleiste an der Flussbrücke, sagte er bei einer Pressekonferenz um 11.30 Uhr.",
     "Der Güterzug entgleiste um 4.10 Uhr an der Flussbrücke.", ("sagte er bei", "und blieb bei")),
    ("El alcalde dijo durante una conferencia a las 11:30 que el tren de carga descarriló junto al puente del río.",
     "El tren de carga descarriló junto al puente del río a las 4:10.", ("dijo durante", "llegó durante")),
    ("Le maire a déclaré lors d'un point presse à 11h30 que le train de marchandises a déraillé près du pont.",
     "Le train de marchandises a déraillé près du pont à 4h10.", ("a déclaré lors", "a dormi lors")),
]


@pytest.mark.parametrize("said, event, swap", CASES)
def test_the_time_of_a_statement_in_its_setting_is_the_reports(said, event, swap):
    assert links(said, event) == [("match", ())]
    # no verb of saying before the setting: the time is the event's, and it disagrees
    assert links(said.replace(*swap), event) == [("conflict", ("other",))]


def test_every_language_has_its_settings():
    for lang in ("en", "de", "es", "fr", "it", "pt", "ar"):
        assert folded_words(lang, "SPEECH_SETTINGS"), lang
    assert "wahrend" in folded_words("de", "SPEECH_SETTINGS")  # compared as the tokens are: accents dropped
    assert folded_words("xx", "SPEECH_SETTINGS") == frozenset({"in", "at", "during"})  # no tables: English ones
