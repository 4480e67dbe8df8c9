"""A titled list of lines to read (e.g. the orphans)."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from reviewer.textsafe import safe_text


class ListScreen(ModalScreen[None]):
    """A titled list of lines to read (e.g. the orphans); Esc closes. A line given as a pair
    (key, what it does) is a row of two columns: a long description wraps under its own column."""

    BINDINGS = [Binding("escape,q,enter,question_mark", "dismiss", "Close")]

    def __init__(self, title: str, lines: list[str] | list[tuple[str, str]]):
        super().__init__()
        self.title_text = title
        self.lines = lines

    def compose(self) -> ComposeResult:
        with Vertical(id="list-box"):
            # Ids, file names, notes and labels come from files: shown safe.
            yield Static(Text(safe_text(self.title_text) + "   (Esc closes)", style="bold"), id="list-title")
            with VerticalScroll():
                if self.lines and isinstance(self.lines[0], tuple):
                    table = Table.grid(padding=(0, 2))
                    table.add_column(no_wrap=True)
                    table.add_column(ratio=1)
                    for key, what in self.lines:
                        table.add_row(f"• {safe_text(key)}", safe_text(what))
                    yield Static(table)
                else:
                    yield Static(Text("\n".join(f"• {safe_text(line)}" for line in self.lines)))
