"""Each same-language rule reads the tables of the sentence's own language (stop 24): the years
that bound a span, a figure's floor and ceiling, the verbs after which a ceiling word gives the
figure reached, and the words for people and their fates (the toll rules). Sentences written for
these tests, about made-up events."""

from dataclasses import replace

import pytest

from reviewer.engine.evidence import year_evidence
from reviewer.engine.features import build_features
from reviewer.engine.settings import TUNING
from reviewer.engine.tollpairs import toll_pairs
from tests.test_real_news_rules import cluster


def _feats(lang, *texts):
    c = cluster(*texts)
    for art in c.articles:  # the language given, not detected: these sentences are short
        art.lang = lang
        art.sentences = [replace(s, lang=lang) for s in art.sentences]
    return build_features(c)


# One span bounded by two different years, in each language ("barred from office until 2031" /
# "... until 2046"): a date conflict only with the language's own bound word.
@pytest.mark.parametrize("lang, a, b", [
    ("es", "El tribunal inhabilitó al alcalde Tomas Varek para cargos públicos hasta 2031.",
     "El tribunal inhabilitó al alcalde Tomas Varek para cargos públicos hasta 2046."),
    ("fr", "Le tribunal a déclaré le maire Tomas Varek inéligible jusqu'en 2031.",
     "Le tribunal a déclaré le maire Tomas Varek inéligible jusqu'en 2046."),
    ("de", "Der Bürgermeister Tomas Varek bleibt bis 2031, so das Gericht, von Ämtern ausgeschlossen.",
     "Der Bürgermeister Tomas Varek bleibt bis 2046, so das Gericht, von Ämtern ausgeschlossen."),
    ("it", "Il tribunale ha interdetto il sindaco Tomas Varek dai pubblici uffici fino al 2031.",
     "Il tribunale ha interdetto il sindaco Tomas Varek dai pubblici uffici fino al 2046."),
    ("pt", "O tribunal declarou o prefeito Tomas Varek inelegível até 2031.",
     "O tribunal declarou o prefeito Tomas Varek inelegível até 2046."),
    ("ar", "منعت المحكمة رئيس البلدية توماس فاريك من تولي المناصب العامة حتى 2031.",
     "منعت المحكمة رئيس البلدية توماس فاريك من تولي المناصب العامة حتى 2046."),
])
def test_two_years_bounding_one_span_disagree_in_each_language(lang, a, b):
    fa, fb = _feats(lang, a, b)
    assert [e.kind for e in year_evidence(fa, fb, 1.0, 0.5)] == ["date"]
    # the same year on both sides, or a year the language's words do not bound: nothing
    assert year_evidence(fa, fa, 1.0, 0.5) == []


def test_an_english_bound_word_bounds_no_year_of_another_language():
    fa, fb = _feats("es", "El tribunal inhabilitó al alcalde Tomas Varek until 2031.",
                    "El tribunal inhabilitó al alcalde Tomas Varek until 2046.")
    assert year_evidence(fa, fb, 1.0, 0.5) == []


def _count(lang, text):
    (f,) = _feats(lang, text)
    (c,) = f.counts
    return c.lo, c.hi, c.head


@pytest.mark.parametrize("lang, text, lo, hi", [
    # a ceiling, and the figure reached after a verb of rising
    ("es", "Hasta 30 personas resultaron heridas en el derrumbe.", 0, 30),
    ("es", "El balance de muertos subió hasta 52 personas.", 52, 52),
    ("de", "Bis zu 30 Menschen wurden bei dem Einsturz verletzt.", 0, 30),
    ("de", "Die Zahl stieg auf bis zu 52 Tote.", 52, 52),
    ("fr", "Jusqu'à 30 personnes ont été blessées.", 0, 30),
    ("fr", "Le bilan est monté jusqu'à 52 morts.", 52, 52),
    ("it", "Fino a 30 persone sono rimaste ferite.", 0, 30),
    ("it", "Il bilancio è salito fino a 52 morti.", 52, 52),
    ("pt", "Até 30 pessoas ficaram feridas.", 0, 30),
    ("pt", "O balanço subiu até 52 mortos.", 52, 52),
    # a floor
    ("es", "Al menos 40 personas murieron en el derrumbe.", 40, float("inf")),
    ("pt", "Pelo menos 40 pessoas morreram no desabamento.", 40, float("inf")),
])
def test_a_figures_bounds_are_read_in_its_own_language(lang, text, lo, hi):
    assert _count(lang, text)[:2] == (lo, hi)


@pytest.mark.parametrize("lang, text, head", [
    ("es", "Al menos 40 personas murieron en el derrumbe.", ("person", "die")),
    ("de", "Mindestens 40 Menschen starben bei dem Einsturz.", ("person", "die")),
    ("fr", "Le séisme a fait 40 morts.", ("die",)),
    ("it", "Il crollo ha causato 40 feriti.", ("injur",)),
    ("pt", "O desabamento deixou 40 mortos.", ("die",)),
])
def test_people_and_their_fates_are_read_in_their_own_language(lang, text, head):
    assert _count(lang, text)[2] == head


@pytest.mark.parametrize("lang, text, head", [
    # an article or a preposition between the figure and its noun is not the counted thing
    ("it", "Sono quattro le vittime del crollo.", ("victim",)),
    ("es", "Son cuatro las víctimas del derrumbe.", ("victim",)),
    ("fr", "On compte 4 des victimes au total.", ("victim",)),
])
def test_an_article_before_the_noun_is_no_head(lang, text, head):
    assert _count(lang, text)[2] == head


_LEAD_ES = "Un ciclón azotó la costa de Orvania el lunes. "


@pytest.mark.parametrize("b, paired", [
    ("En la tormenta murieron más de 90 personas, dijo la agencia de socorro el martes.", True),
    ("La agencia dijo el martes que 120 personas resultaron heridas por los escombros.", False),  # another fate
    ("La tormenta dejó 64 muertos, dijo la agencia de socorro el martes.", False),  # the same figure
])
def test_two_reports_tolls_are_paired_in_another_language(b, paired):
    feats = _feats("es", _LEAD_ES + "Las autoridades contaron 64 muertos al anochecer en los pueblos del valle.",
                   _LEAD_ES + b)
    got = [(feats[i].idx, feats[j].idx) for i, j in toll_pairs(feats, TUNING)]
    assert got == ([(1, 1)] if paired else [])
