"""Two reports in one language other than English (issue 14, stop 22): the same-language
readers take that language's negation cues, months and prepositions. Short sentences of our own."""

from reviewer.engine.align import align
from reviewer.engine.crosslingual import annotate_languages
from reviewer.engine.features import build_features
from tests.test_real_news_rules import cluster as _cluster


def cluster(*texts):
    c = _cluster(*texts)
    annotate_languages(c)
    return c


def links(*texts):
    return sorted((l.relation, tuple(e.kind for e in l.evidence)) for l in align(cluster(*texts)))


def counts(text):
    (f,) = build_features(cluster(text))
    return [(f.text[c.span[0]:c.span[1]], c.lo, c.head) for c in f.counts]


# --- negation cues of the sentence's language ------------------------------------------------

def test_spanish_sin_denies_what_follows():
    got = links("El alcalde contó que el puente aguantó sin grietas tras la crecida del martes.",
                "El alcalde contó que el puente aguantó con grietas tras la crecida del martes.")
    assert ("conflict", ("negation",)) in got


def test_portuguese_sem_denies_what_follows():
    got = links("O prefeito contou que a ponte aguentou sem rachaduras depois da cheia de terça.",
                "O prefeito contou que a ponte aguentou com rachaduras depois da cheia de terça.")
    assert ("conflict", ("negation",)) in got


def test_french_sans_denies_what_follows():
    got = links("Le maire a raconté que le pont a tenu sans fissures après la crue de mardi soir.",
                "Le maire a raconté que le pont a tenu avec des fissures après la crue de mardi soir.")
    assert ("conflict", ("negation",)) in got


def test_both_denied_stays_a_match():
    got = links("El alcalde contó que el puente aguantó sin grietas tras la crecida del martes.",
                "El alcalde contó que el puente aguantó sin grietas tras la crecida del martes por la noche.")
    assert got == [("match", ())]


# --- the day of a date is no count -------------------------------------------------------

def test_a_spanish_day_is_read_with_its_month():
    got = counts("El 17 de abril se hundieron 8 casas en la ladera.")
    assert ("17 de abril", 17, ("month:abril",)) in got
    assert [c for c in got if c[1] == 8][0][2][0].startswith("casa")


def test_a_day_never_meets_a_count_of_something_else():
    got = links("El 17 de abril se hundieron 8 casas en la ladera del pueblo.",
                "Se hundieron 17 casas en la ladera del pueblo, dijo el alcalde.")
    assert ("conflict", ("number",)) in got  # 8 vs 17 houses, not the day
    (link,) = [l for l in align(cluster("El 17 de abril se hundieron 8 casas en la ladera del pueblo.",
                                        "Se hundieron 17 casas en la ladera del pueblo, dijo el alcalde."))]
    assert all("abril" not in e.a and "abril" not in e.b for e in link.evidence)


def test_two_days_of_one_month_still_disagree():
    got = links("Le 4 mai, la digue a cédé près du village de pêcheurs.",
                "Le 6 mai, la digue a cédé près du village de pêcheurs.")
    assert ("conflict", ("number",)) in got


def test_a_french_day_without_link():
    assert ("4 mai", 4, ("month:mai",)) in counts("Le 4 mai, la digue a cédé.")


def test_english_days_are_left_to_the_english_readers():
    assert all(not c[2][0].startswith("month:") for c in counts("On 4 May the dike broke near 3 farms."))


# --- "a" is a preposition in Spanish, Portuguese and French ------------------------------------

def test_spanish_a_is_no_article():
    assert counts("Los bomberos subieron a bordo del ferry.") == []
    assert counts("Los bomberos subieron a bordo del ferry, con 6 heridos.")[0][1] == 6


# --- number words of the sentence's language ------------------------------------------------

def test_spanish_number_words_are_counts():
    got = links("Se quemaron cuatro graneros en la finca del valle, dijo el guarda.",
                "Se quemaron siete graneros en la finca del valle, dijo el guarda.")
    assert got == [("conflict", ("number",))]


def test_portuguese_and_french_number_words_are_counts():
    assert counts("Onze barcos afundaram no porto depois da tempestade de ontem à noite.")[0][1] == 11
    assert counts("Vingt-deux chevaux ont fui de la ferme pendant la nuit.")[0][1] == 22


def test_the_same_number_word_stays_a_match():
    got = links("Se quemaron cuatro graneros en la finca del valle, dijo el guarda.",
                "Se quemaron cuatro graneros en la finca del valle, según el guarda.")
    assert got == [("match", ())]


def test_a_head_of_another_language_is_its_noun():
    # "de" and "la" are no English stopwords: two different nouns must not meet over them
    ((_, lo, head),) = counts("Ayer se quemaron doce graneros de la finca del valle.")
    assert lo == 12 and head == ("granero",)
    got = links("En la comarca ardieron nueve pajares de la finca del valle, según el guarda.",
                "De los 30 graneros de la finca del valle, nueve ardieron, según el guarda.")
    assert got == [("match", ())]
