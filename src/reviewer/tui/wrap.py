"""Word wrapping with character offsets, so that highlights can be drawn on wrapped lines."""

from __future__ import annotations

from rich.cells import cell_len


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
