"""Sentence segmentation with exact character offsets.

Rules, in order:

1. A blank line always ends a sentence. A single line break ends one too, unless the text
   is hard-wrapped (most lines of a similar width that stop mid-sentence), where a single
   line break is just a space.
2. Inside a line, a sentence ends at ``. ! ? ؟ …`` (with any closing quotes or brackets
   after them) followed by white space and something that can start a sentence: an
   upper-case letter, a digit, an opening quote or bracket, or a letter of a script
   without case (Arabic, Hebrew, CJK...).
3. It does not end inside a quotation when what is left of the quotation is a short tail
   (``“We are alive. Thank God”.`` stays one sentence): at most a few words up to the closing
   quote would otherwise be cut off into a "sentence" of their own.
4. Text copied from web pages often lost the space between two sentences
   (``...on Friday.Rescuers said...``): a full stop or ``?`` right after a lower-case
   word and right before a capitalised word (an opening quote may come between) ends a
   sentence too, under the same abbreviation rules as below.
5. It does not end after an abbreviation (titles such as ``Dr.`` or ``Gen.``, months before
   a number, ``U.S.``/``a.m.`` unless a typical sentence opener follows), after a single
   initial (``J. Smith``), or when a lower-case word follows.

Each sentence is trimmed of white space; fragments with no letter or digit are dropped.
The result satisfies ``body[s.start:s.end] == s.text``, in order and without overlap.
This is a single regular-expression pass: several MB/s on one core.
"""

from __future__ import annotations

import heapq
import re
import statistics

from reviewer.models import Sentence

# Abbreviations after which a period never ends a sentence (compared case-insensitively
# without the final period).
_TITLES = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col", "maj", "capt",
    "cpt", "sgt", "adm", "rev", "hon", "pres", "st", "mt", "ft", "cmdr", "brig", "supt",
    "insp", "det", "cpl", "pvt", "amb", "sec", "atty", "messrs", "mme", "mlle", "sr", "jr",
    "vs", "v", "cf", "e.g", "i.e", "approx", "dept", "univ", "est", "fig", "no", "nos", "vol",
    "ch", "art", "sec", "para", "pp", "p", "al", "op", "ed", "eds", "dist",
    # Cyrillic and Greek ones that a capitalised name follows ("ул.Ленина", "проф.Иванов", "οδ.Ερμού")
    "ул", "пр", "просп", "пер", "пл", "им", "проф", "акад", "ген", "св", "гр", "тов", "οδ", "λεωφ", "αγ", "καθ", "εκατ", "δισ", "χιλ",
}
_MONTHS = {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
# Abbreviations that may end a sentence: only a typical sentence opener after them ends it.
_MAY_END = {"inc", "ltd", "co", "corp", "etc", "plc", "llc", "bros", "a.m", "p.m", "am", "pm"}
_OPENERS = {
    "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "his", "her", "its", "their",
    "our", "this", "that", "these", "those", "there", "but", "and", "so", "yet", "in", "on",
    "at", "after", "before", "when", "while", "however", "meanwhile", "also", "both", "no",
    "some", "many", "most", "several", "one", "two", "three", "police", "officials", "mr",
    "mrs", "ms", "dr",
}

# A candidate end: terminal punctuation, closing quotes/brackets, then white space.
_END = re.compile(r"""([.!?\u061f\u2026\u06d4\u3002]+)(["'\u201d\u2019\u00bb\u203a)\]]*)(?=[ \t\u00a0]+(\S))""")
# The same without the space: two lower-case letters, the stop (and at most one closing quote or
# bracket), then a capitalised word, optionally behind an opening quote. A straight quote between
# the two closes the first sentence only when another quote follows it (`.""The`); alone it is
# read as the next sentence's opening quote. Not after "!" (brand names: "Yahoo!Finance"), nor
# before a word that goes on as an address ("news.Example.com", "jane.Doe@mail.org"). Groups as
# in _END.
def _letters(test, first: int = 0x41, last: int = 0x52F) -> str:
    """A character class body of the letters from ``first`` to ``last`` (Latin with its
    extensions, Greek, Cyrillic) that ``test`` accepts, as ranges."""
    out, run = [], None
    for cp in range(first, last + 2):
        ok = cp <= last and test(chr(cp))
        if ok and run is None:
            run = cp
        elif not ok and run is not None:
            out.append(f"\\u{run:04x}" if run == cp - 1 else f"\\u{run:04x}-\\u{cp - 1:04x}")
            run = None
    return "".join(out)


# Lower- and upper-case letters of Latin (with its extensions: "Łódź"), Greek and Cyrillic
# (stop 24: "...в порту.Спасатели", "...στο λιμάνι.Οι" are two sentences as "...levee.Rescuers" is).
_LOWER = _letters(str.islower)
_UPPER = _letters(str.isupper)
_GLUED = re.compile(
    rf"""[{_LOWER}]{{2}}([.?]+)((?:["'](?=["\u201c]))?[\u201d\u2019\u00bb)\]]?)"""
    rf"""(?=["\u201c\u00ab]?([{_UPPER}])[{_LOWER}]+(?!\w|[.@/]\w))"""
)
# A file's extension after a glued stop ("report.Docx") is no sentence's first word.
_FILE_EXTENSIONS = {"pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "csv", "txt", "rtf", "odt", "zip",
                    "rar", "jpg", "jpeg", "png", "gif", "tif", "tiff", "mp3", "mp4", "mov", "avi", "html",
                    "htm", "xml", "json", "exe", "dmg", "apk"}
_WORD_BEFORE = re.compile(r"([\w.'\u2019-]+)\Z")
_HAS_WORD = re.compile(r"\w")
_CLOSERS = set("\"'\u201d\u2019\u00bb\u203a)]")
_TERMINALS = set(".!?\u061f\u2026\u06d4\u3002") | _CLOSERS | {":"}


def _can_start(ch: str) -> bool:
    if ch.isupper() or ch.isdigit():
        return True
    if ch in "\"'\u201c\u201d\u2018\u2019\u00ab\u2039([\u00bf\u00a1-\u2013\u2014":
        return True
    if ch.isalpha() and not ch.islower():
        # A letter without case: Arabic, Hebrew, CJK, ...
        return True
    return False


def _is_hard_wrapped(lines: list[str]) -> bool:
    long = [ln.rstrip() for ln in lines if len(ln.strip()) >= 40]
    if len(long) < 5:
        return False
    open_ended = sum(1 for ln in long if ln[-1] not in _TERMINALS)
    widths = [len(ln) for ln in long]
    med = statistics.median(widths)
    if med > 120:
        return False
    similar = sum(1 for w in widths if abs(w - med) <= 0.25 * med)
    return open_ended >= 0.5 * len(long) and similar >= 0.6 * len(long)


def _blocks(text: str) -> list[tuple[int, int]]:
    """Spans of text between hard breaks."""
    spans: list[tuple[int, int]] = []
    lines = text.split("\n")
    wrapped = _is_hard_wrapped(lines) if len(lines) > 5 else False
    pos = 0
    start = 0
    for ln in lines:
        end = pos + len(ln)
        blank = not ln.strip()
        if not wrapped or blank:
            if blank:
                if start < pos:
                    spans.append((start, pos))
                start = end + 1
            else:
                spans.append((pos, end))
                start = end + 1
        pos = end + 1
    if wrapped and start < len(text):
        spans.append((start, len(text)))
    return spans


def _ends_sentence(text: str, m: re.Match[str], block_start: int) -> bool:
    punct = m.group(1)
    nxt = m.group(3)
    if not _can_start(nxt):
        return False
    if punct[-1] != "." or len(punct) > 1:
        return True  # ! ? ؟ … and "..." end a sentence before a capital
    if m.group(2):
        return True  # '.”' then a capital: the quote closed the sentence
    # Only the last few characters matter: searching from the block start would be quadratic.
    wm = _WORD_BEFORE.search(text, max(block_start, m.start(1) - 48), m.start(1))
    if not wm:
        return True
    word = wm.group(1).lstrip("'\u2019-")
    low = word.lower()
    # Next word, for the "typical opener" checks.
    rest = text[m.end(2) : m.end(2) + 40].lstrip()
    next_word = re.match(r"[\w']+", rest)
    nw = next_word.group(0).lower() if next_word else ""
    if low in _TITLES:
        return False
    if nw in _FILE_EXTENSIONS and m.end(2) < len(text) and not text[m.end(2)].isspace():
        return False  # "report.Docx": a file's name
    if low in _MONTHS:
        return not nxt.isdigit()
    if low in _MAY_END:
        return nw in _OPENERS
    if len(word) == 1 and word.isalpha() and word.isupper():
        return False  # an initial: "J. Smith"
    if "." in word:
        # A dotted abbreviation such as U.S. or U.N.: ends only before an opener.
        if re.fullmatch(r"(?:\w\.)+\w", word):
            return nw in _OPENERS
    return True


# A quotation's tail this short (in words, up to its closing quote) is not cut off.
_QUOTE_TAIL_WORDS = 3
_QUOTE_TAIL_CHARS = 40
_OPEN_Q = "\u201c\u00ab"
_CLOSE_Q = "\u201d\u00bb"


def _inside_short_quote(text: str, cut: int, m: re.Match[str], bend: int) -> bool:
    """True when the end ``m`` falls inside a quotation opened since ``cut`` whose rest is a
    short tail: the closing quote comes within a few words."""
    if m.group(2):
        return False  # the quote closed with the sentence
    before = text[cut : m.start(1)]
    depth = sum(before.count(c) for c in _OPEN_Q) - sum(before.count(c) for c in _CLOSE_Q)
    if depth <= 0:
        return False
    after = text[m.end(2) : min(bend, m.end(2) + _QUOTE_TAIL_CHARS + 1)]
    close = min((i for i in (after.find(c) for c in _CLOSE_Q) if i >= 0), default=-1)
    if close < 0:
        return False
    tail = after[:close]
    if any(c in tail for c in _OPEN_Q):
        return False
    return len(tail.split()) <= _QUOTE_TAIL_WORDS


def segment(text: str) -> list[Sentence]:
    """Split ``text`` into sentences with offsets into ``text``."""
    out: list[Sentence] = []
    for bstart, bend in _blocks(text):
        cut = bstart
        for m in _ends_in(text, bstart, bend):
            if _ends_sentence(text, m, bstart) and not _inside_short_quote(text, cut, m, bend):
                _emit(text, cut, m.end(2), out)
                cut = m.end(2)
        _emit(text, cut, bend, out)
    return out


def _ends_in(text: str, start: int, end: int):
    """Candidate ends of the block, in order: those before white space and the glued ones."""
    return heapq.merge(_END.finditer(text, start, end), _GLUED.finditer(text, start, end),
                       key=lambda m: m.start(1))


def _emit(text: str, start: int, end: int, out: list[Sentence]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end <= start:
        return
    piece = text[start:end]
    if not _HAS_WORD.search(piece):
        return  # stray punctuation, no sentence
    out.append(Sentence(index=len(out), start=start, end=end, text=piece))
