"""Dialogs that ask for one line of text: a note, or the file name to save the sidecar as."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from reviewer.textsafe import safe_text
from reviewer.tui.visual_order import display, has_rtl


class Shown(Static):
    """Under a text box: what was typed, in the order it reads, when it has right-to-left
    letters (the box itself keeps the typing order, the order it is stored in)."""

    def show(self, typed: str) -> None:
        rtl = has_rtl(typed)
        self.display = rtl
        self.update(Text("reads: " + display(safe_text(typed))) if rtl else "")


class NoteScreen(ModalScreen[str | None]):
    """Edit a note; Enter saves, Escape cancels, an empty note removes it."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, text: str, on: str = ""):
        super().__init__()
        self.title_text = title
        self.text = text
        self.on = on  # what the note is on ("the conflict link to b:3", "sentence a:2"), said in the box

    def compose(self) -> ComposeResult:
        with Vertical(id="note-box"):
            # Ids, file names and notes come from files: shown safe, never read as markup.
            yield Static(Text(safe_text(self.title_text)), id="note-title")
            on = f" on {self.on}" if self.on else ""
            yield Input(value=safe_text(self.text), placeholder=safe_text(f"a note{on} (Enter saves, Esc cancels, empty removes)"),
                        id="note-input")
            yield Shown(id="note-shown")

    def on_mount(self) -> None:
        self.query_one(Shown).show(self.query_one(Input).value)

    def on_input_changed(self, event: Input.Changed) -> None:
        self.query_one(Shown).show(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)



class SaveAsScreen(NoteScreen):
    """Ask for a file name to save the sidecar elsewhere."""
