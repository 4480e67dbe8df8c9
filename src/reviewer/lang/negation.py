"""Negation cues in a sentence, per language ("no", "nicht", "ne ... pas", "لم"...).

``negation_cues(text, lang)`` -> ``[(cue, start, end)]`` with ``text[start:end] == cue``;
``has_negation(text, lang)`` -> bool. Arabic cues may carry an attached "and"/"so" (ولم, فلا):
the span is the cue without it.
"""

from __future__ import annotations

import functools
import re

from reviewer.lang.tables import tables


@functools.lru_cache(maxsize=16)
def _cue_re(lang: str) -> re.Pattern[str]:
    mod = tables(lang)
    cues = set(mod.NEGATION)
    cues |= {c.replace("'", "’") for c in cues}
    alts = []
    for cue in sorted(cues, key=len, reverse=True):
        # "n't" sticks to its verb ("didn't"); French "n'" to the next word ("n'a").
        lead = "" if cue[:1] in "'’" or cue[:2] in ("n'", "n’") and lang == "en" else r"(?<!\w)"
        trail = "" if cue[-1:] in "'’" else r"(?!\w)"
        alts.append(f"{lead}{re.escape(cue)}{trail}")
    prefixes = getattr(mod, "PREFIXES", ())
    if prefixes:  # an attached letter may stand before the cue: (?<!\w)(?:و|ف)?(cue)
        pre = "|".join(re.escape(p) for p in sorted(prefixes, key=len, reverse=True))
        return re.compile(rf"(?<!\w)(?:{pre})?({'|'.join(re.escape(c) for c in sorted(cues, key=len, reverse=True))})(?!\w)")
    return re.compile("(" + "|".join(alts) + ")", re.IGNORECASE)


def negation_cues(text: str, lang: str) -> list[tuple[str, int, int]]:
    """The negation cues in ``text``: (cue as written, start, end)."""
    if not isinstance(text, str):
        return []
    return [(m.group(1), m.start(1), m.end(1)) for m in _cue_re(lang).finditer(text)]


def has_negation(text: str, lang: str) -> bool:
    """True when ``text`` holds a negation cue of language ``lang``."""
    return bool(negation_cues(text, lang))
