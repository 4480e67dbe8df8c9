"""Acronyms named by their first words (issue 12): an all-capitals word of the cluster whose
first letters are the initials of a run of capitalised words elsewhere ("the Northern Rail
Freight Union" / "the Northern Rail" ... "NRFU"), a name shortened as reporters do.

Pure functions, no engine imports: :mod:`reviewer.engine.features` reads them.
"""

from __future__ import annotations

from collections import Counter


def acronyms_spelled(initials: str, acronyms: set[str], min_share: float) -> list[str]:
    """The acronyms that ``initials`` (of a run of two or more capitalised words) spells, in
    full or as their beginning, covering at least ``min_share`` of the acronym's letters: the
    first words of the long name ("Orlen Valley Rowing Club" -> "OVRC"; "Orlen Valley" as well).
    An acronym of three letters or fewer is spelled in full or not at all: two capitalised words
    spell the start of too many of them ("Red Cross" is no short form of "RCA").
    Sorted, so that the terms come out in one order."""
    out = []
    for ac in acronyms:
        if ac == initials or (len(ac) > 3 and ac.startswith(initials) and len(initials) >= min_share * len(ac)):
            out.append(ac)
    return sorted(out)


def name_runs(toks, linkers, min_words: int) -> list[list[str]]:
    """The runs of two or more capitalised words of a tokenised sentence (linking words such as
    "of" skipped), as their words."""
    out, run = [], []
    for surf, _s, _e in list(toks) + [("", 0, 0)]:
        if surf[:1].isupper() and surf.isalpha():
            run.append(surf)
        elif surf.lower() in linkers and run:
            continue
        else:
            if len(run) >= min_words:
                out.append(run)
            run = []
    return out


def shortened_names(toks_all, acronyms: set[str], linkers, min_words: int, min_share: float) -> dict[str, list[str]]:
    """Acronym -> the lower-case words of the run of capitalised words that spells only its
    beginning ("Orlen Valley" for "OVRC"): the sentences writing the acronym carry these name
    words too, so the two forms share the name both ways. Of several such runs, the most
    frequent, then the first in sorted order: the same whatever the order of the articles."""
    seen: dict[str, Counter] = {}
    for toks in toks_all:
        for run in name_runs(toks, linkers, min_words):
            ini = "".join(w[0] for w in run).lower()
            for ac in acronyms_spelled(ini, acronyms, min_share):
                if ac != ini:
                    seen.setdefault(ac, Counter())[tuple(w.lower() for w in run)] += 1
    return {ac: list(min(runs.items(), key=lambda kv: (-kv[1], kv[0]))[0]) for ac, runs in seen.items()}
