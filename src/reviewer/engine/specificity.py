"""Which words of a cluster are specific to a claim, and which are everybody's (issue 12).

A word that a large share of the cluster's sentences of one language carry says nothing about
which claim a sentence makes: the topic's words ("quake", the town's name) and, in a language
the stopword lists do not cover, its function words ("la", "que", "ha"). Two sentences sharing
only such words are two statements on the topic, and "no ha" / "ha" is no denial. Counted per
language, over the sentences of that language in the cluster (document frequency), so no word
list is needed.

:func:`mark` stores each sentence's specific terms in its memo (``"specific"``); the rest of
the engine reads them with :func:`specific`.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from reviewer.engine.features import SentFeatures
from reviewer.engine.settings import Tuning
from reviewer.models import Evidence

_KEY = "specific"


def mark(feats: list[SentFeatures], t: Tuning) -> None:
    """Store in every sentence's memo the terms of its bag that are not common in its language:
    a term is common when at least common_share of the language's sentences in the cluster carry
    it, at least common_min_sentences of them (a language with few sentences has no common
    words: one of its articles repeating a name is no sign), and more than common_per_article
    per article of that language on average (a claim that every report states once or twice is
    that claim's word, not everybody's)."""
    by_lang: dict[str, list[SentFeatures]] = defaultdict(list)
    for f in feats:
        by_lang[f.lang].append(f)
    for fs in by_lang.values():
        df: Counter = Counter()
        for f in fs:
            df.update(f.bag)
        n_arts = len({f.art for f in fs})
        floor = max(t.common_min_sentences, t.common_share * len(fs))
        common = frozenset(term for term, n in df.items() if n >= floor and n > t.common_per_article * n_arts)
        for f in fs:
            f.memo[_KEY] = f.bag - common


def specific(f: SentFeatures) -> frozenset[str]:
    """The sentence's specific terms (its whole bag when :func:`mark` did not run)."""
    return f.memo.get(_KEY, f.bag)


def shares_specific(a: SentFeatures, b: SentFeatures) -> bool:
    """The two sentences share a specific term, a name or a figure: something of one claim, not
    only the words every sentence of their language carries ("la", "que", "de" in two sentences
    of a language without a stopword list; "the quake" in every report of it)."""
    shared = a.bag & b.bag
    return bool(shared & specific(a) or shared & (a.names_set | b.names_set)
                or any(x.startswith("#") for x in shared))


def common(f: SentFeatures, term: str) -> bool:
    """The sentence carries the term and it is common in the sentence's language."""
    return term in f.bag and term not in specific(f)


def filter_evidence(a: SentFeatures, b: SentFeatures, evidence: list[Evidence], t: Tuning) -> list[Evidence]:
    """The evidence of a same-language pair less the denials of a common word ("no ha" / "ha" in
    a language without a stopword list, where the denial is read on the auxiliary; "it is not
    the town" beside the town's name in every other sentence): a denial tells a disagreement
    only about a word of one claim. When the denied word is common, the first specific word
    after it within negation_reach tokens stands for it ("no ha cerrado" / "ha cerrado")."""
    if all(e.kind != "negation" for e in evidence):
        return evidence  # no denial (issue 15: most conflicts): the list as it is
    return [e for e in evidence if e.kind != "negation" or _specific_denial(a, b, e, t)]


def _specific_denial(a: SentFeatures, b: SentFeatures, e: Evidence, t: Tuning) -> bool:
    for x, y, span in ((a, b, e.a_span), (b, a, e.b_span)):
        for term, sp in x.negated.items():
            if sp == span:
                return denial_is_specific(x, y, term, span, t)
    return True  # not a denial read from a cue and a term: nothing to check here


def denial_is_specific(x: SentFeatures, y: SentFeatures, term: str, span: tuple[int, int], t: Tuning) -> bool:
    """``x`` denies ``term`` (at ``span``) that ``y`` asserts: a disagreement about a claim when
    the term is specific in the cluster, or, when it is common, when the first specific word after
    it within negation_reach tokens is asserted in ``y`` too."""
    if not (common(x, term) or common(y, term)):
        return True
    nxt = _next_specific(x, span[1], t.negation_reach)
    return nxt is not None and any(term_y == nxt and k not in y.neg_zone for k, term_y in enumerate(y.terms))


def _next_specific(f: SentFeatures, after: int, reach: int) -> str | None:
    """The first specific term within ``reach`` tokens after character offset ``after``."""
    spec = specific(f)
    seen = 0
    for (_surf, s, _e), term in zip(f.toks, f.terms):
        if s < after:
            continue
        seen += 1
        if seen > reach:
            return None
        if term is not None and term in spec:
            return term
    return None
