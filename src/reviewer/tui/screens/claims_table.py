"""The claim matrix of the claims screen (it lives beside its screen: widgets/ imports screens/, so a
widget the screens import would make a cycle): one row per claim, one cell per source, on the Line API (only the visible
rows cost anything, so 10,000 claims open as fast as 10).

    #  src  A  B  C  D   links  claim
 ▶ 20    3  ✓  ≠  ✓  ✓   1/5    On Friday, one person was killed and dozens ...
   21    1  ✓  ·  ·  ·   0/0    Al-Sadr and his coalition won more than 70 ...

A cell is ``✓`` (the source states the claim, green), ``≠`` (it states a conflicting version,
red), ``✓≠`` (both), or ``·`` (silent, dim): glyph and colour together. ``⚠`` after the links
marks an inconsistent claim. The first line is the header (it stays while the rows scroll). When
the sources do not all fit, the cells show a window around the selected source, and the header
says how many are left and right. Colours come from the component classes in app.tcss.
"""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reviewer.review.claimboard import ClaimBoard, cell, letter
from reviewer.tui.visual_order import display

CELL = 3
GLYPH = {"states": " ✓ ", "contradicts": " ≠ ", "both": "✓≠ ", "silent": " · "}
LEFT = 12  # pointer, id, number of sources
RIGHT = 11  # links, flag
MIN_TEXT = 16


def fit(text: str, cells: int) -> str:
    """``text`` in at most ``cells`` cells, ending in ``…`` when it was cut (by cells, not
    characters: a wide character takes two), in visual order when it holds right-to-left text."""
    if cells <= 0:
        return ""
    if cell_len(text) > cells:
        text = set_cell_size(text, cells - 1).rstrip() + "…"
    return display(text)  # right-to-left words the right way round (the cut and "…" at their end)


class ClaimsTable(ScrollView, can_focus=False):
    COMPONENT_CLASSES = {
        "claims-table--header", "claims-table--header-col", "claims-table--pointer", "claims-table--cursor",
        "claims-table--col-cursor", "claims-table--states", "claims-table--contradicts", "claims-table--both",
        "claims-table--silent", "claims-table--decided", "claims-table--open", "claims-table--flag",
        "claims-table--more",
    }

    def __init__(self, board: ClaimBoard, **kwargs):
        super().__init__(**kwargs)
        self.board = board
        self._styles: dict[str, Style] = {}
        self._texts: dict[int, str] = {}

    # ------------------------------------------------------------------ state
    def changed(self) -> None:
        """The board changed (claims, order, cursor): size, scroll and redraw."""
        self._texts = {}
        self.virtual_size = Size(self.size.width, len(self.board.rows) + 1)
        self.keep_cursor_visible()
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles = {}
        self.refresh()

    def style(self, name: str) -> Style:
        got = self._styles.get(name)
        if got is None:
            got = self._styles[name] = self.get_component_rich_style(f"claims-table--{name}", partial=True)
        return got

    def on_resize(self, _event) -> None:
        # the first visit is drawn before the table has its height: scroll once it has it
        self.keep_cursor_visible()

    def keep_cursor_visible(self) -> None:
        h = max(1, self.scrollable_content_region.height - 1)  # the header takes a line
        y0 = int(self.scroll_offset.y)
        row = self.board.row
        if row < y0:
            self.scroll_to(y=row, animate=False, immediate=True)
        elif row >= y0 + h:
            self.scroll_to(y=row - h + 1, animate=False, immediate=True)

    def window(self, width: int) -> tuple[int, int]:
        """(first source shown, how many): as many as fit, around the selected one."""
        n = len(self.board.articles)
        fit = max(1, (width - LEFT - RIGHT - MIN_TEXT) // CELL)
        if n <= fit:
            return 0, n
        first = min(max(0, self.board.col - fit // 2), n - fit)
        return first, fit

    # ------------------------------------------------------------------ drawing
    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        first, count = self.window(width)
        if y == 0:
            segs = self._header(first, count, base)
        else:
            row = y - 1 + int(self.scroll_offset.y)
            if row >= len(self.board.rows):
                return Strip([Segment(" " * width, base)], width)
            segs = self._row(row, first, count, base, width)
        line_style = base + self.style("cursor") if y > 0 and y - 1 + int(self.scroll_offset.y) == self.board.row else base
        return Strip(segs).adjust_cell_length(width, line_style).crop(0, width)

    def _header(self, first: int, count: int, base: Style) -> list[Segment]:
        head = base + self.style("header")
        n = len(self.board.articles)
        segs = [Segment(f" {'#':>5} {'src':>4} "[:LEFT], head)]
        for i in range(first, first + count):
            st = head + self.style("header-col") if i == self.board.col else head
            segs.append(Segment(f" {letter(i):<2}"[:CELL], st))
        more = (f"◀{first}" if first else "") + (f" {n - first - count}▶" if first + count < n else "")
        segs.append(Segment(f" {'links':>7} " + " " * 2, head))
        segs.append(Segment("claim", head))
        if more:
            segs.append(Segment(f"   sources {more}", base + self.style("more")))
        return segs

    def _row(self, row: int, first: int, count: int, base: Style, width: int) -> list[Segment]:
        b = self.board
        c = b.claim_at(row)
        is_cursor = row == b.row
        line = base + self.style("cursor") if is_cursor else base
        segs = [Segment("▶" if is_cursor else " ", line + self.style("pointer")),
                Segment(f"{c.id:>5} {len(c.sources):>4} ", line)]
        for i in range(first, first + count):
            what = cell(c, b.articles[i])
            st = line + self.style(what)
            if is_cursor and i == b.col:
                st = st + self.style("col-cursor")
            segs.append(Segment(GLYPH[what], st))
        d = c.decision_counts()
        total = d["accepted"] + d["rejected"] + d["open"]
        decided = total - d["open"]
        segs.append(Segment(f" {f'{decided}/{total}':>7}", line + self.style("decided" if not d["open"] else "open")))
        segs.append(Segment(" ⚠ " if c.flags else "   ", line + self.style("flag")))
        segs.append(Segment(fit(self._text(c.id), width - LEFT - CELL * count - RIGHT), line))
        return segs

    def _text(self, claim_id: int) -> str:
        got = self._texts.get(claim_id)
        if got is None:
            b = self.board
            key, _how = b.target(b.claims.claim(claim_id))
            got = self._texts[claim_id] = " ".join(b.session.sentences[key].text.split())
        return got
