"""Tokens, normalisation and name variants (pure functions over plain strings).

- :func:`tokenize` gives word tokens with their offsets in the sentence.
- :func:`fold` lower-cases and strips accents ("Soleimaní" -> "soleimani").
- :func:`stem` is the Snowball English stemmer plus a small, general news lexicon that
  maps synonyms onto one term ("killed"/"dead"/"died" -> "die", "wounded"/"injured"/"hurt"
  -> "injur", "condemned"/"denounced" -> "condemn"). Nothing in it names an event.
- :func:`name_key` is a consonant skeleton for transliterated names, after the usual
  digraph variants (dh/z, q/k, ou/u ...): Kadhimi, Kazemi and Kadhemi share ``kzm``;
  Moqtada and Muqtada share ``mktd``.
- :class:`NameCanon` groups the proper nouns of one cluster into entities using those keys
  and a close spelling test, and maps demonyms onto their country when both occur
  ("Iranian" -> "iran").
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import snowballstemmer
from rapidfuzz.distance import JaroWinkler, Levenshtein

from reviewer.lang.en import ANTONYMS, DEMONYM_SUFFIXES, IRREGULAR_FORMS, SYNONYMS

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|\w+(?:['\u2019]\w+)*", re.UNICODE)
_POSSESSIVE = re.compile(r"['\u2019]s$", re.IGNORECASE)


def _build_synonyms() -> dict[str, str]:
    st = snowballstemmer.stemmer("english")
    out: dict[str, str] = {}
    for target, words in SYNONYMS.items():
        for w in words.split():
            if w.startswith("="):  # the word only: its stem is shared with other words
                out[w[1:]] = target
                continue
            out[st.stemWord(w)] = target
            out[w] = target
    return out


def _build_irregular(syn: dict[str, str]) -> dict[str, str]:
    """"lost" -> the term of "lose": the form itself only, never another word of the same stem
    ("founded", "roses" and "boring" are not "find", "rise" and "bear")."""
    st = snowballstemmer.stemmer("english")
    out: dict[str, str] = {}
    for base, forms in IRREGULAR_FORMS.items():
        target = syn.get(base) or syn.get(st.stemWord(base)) or st.stemWord(base)
        for w in forms.split():
            if w not in syn:
                out.setdefault(w, target)
    return out


_STEMMER = snowballstemmer.stemmer("english")
_SYN = _build_synonyms()
_IRREGULAR = _build_irregular(_SYN)


def _build_antonyms() -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for a, b in ANTONYMS:
        ta, tb = stem(fold(a)), stem(fold(b))
        if ta != tb:
            out.setdefault(ta, set()).add(tb)
            out.setdefault(tb, set()).add(ta)
    return out


def antonyms() -> dict[str, set[str]]:
    global _ANT
    if _ANT is None:
        _ANT = _build_antonyms()
    return _ANT


_ANT: dict[str, set[str]] | None = None


@lru_cache(maxsize=200_000)
def fold(word: str) -> str:
    """Lower-case, accents stripped, possessive dropped."""
    w = _POSSESSIVE.sub("", word)
    w = unicodedata.normalize("NFKD", w)
    w = "".join(ch for ch in w if not unicodedata.combining(ch))
    return w.casefold().replace("\u2019", "'")


@lru_cache(maxsize=200_000)
def stem(folded: str) -> str:
    """Snowball stem of a folded word, mapped through the synonym lexicon."""
    if not folded.isascii():
        return folded
    s = _STEMMER.stemWord(folded)
    return _SYN.get(folded) or _IRREGULAR.get(folded) or _SYN.get(s) or s


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """Word tokens as (surface, start, end) offsets into ``text``."""
    return [(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(text)]


_DIGRAPHS = (
    ("dh", "z"), ("th", "t"), ("kh", "k"), ("gh", "g"), ("sh", "s"), ("ch", "s"), ("ph", "f"),
    ("ck", "k"), ("q", "k"), ("c", "k"), ("x", "ks"), ("w", "v"), ("j", "y"), ("ou", "u"),
    ("ee", "i"), ("oo", "u"),
)


@lru_cache(maxsize=100_000)
def name_key(folded: str) -> str:
    """Consonant skeleton of a transliterated name: first letter, then consonants, no repeats."""
    w = re.sub(r"[^a-z]", "", folded)
    if not w:
        return folded
    if w.startswith(("al", "el")) and len(w) > 5 and folded[:3] in ("al-", "el-"):
        w = w[2:]
    for a, b in _DIGRAPHS:
        w = w.replace(a, b)
    first, rest = w[0], w[1:]
    rest = re.sub(r"[aeiouyh]", "", rest)
    out = first
    for ch in rest:
        if ch != out[-1]:
            out += ch
    return out


def same_name(a: str, b: str) -> bool:
    """True when two folded proper nouns are spelling variants of one name."""
    if a == b:
        return True
    if not (a.isascii() and b.isascii()):
        return False
    if a[0] != b[0] and name_key(a)[0] != name_key(b)[0]:
        return False
    ka, kb = name_key(a), name_key(b)
    if ka == kb and len(ka) >= 3:
        return True
    if min(len(a), len(b)) >= 5 and JaroWinkler.similarity(a, b) >= 0.9 and Levenshtein.distance(ka, kb) <= 1:
        return True
    return False


class NameCanon:
    """Maps the proper nouns of one cluster onto one canonical form per entity."""

    def __init__(self, proper_nouns: dict[str, int]):
        # proper_nouns: folded form -> count. Longest-lived, most frequent form wins.
        names = sorted(proper_nouns, key=lambda n: (-proper_nouns[n], n))
        parent: dict[str, str] = {n: n for n in names}

        def find(x: str) -> str:
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        def union(a: str, b: str) -> None:
            ra, rb = find(a), find(b)
            if ra == rb:
                return
            # keep the earlier (more frequent) as root
            if names.index(ra) < names.index(rb) if len(names) < 2000 else ra < rb:
                parent[rb] = ra
            else:
                parent[ra] = rb

        by_first: dict[str, list[str]] = {}
        for n in names:
            if len(n) >= 3 and n.isascii():
                by_first.setdefault(name_key(n)[0], []).append(n)
        for group in by_first.values():
            if len(group) > 3000:
                # Very large vocabularies: exact skeleton equality only.
                seen: dict[str, str] = {}
                for n in group:
                    k = name_key(n)
                    if len(k) >= 3 and k in seen:
                        union(seen[k], n)
                    else:
                        seen.setdefault(k, n)
                continue
            for i, a in enumerate(group):
                for b in group[i + 1:]:
                    if abs(len(a) - len(b)) <= 3 and same_name(a, b):
                        union(a, b)
        present = set(names)
        for n in names:
            # "Elmansouri" / "Al Mansouri": an article glued to the name
            if n.startswith(("al", "el")) and n[2:] in present and len(n) >= 7:
                union(n[2:], n)
        for n in names:
            for suf in DEMONYM_SUFFIXES:
                if n.endswith(suf) and len(n) - len(suf) >= 4:
                    base = n[: -len(suf)]
                    if base in present:
                        union(base, n)
                        break
        self._canon = {n: find(n) for n in names}

    def canon(self, folded: str) -> str | None:
        return self._canon.get(folded)
