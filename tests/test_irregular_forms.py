"""Irregular past forms read as their verb ("lost" / "did not lose") only where they are the verb:
never through another word of the same stem ("founded", "roses"), and not as a noun right after
a figure or an article ("40 billion won", "a rose")."""

from __future__ import annotations

from reviewer.engine.features import build_features
from reviewer.engine.textnorm import stem
from tests.test_conflict_classes import links
from tests.test_real_news_rules import cluster


def _term(text: str, word: str) -> str | None:
    (f,) = build_features(cluster(text))
    return next(t for t, w in zip(f.terms, f.words) if w == word)


def test_the_forms_themselves_are_their_verbs():
    assert stem("lost") == stem("lose") and stem("found") == stem("find") and stem("rose") == stem("rise")
    assert stem("shots") == stem("shoot")  # listed: "no shots were fired" / "police shot"


def test_another_word_of_a_forms_stem_is_not_the_verb():
    assert stem("founded") != stem("find") and stem("founding") != stem("find")
    assert stem("roses") != stem("rise") and stem("boring") != stem("bear")


def test_a_form_after_a_figure_or_an_article_is_the_noun():
    assert _term("The ferry operator paid 90 billion won in fines.", "won") != stem("win")
    assert _term("Each mourner left a rose at the gate.", "rose") == stem("roses")
    assert _term("The ferry operator won the contract.", "won") == stem("win")
    assert _term("The toll rose to 14 on Monday.", "rose") == stem("rise")


def test_no_denial_from_a_word_that_only_looks_like_the_verb():
    assert links("Police have not found the owners of the old shipyard.",
                 "The old shipyard was founded by its owners in 1950.") == [("match", ())]
    assert links("The river did not rise near the village overnight.",
                 "Villagers laid roses by the river near the village overnight.") == [("match", ())]


def test_a_currency_is_not_a_win():
    assert links("The insurer paid 40 billion won on the tanker claims last year.",
                 "The insurer lost money on the tanker claims last year.") == [("match", ())]
    # the verbs themselves still disagree
    assert links("Her party won 40 seats in the northern province.",
                 "Her party lost 40 seats in the northern province.") == [("conflict", ("other",))]
