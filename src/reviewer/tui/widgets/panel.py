"""A fixed-size panel that draws one Rich Text built from its ``info`` reactive (made safe for
the terminal on the way out: ids, labels and notes come from files)."""

from __future__ import annotations

from typing import Any

from rich.style import Style
from rich.text import Text
from textual.reactive import var
from textual.widget import Widget

from reviewer.tui.richtext import safe_rich


class TextPanel(Widget):
    """Subclasses set ``PREFIX`` (their component-class prefix) and build their text in ``build``."""

    PREFIX = "text-panel"
    info: var[Any] = var(None, init=False)

    def watch_info(self) -> None:
        self.refresh()

    def style_of(self, name: str) -> Style:
        """The style of the component class ``PREFIX--name`` (colours live in app.tcss)."""
        return self.get_component_rich_style(f"{self.PREFIX}--{name}", partial=True)

    def build(self, info: Any) -> Text:
        return Text()

    @property
    def text(self) -> Text:
        return self.build(self.info) if self.info is not None else Text()

    def render(self) -> Text:
        # Article ids (file names), labels and notes come from files: never as terminal commands.
        return safe_rich(self.text)
