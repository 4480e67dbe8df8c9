"""Right-to-left text (Arabic, Hebrew) in visual order, for a terminal that draws every cell
left to right.

The sentences, their offsets, the evidence spans and the sidecar all stay in logical order (the
order of the file). Only what is drawn is reordered, one screen line at a time (wrap first, then
reorder each line, as the Unicode bidi algorithm says), and the styles of a Rich ``Text``
(evidence highlights) follow their characters to their visual places.

The reordering is python-bidi's: the display string is always ``bidi.get_display``'s; the map
from visual to logical positions comes from python-bidi's own implementation of the same
algorithm. Should the two ever disagree on a line, the line is shown as ``get_display`` has it,
without its highlights (the words right, the colours lost), never the other way round.
"""

from __future__ import annotations

import unicodedata

from rich.text import Text

try:
    from bidi import algorithm as _algorithm
    from bidi import get_base_level, get_display
except ImportError:  # pragma: no cover - python-bidi is a dependency; without it text stays logical
    _algorithm = None

__all__ = ["base_direction", "has_rtl", "visual_order", "visual_text"]

_RTL_CLASSES = frozenset({"R", "AL"})


def has_rtl(text: str) -> bool:
    """True when ``text`` has a right-to-left letter (Arabic, Hebrew, Syriac, Thaana...)."""
    return any(unicodedata.bidirectional(ch) in _RTL_CLASSES for ch in text)


def base_direction(text: str) -> str:
    """The paragraph direction of ``text`` ("R" or "L"): that of its first strong letter."""
    if _algorithm is None or not text:
        return "L"
    return "R" if get_base_level(text) == 1 else "L"


def visual_order(line: str, base: str = "L") -> tuple[str, list[int] | None]:
    """``line`` in visual order (bidi.get_display with paragraph direction ``base``), and for
    each visual position the logical index of its character (None when no map can be given)."""
    if _algorithm is None or not has_rtl(line):
        return line, list(range(len(line)))
    shown = get_display(line, base_dir=base)
    storage = _algorithm.get_empty_storage()
    storage["base_level"] = _algorithm.PARAGRAPH_LEVELS[base]
    storage["base_dir"] = base
    try:
        _algorithm.get_embedding_levels(line, storage)
        for i, ch in enumerate(storage["chars"]):
            ch["logical"] = i
        _algorithm.explicit_embed_and_overrides(storage)
        _algorithm.resolve_weak_types(storage, False)
        _algorithm.resolve_neutral_types(storage, False)
        _algorithm.resolve_implicit_levels(storage, False)
        _algorithm.reorder_resolved_levels(storage, False)
        _algorithm.apply_mirroring(storage, False)
        chars = storage["chars"]
        order = [ch["logical"] for ch in chars]
    except Exception:  # pragma: no cover - an internal of python-bidi changed: keep the words right
        return shown, None
    if "".join(ch["ch"] for ch in chars) != shown or sorted(order) != list(range(len(line))):
        return shown, None
    return shown, order


def visual_text(text: Text, base: str = "L") -> Text:
    """One screen line of styled text in visual order; each span's style stays on its characters."""
    plain = text.plain
    if not has_rtl(plain):
        return text
    shown, order = visual_order(plain, base)
    out = Text(shown, style=text.style, justify=text.justify, overflow=text.overflow, no_wrap=text.no_wrap, end=text.end)
    if order is None:
        return out
    where = [0] * len(order)
    for v, logical in enumerate(order):
        where[logical] = v
    for span in text.spans:
        cells = sorted(where[i] for i in range(max(0, span.start), min(span.end, len(where))))
        start = prev = None
        for v in cells:
            if start is None:
                start = prev = v
            elif v == prev + 1:
                prev = v
            else:
                out.stylize(span.style, start, prev + 1)
                start = prev = v
        if start is not None:
            out.stylize(span.style, start, prev + 1)
    return out
