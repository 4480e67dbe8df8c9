"""A titled list of lines to read (e.g. the orphans)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from reviewer.textsafe import safe_text


class ListScreen(ModalScreen[None]):
    """A titled list of lines to read (e.g. the orphans); Esc closes."""

    BINDINGS = [Binding("escape,q,enter", "dismiss", "Close")]

    def __init__(self, title: str, lines: list[str]):
        super().__init__()
        self.title_text = title
        self.lines = lines

    def compose(self) -> ComposeResult:
        with Vertical(id="list-box"):
            # Ids, file names, notes and labels come from files: shown safe.
            yield Static(Text(safe_text(self.title_text) + "   (Esc closes)", style="bold"), id="list-title")
            with VerticalScroll():
                yield Static(Text("\n".join(f"• {safe_text(line)}" for line in self.lines)))
