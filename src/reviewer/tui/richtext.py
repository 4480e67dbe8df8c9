"""Rich text made safe for the terminal (a widget or a screen may use it: no Textual here)."""

from __future__ import annotations

from rich.text import Text

from reviewer.textsafe import is_safe, safe_text

__all__ = ["safe_rich"]


def safe_rich(text: Text) -> Text:
    """``text`` with every terminal control shown as a visible stand-in (textsafe.safe_text: same
    length, so every style span stays on its characters)."""
    if is_safe(text.plain):
        return text
    return Text(safe_text(text.plain), style=text.style, justify=text.justify, overflow=text.overflow,
                no_wrap=text.no_wrap, end=text.end, spans=list(text.spans))

