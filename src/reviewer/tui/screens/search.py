"""The search dialog: words to find in all articles."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from reviewer.tui.screens.note import Shown


class SearchScreen(ModalScreen[str | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, last: str = ""):
        super().__init__()
        self.last = last

    def compose(self) -> ComposeResult:
        with Vertical(id="search-box"):
            yield Static("Search all articles (fuzzy). Enter: go · n/N: next/previous result · Esc: cancel",
                         id="search-title")
            yield Input(value=self.last, placeholder="words to find", id="search-input")
            yield Shown(id="search-shown")

    def on_mount(self) -> None:
        self.query_one(Shown).show(self.query_one(Input).value)

    def on_input_changed(self, event: Input.Changed) -> None:
        self.query_one(Shown).show(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)
