"""Issue 14 (stop 22): things taken and railway cars are counted kinds in every language."""

import pytest

from reviewer.engine import xfacts


@pytest.mark.parametrize("lang,text,concept", [
    ("en", "Nine items were taken.", "items"),
    ("es", "Robaron siete joyas.", "items"),
    ("de", "Sieben Gegenstände fehlen.", "items"),
    ("it", "Sono spariti sette gioielli.", "items"),
    ("pt", "Sete joias foram levadas.", "items"),
    ("en", "Six coaches left the rails.", "carriages"),
    ("es", "Seis vagones descarrilaron.", "carriages"),
    ("fr", "Six wagons ont déraillé.", "carriages"),
    ("de", "Sechs Wagen entgleisten.", "carriages"),
    ("it", "Sei carrozze sono deragliate.", "carriages"),
    ("pt", "Seis vagões descarrilaram.", "carriages"),
])
def test_things_taken_and_railway_cars_are_counted(lang, text, concept):
    got = [f.concepts for f in xfacts.read_facts(text, lang) if f.kind == "count"]
    assert got == [frozenset({concept})]
