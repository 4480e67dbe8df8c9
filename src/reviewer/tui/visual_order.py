"""Right-to-left text (Arabic, Hebrew) in visual order for styled text (the inspector), for a
terminal that draws every cell left to right.

The sentences, their offsets, the evidence spans and the sidecar all stay in logical order (the
order of the file). Only what is drawn is reordered, one screen line at a time (wrap first, then
reorder each line, as the Unicode bidi algorithm says), and the styles of a Rich ``Text``
(evidence highlights) follow their characters to their visual places. The reordering itself is
the article columns' (:func:`reviewer.tui.wrap.visual_order`, python-bidi's levels): one
implementation for the whole screen.
"""

from __future__ import annotations

from rich.text import Text

from reviewer.tui.wrap import has_rtl, is_rtl, line_levels
from reviewer.tui.wrap import visual_order as _visual_chars

__all__ = ["VisualLines", "base_direction", "display", "has_rtl", "visual_order", "visual_text"]


def base_direction(text: str) -> str:
    """The paragraph direction of ``text`` ("R" or "L"): that of its first strong letter."""
    return "R" if is_rtl(text) else "L"


def visual_order(line: str, base: str = "L", levels: list[int] | None = None) -> tuple[str, list[int] | None]:
    """``line`` in visual order with paragraph direction ``base``, and for each visual position
    the logical index of its character. ``levels``: the line's levels in its whole sentence
    (:func:`reviewer.tui.wrap.line_levels`)."""
    if not has_rtl(line):
        return line, list(range(len(line)))
    chars = _visual_chars(line, base == "R", levels)
    return "".join(ch for _, ch in chars), [k for k, _ in chars]


def display(text: str) -> str:
    """A short text typed by the reviewer (a note, a search) as it is to be drawn on one line:
    in visual order with its own paragraph direction; unchanged when it has no right-to-left
    letter. Only for drawing: what is stored stays ``text``."""
    if not has_rtl(text):
        return text
    return visual_order(text, base_direction(text))[0]


def visual_text(text: Text, base: str = "L", levels: list[int] | None = None) -> Text:
    """One screen line of styled text in visual order; each span's style stays on its characters.
    ``levels``: as for :func:`visual_order`."""
    plain = text.plain
    if not has_rtl(plain):
        return text
    shown, order = visual_order(plain, base, levels)
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


class VisualLines:
    """A Rich renderable: ``text`` wrapped to the width it is drawn at, then each screen line of
    its right-to-left parts put in visual order (for text whose width is only known when it is
    drawn, such as the claims screen's detail).

    ``parts`` are (start, end, base) ranges of ``text`` (a sentence and its direction): on each
    wrapped line the characters of a part are reordered with the part's paragraph direction,
    the rest with a left-to-right one. A paragraph (a ``\\n``-separated line of ``text``) with no
    right-to-left character is wrapped by Rich as a ``Text`` would be: drawn the same."""

    def __init__(self, text: Text, parts: list[tuple[int, int, str]]):
        self.text = text
        self.parts = parts

    def __rich_console__(self, console, options):
        from reviewer.tui.wrap import wrap_offsets

        width = options.max_width
        out: list[Text] = []
        start = 0
        for para in self.text.split("\n", allow_blank=True):
            end = start + len(para.plain)
            if not has_rtl(para.plain):
                out += para.wrap(console, width, justify=self.text.justify, overflow=self.text.overflow)
            else:
                for a, b in wrap_offsets(para.plain, width):
                    out.append(self._line(para, start, a, b))
            start = end + 1
        yield from Text("\n").join(out).render(console, end="\n")  # a line end each: Textual counts them

    def _line(self, para: Text, offset: int, a: int, b: int) -> Text:
        """Characters ``a``..``b`` of ``para`` (at ``offset`` in the whole text) in visual order,
        each part with its own direction, the parts left to right in logical order."""
        cuts = {a, b}
        for s, e, _ in self.parts:
            for x in (s - offset, e - offset):
                if a < x < b:
                    cuts.add(x)
        line = Text()
        edges = sorted(cuts)
        for s, e in zip(edges, edges[1:]):
            part = next(((ps - offset, pe - offset, d) for ps, pe, d in self.parts
                         if ps - offset <= s and e <= pe - offset), None)
            base, levels = "L", None
            if part is not None:  # the levels of the whole sentence: neutrals at the line's edges
                base = part[2]
                levels = line_levels(para.plain[part[0]:part[1]], s - part[0], e - part[0], base == "R")
            line.append_text(visual_text(para[s:e], base, levels))
        return line

    def __rich_measure__(self, console, options):
        return self.text.__rich_measure__(console, options)
