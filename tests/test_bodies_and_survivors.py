"""Stop 26: bodies recovered are a count of the dead in every language, and survivors are a
count of their own, never the dead of a fate word before them."""

from __future__ import annotations

import pytest

from reviewer.engine import xfacts


def _concepts(text: str, lang: str) -> dict[float, frozenset]:
    return {f.value: f.concepts for f in xfacts.read_facts(text, lang) if f.kind == "count"}


@pytest.mark.parametrize("lang, text", [
    ("en", "Divers have recovered 31 bodies from the lake."),
    ("es", "Los buzos han recuperado 31 cadáveres del lago."),
    ("es", "Ya son 31 los cuerpos recuperados del lago."),
    ("fr", "Les plongeurs ont repêché 31 corps dans le lac."),
    ("it", "Dal lago sono emersi 31 cadaveri."),
    ("it", "Finora sono stati estratti 31 corpi."),
    ("pt", "Os mergulhadores recuperaram 31 corpos do lago."),
    ("de", "Taucher bargen 31 Leichen aus dem See."),
])
def test_bodies_are_the_dead(lang, text):
    assert "dead" in _concepts(text, lang)[31.0]


@pytest.mark.parametrize("lang, text", [
    ("es", "Han muerto 40 personas y hay siete supervivientes."),
    ("it", "Sono morte 40 persone e ci sono sette sopravvissuti."),
    ("pt", "Morreram 40 pessoas e há sete sobreviventes."),
    ("fr", "40 personnes sont mortes et on compte sept survivants."),
])
def test_survivors_after_a_fate_are_not_the_dead(lang, text):
    got = _concepts(text, lang)
    assert got[7.0] == frozenset({"survivors"})
    assert "dead" in got[40.0]


def test_two_tolls_of_bodies_disagree_across_languages():
    assert xfacts.xl_evidence("Rescuers have recovered 64 bodies so far.", "en",
                              "Dal fiume i sommozzatori hanno estratto 57 corpi.", "it")


@pytest.mark.parametrize("text", ["Morreram 40 pessoas no acidente.", "O ataque matou 40 pessoas.",
                                  "Pelo menos 40 pessoas morreram."])
def test_portuguese_died_and_killed(text):
    assert "dead" in _concepts(text, "pt")[40.0]


@pytest.mark.parametrize("lang, text", [
    ("en", "About 50 men were held in the hall and 17 of them were later injured."),
    ("es", "Había unos 50 hombres en la sala y 17 de ellos también resultaron heridos."),
    ("it", "Nella sala c'erano 50 uomini e 17 di loro sono stati poi feriti."),
])
def test_a_part_of_a_group_counted_by_its_fate_further_on(lang, text):
    assert _concepts(text, lang)[17.0] == frozenset({"injured"})


def test_a_part_with_no_fate_is_still_no_count():
    assert 2.0 not in _concepts("Two of the drones were shot down over the bay.", "en")


@pytest.mark.parametrize("lang, text", [
    ("es", "Participaron 200 agentes de los cuerpos de seguridad."),
    ("fr", "Le corps d'armée compte 12 000 soldats."),
    ("it", "Sono intervenuti 40 uomini dei corpi di polizia."),
    ("pt", "Chegaram 40 homens dos corpos de bombeiros."),
])
def test_a_force_or_unit_is_no_body(lang, text):
    assert all("dead" not in c for c in _concepts(text, lang).values())


@pytest.mark.parametrize("lang, text", [
    ("es", "Tres de ellos escaparon pero los demás murieron."),
    ("it", "Sono arrivati 30 di loro mentre altri sono morti."),
])
def test_a_part_of_a_group_does_not_take_a_fate_after_a_contrast(lang, text):
    assert all("dead" not in c for c in _concepts(text, lang).values())


def test_a_word_of_caused_by_is_no_survivor():
    got = _concepts("قتل 12 شخصا بسبب حروق ناجمة عن الانفجار", "ar")
    assert all("survivors" not in c for c in got.values())


@pytest.mark.parametrize("lang, text, concept", [
    ("en", "Eleven journalists were on the flight.", "journalists"),
    ("es", "En el vuelo viajaban 11 periodistas.", "journalists"),
    ("pt", "No voo estavam 11 jornalistas.", "journalists"),
    ("fr", "Onze journalistes étaient à bord.", "journalists"),
    ("de", "An Bord waren elf Journalisten.", "journalists"),
    ("it", "A bordo c'erano 11 giornalisti.", "journalists"),
    ("es", "Viajaban 11 futbolistas del club.", "players"),
    ("pt", "Viajavam 11 jogadores do clube.", "players"),
])
def test_journalists_and_players_are_counted(lang, text, concept):
    assert concept in _concepts(text, lang)[11.0]
