"""Cross-language quality (issue 14, round 2): rules on short sentences written for them, per language."""

from types import SimpleNamespace

import numpy as np
import pytest

from reviewer.engine import crosslingual, xfacts
from reviewer.engine.settings import TUNING


def _feat(text, lang, art):
    return SimpleNamespace(text=text, lang=lang, art=art)


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
    assert scores[0, 1] == scores[1, 0] == TUNING.xl_fact_score
    far = np.array([[1.0, 0.0], [0.0, 1.0]])  # cosine 0: another topic
    scores = np.zeros((2, 2))
    crosslingual._add_agreeing_figures(scores, mask, far, feats, TUNING)
    assert not scores.any()
