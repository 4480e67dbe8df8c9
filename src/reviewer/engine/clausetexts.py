"""The clause texts the model embeds, one splitter for both uses (issue 15).

Same-language clause agreement (recall.clause_agreement) and cross-language clause cosines
(crosslingual.clause_cosines) both compare a sentence's clauses with the model. They embed the
same texts, the spans of recall.clauses_of, so each clause is embedded once per cluster (the
embedding store serves the second use): the model is most of the time of a first alignment.
"""

from __future__ import annotations

from reviewer.engine.features import SentFeatures
from reviewer.engine.recall import clauses_of
from reviewer.engine.settings import Tuning


def clause_texts(f: SentFeatures, t: Tuning) -> list[str]:
    """The text of each clause of a sentence of several clauses, as in its sentence; [] for a
    sentence of one clause (its embedding is the whole sentence's)."""
    cl = clauses_of(f, t)
    return [f.text[s:e] for _terms, (s, e) in cl] if len(cl) > 1 else []


def long_clause_texts(f: SentFeatures, t: Tuning) -> list[str]:
    """clause_texts of a long sentence (xl_long_min_chars or more: one that may hold several
    claims), [] for a shorter one: the pieces the cross-language clause cosines compare."""
    return clause_texts(f, t) if len(f.text) >= t.xl_long_min_chars else []
