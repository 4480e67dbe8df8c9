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

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|\w+(?:['\u2019]\w+)*", re.UNICODE)
_POSSESSIVE = re.compile(r"['\u2019]s$", re.IGNORECASE)

STOPWORDS = frozenset(
    """
    a an the and or but if then than so as of at by for from in into on onto to with without
    within about above after against along among around before behind below beneath beside
    between beyond during except inside near off out outside over past since through
    throughout toward towards under until up upon via is are was were be been being am do
    does did doing have has had having will would shall should can could may might must
    it its it's this that these those there here he she they we i you me him her them us
    my your his our their who whom whose which what when where why how all any both each
    few more most other some such no nor not only own same too very just also now even
    still yet already again once ever further while because although though whether
    said says say saying told tells tell added adding according stated statement
    al el ul ad ed mr mrs ms dr one another s t 's
    """.split()
)
# Negation cues (kept out of the content terms, used by the negation rule).
NEGATIONS = frozenset(
    "not no never n't without nobody none neither nor nothing nowhere cannot deny denied denies denying".split()
)

# General news synonyms, by Snowball stem -> shared term. Kept small and event-neutral.
_SYNONYMS_RAW = {
    "die": "kill killed killing dead die died death deaths dies dying fatal fatality fatalities",
    "injur": "injur injured injuring injuries injury wound wounded wounding hurt harm harmed",
    "attack": "attack attacked assault assaulted",
    "condemn": "condemn condemned denounce denounced lambast lambasted decry decried criticise criticize criticised criticized",
    "person": "person persons people individual individuals",
    "protester": "protester protesters protestor protestors demonstrator demonstrators",
    "protest": "protest protests protesting protested demonstration demonstrations rally rallies",
    "home": "home homes house houses =residence =residences dwelling dwellings",
    "drone": "drone drones uav uavs",
    "missil": "missile missiles rocket rockets",
    "say": "tweet tweeted twitter",
    "rob": "rob robbed robbing robber robbers robbery robberies heist",
    "steal": "steal stole stolen theft thief thieves",
    "arrest": "arrest arrested detain detained detention",
    "flee": "flee fled fleeing escape escaped escaping",
    "fire": "fire fires blaze blazes flame flames inferno",
    "quake": "quake quakes earthquake earthquakes tremor tremors",
    "flood": "flood floods flooding flooded",
    "rain": "rain rains rainfall downpour downpours",
    "destroy": "destroy destroyed destruction collapse collapsed flatten flattened",
    "weapon": "weapon weapons gun guns pistol pistols rifle rifles firearm firearms",
    "staff": "staff employee employees worker workers personnel",
    "car": "car cars vehicle vehicles",
    "start": "start started starting begin began begun broke",
    "forecast": "forecast forecasts expect expected predict predicted",
    "search": "search searching searched hunt hunting hunted look",
    "contract": "contract contracts deal deals agreement",
    "hospit": "hospital hospitals",
    "vote": "vote votes voting voter voters ballot",
    "elect": "election elections poll polls",
    "seat": "seat seats",
    "missing": "missing disappeared",
    "hit": "hit hits hitting struck strike strikes striking",
}


def _build_synonyms() -> dict[str, str]:
    st = snowballstemmer.stemmer("english")
    out: dict[str, str] = {}
    for target, words in _SYNONYMS_RAW.items():
        for w in words.split():
            if w.startswith("="):  # the word only: its stem is shared with other words
                out[w[1:]] = target
                continue
            out[st.stemWord(w)] = target
            out[w] = target
    return out


_STEMMER = snowballstemmer.stemmer("english")
_SYN = _build_synonyms()

# Pairs of words that cannot both be true of the same thing (de Marneffe et al.'s antonym
# contradictions). General verbs and adjectives of news, by word; compared as terms.
_ANTONYMS_RAW = [
    ("acquitted", "convicted"), ("acquit", "convict"), ("guilty", "innocent"), ("won", "lost"), ("win", "lose"),
    ("rose", "fell"), ("increased", "decreased"), ("rise", "fall"), ("opened", "closed"), ("open", "closed"),
    ("accepted", "rejected"), ("approved", "rejected"), ("confirmed", "denied"), ("admitted", "denied"),
    ("alive", "dead"), ("survived", "died"), ("arrested", "released"), ("freed", "detained"),
    ("suspended", "continue"), ("suspended", "resumed"), ("cancelled", "held"), ("resigned", "remain"),
    ("cancelled", "continued"), ("canceled", "continued"), ("closed", "reopened"), ("closed", "operating"),
    ("support", "oppose"), ("supported", "opposed"), ("allowed", "banned"), ("legal", "illegal"),
    ("higher", "lower"), ("more", "fewer"), ("before", "after"), ("success", "failure"), ("succeeded", "failed"),
    ("peaceful", "violent"), ("started", "ended"), ("male", "female"),
]


def _build_antonyms() -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for a, b in _ANTONYMS_RAW:
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
    return _SYN.get(folded) or _SYN.get(s) or s


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


_DEMONYM_SUFFIXES = ("ian", "ean", "an", "i", "ese", "ish", "n")


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
            for suf in _DEMONYM_SUFFIXES:
                if n.endswith(suf) and len(n) - len(suf) >= 4:
                    base = n[: -len(suf)]
                    if base in present:
                        union(base, n)
                        break
        self._canon = {n: find(n) for n in names}

    def canon(self, folded: str) -> str | None:
        return self._canon.get(folded)
