"""Quotations in an article (issue 12): which words of each sentence stand inside quotation marks.

A quotation may run over several sentences of a paragraph ("“We are ready. The gates open at
noon.”"): the marks are followed through the article's body, not sentence by sentence. A mark
that is not closed before the line break was no quotation (an inch mark, a typo). A single word that a sentence puts in quotation marks of
its own (a "scare quote": the minister decried the ‘sabotage’) quotes a speaker's word.
"""

from __future__ import annotations

from dataclasses import dataclass

from reviewer.models import Cluster

# Opening mark -> the marks that close it („…“ in German, „…” in Polish; «…» in French, »…« in
# German). Straight and single marks are handled apart: a straight double mark toggles, unless
# it follows a digit (an inch or a second: 6'2", 12"); a single mark must not be an apostrophe
# ("the mayor’s", "don’t"). A quotation still open at a line break or at the end of the body
# was no quotation (a stray or mistyped mark): nothing of it counts as quoted.
_PAIRS = {"\u201c": "\u201d", "\u00ab": "\u00bb", "\u00bb": "\u00ab", "\u201e": "\u201c\u201d",
          "\u2018": "\u2019"}
_SINGLES = frozenset({"\u2019", "'"})


@dataclass(frozen=True, slots=True)
class Quoted:
    """One sentence's quoted content terms, the terms it quotes alone (scare quotes), and the
    share of its words inside quotation marks."""

    terms: frozenset[str] = frozenset()
    alone: frozenset[str] = frozenset()
    share: float = 0.0


def quote_mask(body: str) -> list[bool]:
    """Per character of ``body``: inside a quotation (the marks themselves are not)?"""
    inside = [False] * len(body)
    closing: str | None = None
    opened = 0
    n = len(body)
    for k, ch in enumerate(body):
        if ch == "\n":
            if closing is not None:  # never closed: a stray mark, not a quotation
                inside[opened:k] = [False] * (k - opened)
            closing = None
            continue
        prev = body[k - 1] if k else " "
        nxt = body[k + 1] if k + 1 < n else " "
        if closing is None:
            if ch in _PAIRS:
                closing = _PAIRS[ch]
            elif ch == '"' and not prev.isdigit():
                closing = '"'
            elif ch == "'" and not prev.isalnum() and nxt.isalpha():
                closing = "'"
            opened = k
            continue
        if ch in closing and (ch not in _SINGLES or not nxt.isalpha()):
            closing = None
            continue
        inside[k] = True
    if closing is not None:
        inside[opened:n] = [False] * (n - opened)
    return inside


def quoted(cluster: Cluster, feats) -> list[Quoted]:
    """Per feature row (the cluster's sentences in order): its :class:`Quoted`. Names are left
    out: a name in a quotation is no speaker's wording."""
    out: list[Quoted] = []
    rows = iter(feats)
    for art in cluster.articles:
        mask = quote_mask(art.body) if any(c in art.body for c in "\"'\u201c\u201d\u2018\u00ab\u201e") else None
        for s in art.sentences:
            f = next(rows)
            if mask is None:
                out.append(Quoted())
                continue
            inside = text_mask(mask, s)
            size = len(inside)
            terms = set()
            n_in = 0
            for (_surf, a, _b), term in zip(f.toks, f.terms):
                if a < size and inside[a]:
                    n_in += 1
                    if term and term not in f.names_set:
                        terms.add(term)
            out.append(Quoted(frozenset(terms), frozenset(_alone(f, inside)) if terms else frozenset(),
                              n_in / len(f.toks) if f.toks else 0.0))
    return out


def text_mask(mask: list[bool], s) -> list[bool]:
    """The body's ``mask`` for each character of sentence ``s``'s text: its span's, or, for a
    .md sentence whose text leaves the markup out, the characters its ``source_at`` names."""
    inside = mask[s.start:s.end]
    if s.source_at is not None:
        return [inside[k] for k in s.source_at]
    return inside


def _alone(f, inside: list[bool]) -> set[str]:
    """The content terms a sentence puts in quotation marks one word at a time: a quoted run that
    opens and closes inside the sentence and holds one word, in a sentence with words of its own."""
    out: set[str] = set()
    size = len(inside)
    if all(a < size and inside[a] for (_s, a, _b) in f.toks):
        return out  # a quotation throughout ("“Enough.”")
    k = 0
    while k < size:
        if not inside[k]:
            k += 1
            continue
        end = k
        while end < size and inside[end]:
            end += 1
        if k > 0 and end < size:  # opened and closed within the sentence
            words = [n for n, (_s, a, b) in enumerate(f.toks) if a >= k and b <= end]
            if len(words) == 1:
                term = f.terms[words[0]]
                if term and term not in f.names_set:
                    out.add(term)
        k = end
    return out
