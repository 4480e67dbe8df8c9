"""A fixed-size panel that draws one Rich Text built from its ``info`` reactive (made safe for
the terminal on the way out: ids, labels and notes come from files).

Its lines go to the screen the quick way when the panel has no padding nor border (the stock
path wraps every line in a new strip on each frame: ``article_view.plain_lines``), and a panel
whose ``cache_key`` says what its text is made of keeps the lines of the last looks it drew (a
column's title comes back when the column is bound to its article again)."""

from __future__ import annotations

from typing import Any

from rich.style import Style
from rich.text import Text
from textual.cache import LRUCache
from textual.geometry import Region
from textual.reactive import var
from textual.strip import Strip
from textual.widget import Widget, _RenderCache

from reviewer.tui.richtext import safe_rich
from reviewer.tui.widgets.article_view import plain_lines


class TextPanel(Widget):
    """Subclasses set ``PREFIX`` (their component-class prefix) and build their text in ``build``."""

    PREFIX = "text-panel"
    info: var[Any] = var(None, init=False)
    _drawn: LRUCache[tuple, _RenderCache] | None = None  # (cache_key, size, style) -> lines

    def watch_info(self) -> None:
        self.refresh()

    def style_of(self, name: str) -> Style:
        """The style of the component class ``PREFIX--name`` (colours live in app.tcss), kept
        until the styles change: Textual's own store of them is emptied on every refresh, and
        the inspector asks for a dozen of them on every key."""
        styles = self._styles_of
        if styles is None:
            styles = self._styles_of = {}
        got = styles.get(name)
        if got is None:
            got = styles[name] = self.get_component_rich_style(f"{self.PREFIX}--{name}", partial=True)
        return got

    _styles_of: dict[str, Style] | None = None

    def build(self, info: Any) -> Text:
        return Text()

    def cache_key(self) -> tuple | None:
        """What the text is made of, when that says all (the lines drawn are kept under it), or
        None (drawn again on each change)."""
        return None

    @property
    def text(self) -> Text:
        return self.build(self.info) if self.info is not None else Text()

    def render(self) -> Text:
        # Article ids (file names), labels and notes come from files: never as terminal commands.
        return safe_rich(self.text)

    def _render_content(self) -> None:
        what = self.cache_key() if self.info is not None else None
        if what is None:
            return super()._render_content()
        key = (what, self.size, self.visual_style, self.rich_style)
        if self._drawn is None:
            self._drawn = LRUCache(32)
        got = self._drawn.get(key)
        if got is None:
            super()._render_content()
            self._drawn[key] = self._render_cache
        else:
            self._render_cache = got
            self._dirty_regions.clear()

    def render_lines(self, crop: Region) -> list[Strip]:
        if self._dirty_regions:
            self._render_content()
        lines = self._render_cache.lines
        if len(lines) < self.size.height:
            return super().render_lines(crop)
        # The screen asks for every widget's lines on each frame: the same ones are handed back
        # until the panel is restyled, for the last few texts it drew (a column's title comes
        # back with its article: its lines were drawn from the same kept text).
        shown = self._shown
        if shown is None:
            shown = self._shown = {}
        key = (crop, id(self._render_cache))
        got = shown.get(key)
        if got is not None and got[0] is self._render_cache:
            return got[1]
        lines_out = plain_lines(self, crop, lines.__getitem__)
        if lines_out is None:  # padding (a column's title): the stock path, its lines kept the same way
            lines_out = super().render_lines(crop)
        if len(shown) >= 8:
            shown.pop(next(iter(shown)))
        shown[key] = (self._render_cache, lines_out)
        return lines_out

    _shown: dict[tuple[Region, int], tuple[_RenderCache, list[Strip]]] | None = None

    def notify_style_update(self) -> None:
        self._shown = None
        self._styles_of = None
        super().notify_style_update()
