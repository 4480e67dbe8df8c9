"""The dialogs pushed over the review: help, note, search, save-as and a list to read."""

from reviewer.tui.screens.help import HelpScreen
from reviewer.tui.screens.list import ListScreen
from reviewer.tui.screens.note import NoteScreen, SaveAsScreen
from reviewer.tui.screens.search import SearchScreen

__all__ = ["HelpScreen", "ListScreen", "NoteScreen", "SaveAsScreen", "SearchScreen"]
