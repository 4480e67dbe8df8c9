"""Word wrapping with character offsets, so that highlights can be drawn on wrapped lines, and
the visual order of right-to-left lines.

Bidirectional text is shown the way bidi display works: a sentence is wrapped in logical order
(offsets stay logical, as in the sidecar), then each line is reordered for display
(``visual_order``), with the paragraph direction taken from the whole sentence.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rich.cells import cell_len

# Strong right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan, Mandaic, their
# presentation forms; the RTL blocks of the supplementary planes) and the RTL marks and embeddings.
_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\u200f\u202b\u202e\u2067"
                  "\U00010800-\U00010fff\U0001e800-\U0001efff]")


def has_rtl(text: str) -> bool:
    """True when ``text`` has a right-to-left character (it then needs reordering for display)."""
    return _RTL.search(text) is not None


def is_rtl(text: str) -> bool:
    """The paragraph direction of ``text``: right to left when its first strong character is."""
    from bidi import get_base_level

    return has_rtl(text) and get_base_level(text) == 1


_LEVEL = re.compile(r"Level\(\s*(\d+),?\s*\)")
_TRAILING = {"WS", "BN", "LRI", "RLI", "FSI", "PDI"}  # reset to the paragraph level at a line's end (L1)


def _levels(line: str, rtl: bool) -> list[int] | None:
    """The resolved embedding level of each character of ``line`` (python-bidi, rules up to I2),
    or None when they cannot be read."""
    from bidi import get_display

    info = get_display(line, base_dir="R" if rtl else "L", debug=True)
    # The levels are listed per byte of UTF-8, after the (escaped, one-line) text.
    k = info.find("\n    levels: [")
    end = info.find("\n    paragraphs: [", k)
    if k < 0 or end < 0:
        return None
    per_byte = [int(x) for x in _LEVEL.findall(info, k, end)]
    out: list[int] = []
    pos = 0
    for ch in line:
        if pos >= len(per_byte):
            return None
        out.append(per_byte[pos])
        pos += len(ch.encode("utf-8"))
    return out if pos == len(per_byte) else None


@lru_cache(maxsize=256)
def paragraph_levels(text: str, rtl: bool) -> tuple[int, ...] | None:
    """The resolved levels of every character of a whole paragraph (a sentence): a neutral at a
    line's edge (a colon, a bracket, a dash, digits) takes its direction from the letters around
    it in the sentence, also those on the next or previous line, as the bidi algorithm says
    (levels per paragraph, reordering per line)."""
    got = _levels(text, rtl)
    return None if got is None else tuple(got)


def line_levels(text: str, start: int, end: int, rtl: bool) -> list[int] | None:
    """The paragraph levels (:func:`paragraph_levels`) of the line ``text[start:end]``."""
    got = paragraph_levels(text, rtl)
    return None if got is None else list(got[start:end])


def visual_order(line: str, rtl: bool, levels: list[int] | None = None) -> list[tuple[int, str]]:
    """The characters of one line in display order, left to right: (logical index in ``line``,
    character as shown: brackets and the like in right-to-left runs are mirrored), the same
    text as ``bidi.get_display(line)``. ``rtl`` is the direction of the paragraph (the
    sentence), not of the line. ``levels``: the line's levels resolved in its whole paragraph
    (:func:`line_levels`); without them, the line's own."""
    import unicodedata

    from bidi.mirror import MIRRORED

    base = 1 if rtl else 0
    # (a fresh list either way: L1 below sets levels in place; a line's own levels are cached)
    levels = list(levels) if levels is not None and len(levels) == len(line) else line_levels(line, 0, len(line), rtl)
    if levels is None:  # an unknown python-bidi: whole line in one direction
        order = list(range(len(line)))
        return [(k, line[k]) for k in (order[::-1] if rtl else order)]
    # L1: segment and paragraph separators, and the white space before them and at the end
    # of the line, take the paragraph level.
    reset = True
    for k in range(len(line) - 1, -1, -1):
        cls = unicodedata.bidirectional(line[k])
        if cls in ("B", "S"):
            levels[k] = base
            reset = True
        elif reset and cls in _TRAILING:
            levels[k] = base
        else:
            reset = False
    # L2: from the highest level down to the lowest odd one, reverse every run at that level or
    # higher.
    order = list(range(len(line)))
    if levels:
        top = max(levels)
        odd = min((lv for lv in levels if lv % 2), default=top + 1)
        for lv in range(top, odd - 1, -1):
            k = 0
            while k < len(order):
                if levels[order[k]] >= lv:
                    j = k
                    while j < len(order) and levels[order[j]] >= lv:
                        j += 1
                    order[k:j] = order[k:j][::-1]
                    k = j
                else:
                    k += 1
    # L4: mirrored glyphs in right-to-left runs.
    return [(k, MIRRORED.get(line[k], line[k]) if levels[k] % 2 and unicodedata.mirrored(line[k]) else line[k])
            for k in order]


def wrap_offsets(text: str, width: int) -> list[tuple[int, int]]:
    """Split ``text`` into lines of at most ``width`` cells; (start, end) offsets per line.
    Breaks at spaces; a word longer than the width is cut."""
    width = max(4, width)
    if text.isascii() and text.isprintable():
        return _wrap_ascii(text, width)
    out: list[tuple[int, int]] = []
    n = len(text)
    start = 0
    while start < n:
        while start < n and text[start] == " ":
            start += 1
        if start >= n:
            break
        # fast path: the rest fits
        if cell_len(text[start:]) <= width:
            out.append((start, n))
            break
        end = start
        cells = 0
        last_space = -1
        while end < n:
            ch = text[end]
            w = cell_len(ch)
            if cells + w > width:
                break
            if ch == " ":
                last_space = end
            cells += w
            end += 1
        if end < n and last_space > start:
            out.append((start, last_space))
            start = last_space + 1
        else:
            out.append((start, max(end, start + 1)))
            start = max(end, start + 1)
    return out or [(0, 0)]


def _wrap_ascii(text: str, width: int) -> list[tuple[int, int]]:
    """``wrap_offsets`` for printable ASCII, where a character is a cell: the same lines."""
    out: list[tuple[int, int]] = []
    n = len(text)
    start = 0
    while start < n:
        while start < n and text[start] == " ":
            start += 1
        if start >= n:
            break
        if n - start <= width:
            out.append((start, n))
            break
        last_space = text.rfind(" ", start, start + width)
        if last_space > start:
            out.append((start, last_space))
            start = last_space + 1
        else:
            out.append((start, start + width))
            start += width
    return out or [(0, 0)]
