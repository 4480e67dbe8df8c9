"""Text from files made safe for a terminal, without changing its length.

Article text, titles, file names, notes and labels come from files that anyone may have
written. Written to a terminal as they are, their control characters are commands: ``ESC ] 0 ;
… BEL`` sets the window title, ``ESC [ 2 J`` clears the screen, OSC 52 writes the clipboard,
and the bidi overrides reorder what the reader sees. ``safe_text`` replaces each such character
by one visible stand-in, one for one, so that character offsets (sentence spans, highlights,
wrapping) stay exactly as they were:

- C0 controls except tab and newline → their Unicode control picture (ESC → ␛, BEL → ␇, CR → ␍);
- DEL → ␡;
- C1 controls (U+0080–U+009F) and the bidi embedding, override and isolate characters
  (U+202A–U+202E, U+2066–U+2069) and the directional marks (U+200E, U+200F, U+061C) → U+FFFD.

Core module: plain Python, usable by the CLI and the TUI alike.
"""

from __future__ import annotations

import re

__all__ = ["UNSAFE", "is_safe", "safe_line", "safe_text"]

REPLACEMENT = "\ufffd"

_TABLE: dict[int, str] = {c: chr(0x2400 + c) for c in range(0x20) if c not in (0x09, 0x0A)}
_TABLE[0x7F] = "\u2421"
_TABLE.update({c: REPLACEMENT for c in range(0x80, 0xA0)})
_BIDI = [0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
_TABLE.update({c: REPLACEMENT for c in _BIDI})

UNSAFE = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_TABLE)) + "]")


def is_safe(text: str) -> bool:
    """True when ``text`` has nothing ``safe_text`` would replace."""
    return UNSAFE.search(text) is None


def safe_text(text: str) -> str:
    """``text`` with every terminal control and bidi override replaced by a visible stand-in;
    ``len(safe_text(t)) == len(t)`` always."""
    if UNSAFE.search(text) is None:
        return text
    return text.translate(_TABLE)


def safe_line(text: str) -> str:
    """For a one-line message (stderr, a toast): ``safe_text``, and newlines shown as ␤ too."""
    return safe_text(text).replace("\n", "\u2424")
