"""One article as a column: a Line-API ``ScrollView`` that draws only the visible lines.

Each sentence is a block of wrapped lines with a gutter in front of it:

    ▶≠✓KEY Three drones were involved in the
           assassination, according to ...

- ``▶`` marks the cursor;
- next cell: ``≠`` (red) when the sentence has an open conflict, ``≢`` (yellow) when its
  conflicts are all decided (accepted), ``≈`` (green) when it has a match, blank otherwise;
  rejected links do not count;
- second cell: ``✓`` when every link of the sentence is decided, ``·`` when some are not;
- then the short name of its first label (``+`` when it has more), in the label's colour;
- ``*`` after the labels when it has a note; ``▌`` in the first cell marks the sentence
  picked with space for a manual link.

What a move costs follows what changed on screen:

- layout (wrapping) is computed once per article and width, and shared by every column that
  shows the article (scrolling sideways rebinds columns without wrapping again);
- the look of a sentence (``SentenceLook``: gutter, cursor and link highlight, spans) is computed
  once per state and only for sentences that are drawn;
- rendered lines are cached per (sentence, line of it, width, look), so a line whose look did
  not change is never built again, and a new state repaints only the visible sentences whose
  look changed (scrolling repaints the view from the cache).

The column draws from its ``state`` reactive (a ``ViewState``); colours come from its component
classes in app.tcss (a style change clears the line cache).
"""

from __future__ import annotations

from collections.abc import Callable

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.reactive import var
from textual.scroll_view import ScrollView
from textual.scrollbar import ScrollBar, ScrollBarRender
from textual.strip import Strip
from textual.widget import Widget, _RenderCache

from reviewer.models import Article
from reviewer.tui.messages import ColumnRelaid, SentenceClicked
from reviewer.tui.state import DECIDED_CONFLICT, SentenceLook, ViewState, look
from reviewer.tui.wrap import has_rtl, is_rtl, line_levels, visual_order, wrap_offsets

GUTTER = 8

Layout = tuple[list[tuple[int, int, int]], list[int]]
# (id of the sentence list, width) -> (the sentence list, lines, tops); the list itself is kept
# in the value, so that its id cannot be reused while the entry lives.
_LAYOUTS: LRUCache[tuple[int, int], tuple[object, list[tuple[int, int, int]], list[int]]] = LRUCache(64)


def layout(article: Article, width: int) -> Layout:
    """The wrapped lines of an article at a column width: (sentence index or -1 for the blank
    line after each sentence, start, end) per line, and the first line of each sentence."""
    key = (id(article.sentences), width)
    got = _LAYOUTS.get(key)
    if got is not None and got[0] is article.sentences:
        return got[1], got[2]
    text_width = max(8, width - GUTTER - 1)
    lines: list[tuple[int, int, int]] = []
    tops: list[int] = []
    for s in article.sentences:
        tops.append(len(lines))
        for start, end in wrap_offsets(s.text.replace("\n", " "), text_width):
            lines.append((s.index, start, end))
        lines.append((-1, 0, 0))
    _LAYOUTS[key] = (article.sentences, lines, tops)
    return lines, tops


def plain_lines(widget: Widget, crop: Region, line: Callable[[int], Strip]) -> list[Strip] | None:
    """The lines of ``widget`` in ``crop``, as the stock ``render_lines`` draws them when the
    widget has no border, padding, outline, tint or opacity (None when it has one): with the
    strips ``line(y)`` gives, themselves, not copies. The stock path wraps every line of a
    scrolled column in a new strip, so the caches that live on the strips (the filters', the
    compositor's cuts) never hit, and a key that scrolls the columns paid for every line again."""
    styles = widget.styles
    if (any(styles.gutter) or any(edge for edge, _ in styles.outline) or styles.tint.a
            or widget.opacity != 1.0 or styles.text_opacity != 1.0
            or (styles.has_rule("hatch") and styles.hatch != "none")):
        return None
    width = widget.content_region.width
    filters = widget.get_line_filters()
    background = widget.background_colors[1]
    pad = Style.from_color(bgcolor=background.rich_color)  # as the stock path pads a short line
    out = []
    for y in crop.line_range:
        strip = line(y)
        if strip.cell_length != width:
            strip = strip.adjust_cell_length(width, pad)
        for line_filter in filters:
            strip = strip.apply_filter(line_filter, background)
        out.append(strip)
    if crop.column_span != (0, width):
        x1, x2 = crop.column_span
        out = [strip.crop(x1, x2) for strip in out]
    return out


# (id of an article, the styles a column draws with: ArticleView._looks_of_styles) -> (the
# article, its lines drawn: ArticleView._render), shared by the columns
_LINES: LRUCache[tuple, tuple[Article, LRUCache[tuple, Strip]]] = LRUCache(24)  # 2048 lines each

# (width, visual style, bar style, segment of one line) -> the strip of that line, shared by
# every column: a bar has a handful of distinct lines (track above, thumb, its ends, track below)
_BAR_LINES: LRUCache[tuple, Strip] = LRUCache(256)
# (the bar's key, crop, background, line filters) -> the bar with the widget's styles applied
_BARS: LRUCache[tuple, list[Strip]] = LRUCache(1024)


class ColumnScrollBar(ScrollBar):
    """The stock vertical scroll bar, drawn from the strips of lines already drawn: the stock
    path builds a strip per line on every scroll, which was most of the cost of a key."""

    _bar_key: tuple | None = None

    def render_lines(self, crop: Region) -> list[Strip]:
        if self._dirty_regions:
            self._render_content()
        if self._bar_key is None:
            return super().render_lines(crop)
        key = (self._bar_key, crop, self.background_colors, tuple(self.get_line_filters()))
        got = _BARS.get(key)
        if got is None:
            lines = self._render_cache.lines
            blank = Strip.blank(self.size.width, self.visual_style.rich_style)
            got = plain_lines(self, crop, lambda y: lines[y] if y < len(lines) else blank)
            got = _BARS[key] = got if got is not None else super().render_lines(crop)
        return got

    def _render_content(self) -> None:
        self._bar_key = None
        bar = self.render()
        width, height = self.size
        if type(bar) is not ScrollBarRender or not bar.vertical or not isinstance(bar.style, Style):
            super()._render_content()
            return
        segments = bar.render_bar(
            size=height, virtual_size=bar.virtual_size, window_size=bar.window_size, position=bar.position,
            thickness=width, vertical=True, back_color=bar.style.bgcolor, bar_color=bar.style.color).segments
        base = (width, self.visual_style, bar.style)
        lines = [_BAR_LINES.get((*base, seg)) for seg in segments]
        if None in lines:
            super()._render_content()  # the stock path, whose lines are then kept per segment
            drawn = self._render_cache.lines
            if len(drawn) == len(segments):
                for seg, strip in zip(segments, drawn):
                    _BAR_LINES[(*base, seg)] = strip
            return
        self._render_cache = _RenderCache(self.size, lines)
        self._dirty_regions.clear()
        self._bar_key = (base, self.size, tuple(segments))


class ArticleView(ScrollView, can_focus=False):
    COMPONENT_CLASSES = {
        "article-view--pointer", "article-view--mark", "article-view--conflict", "article-view--match",
        "article-view--decided-conflict",
        "article-view--no-link", "article-view--reviewed", "article-view--unreviewed", "article-view--note",
        "article-view--dim", "article-view--cursor", "article-view--linked-conflict", "article-view--linked-match",
        "article-view--evidence-conflict", "article-view--evidence-match", "article-view--search",
    }
    state: var[ViewState | None] = var(None, init=False)
    _looks_of_styles: tuple | None = None  # the styles the lines were drawn with

    def __init__(self, article: Article, index: int, **kwargs):
        super().__init__(**kwargs)
        self.article = article
        self.index = index
        self._width = -1
        self._pad = 0  # blank lines after the article, when a sentence near its end must stand high
        self.lines: list[tuple[int, int, int]] = []  # (sentence index or -1, start, end)
        self.tops: list[int] = []  # first line of each sentence
        # (sentence, offsets of the line, width, look) -> strip, per article (the last few this
        # column showed: h/l and links bring the same ones back)
        self._caches: dict[int, tuple[Article, LRUCache[tuple, Strip]]] = {}
        self._cache: LRUCache[tuple, Strip] = self._cache_of(article)
        self._looks: dict[int, SentenceLook] = {}  # under the current state
        self._drawn: dict[int, SentenceLook] = {}  # the look each sentence was last drawn with
        self._styles: dict[str, Style] = {}
        self._gutters: dict[tuple, tuple[Segment, ...]] = {}  # the gutter's look -> its segments
        self._looks_of_styles: tuple | None = None  # the styles the lines were drawn with

    @property
    def vertical_scrollbar(self) -> ScrollBar:
        """The column's scroll bar (Widget.vertical_scrollbar, with ColumnScrollBar)."""
        if self._vertical_scrollbar is None:
            self._vertical_scrollbar = bar = ColumnScrollBar(
                vertical=True, name="vertical", thickness=self.scrollbar_size_vertical)
            bar.display = False
            self.app._start_widget(self, bar)
        return self._vertical_scrollbar

    def watch_state(self) -> None:
        """A new state: repaint only the visible sentences whose look changed."""
        self._looks = {}
        if self._width <= 0 or not self.tops or self.state is None:
            self.refresh()
            return
        y0 = int(self.scroll_offset.y)
        y1 = y0 + self.scrollable_content_region.height
        idx = self.sentence_at(y0)
        drawn = self._drawn
        # One refresh for all of them (as refresh_lines each, without the widget's caches
        # being cleared and the idle check made once per sentence: ~20 a key on a dense cluster).
        width, oy = max(self.virtual_size.width, self.size.width), self.scroll_offset.y
        dirty = []
        while idx < len(self.tops) and self.tops[idx] < y1:
            now = self._look(idx)
            if drawn.get(idx) != now:
                dirty.append(Region(0, self.tops[idx] - oy, width, self.sentence_height(idx)))
            idx += 1
        if dirty:
            self.refresh(*dirty)

    def notify_style_update(self) -> None:
        """Forget the drawn lines when a style they use changed. A change of class on the
        column's pane (``current``, on every h/l) comes here too, and redrawing the column
        from nothing then was most of the cost of the key."""
        super().notify_style_update()
        looks = (self.rich_style, tuple(self.get_component_rich_style(name, partial=True, default=Style())
                                        for name in sorted(self.COMPONENT_CLASSES)))
        if looks != self._looks_of_styles:
            self._looks_of_styles = looks
            self.redraw()

    def style(self, name: str) -> Style:
        """The style of a component class (``article-view--NAME``), looked up once per change."""
        got = self._styles.get(name)
        if got is None:
            got = self._styles[name] = self.get_component_rich_style(f"article-view--{name}", partial=True)
        return got

    def set_article(self, article: Article, index: int, scroll_y: int = 0) -> None:
        """Show another article in this column (columns are reused when scrolling sideways)."""
        self.article = article
        self.index = index
        self._width = -1
        self._looks = {}
        self.relayout(self.scrollable_content_region.width)
        self.scroll_to(y=scroll_y, animate=False, immediate=True)

    # ------------------------------------------------------------------ layout
    def relayout(self, width: int) -> bool:
        """Wrap the sentences to ``width``; True when the layout changed (the scroll range
        then changes on the next refresh)."""
        if width == self._width or width <= 0:
            return False
        self._width = width
        self.lines, self.tops = layout(self.article, width)
        self._set_virtual_size()
        self.redraw(styles=False)
        return True

    def _set_virtual_size(self) -> bool:
        """Set the scroll range; True when it is only known after the next refresh (the view
        was laid out again: a scroll to a line past the old range must wait for it)."""
        size = Size(max(1, self._width), len(self.lines) + self._pad)
        old = self.virtual_size
        tall = self.container_size.height
        if old.width == size.width and tall and (old.height > tall) == (size.height > tall):
            # Only the blank lines after the article changed (a sentence near its end must stand
            # high): the scroll range and the bar change, nothing else on screen moves. Setting
            # the reactive would lay out the whole screen again and repaint it all (about
            # 100 ms a key on a 10k cluster); update the scroll range and the bar only.
            self.set_reactive(ArticleView.virtual_size, size)
            self._scroll_update(size)
            return False
        self.virtual_size = size
        return True

    def on_resize(self) -> None:
        if self.relayout(self.scrollable_content_region.width):
            self.post_message(ColumnRelaid())

    def redraw(self, styles: bool = True) -> None:
        """Forget every rendered line (the styles or the article changed) and repaint. The
        styles and the gutters (made of styles and looks only) are kept with ``styles=False``
        (another article or width: the column's looks are the same)."""
        if styles:
            self._base_style = None
            self._styles = {}
            self._gutters = {}
            self._caches = {}
        self._cache = self._cache_of(self.article)
        self._drawn = {}
        self.refresh()

    def _cache_of(self, article: Article) -> LRUCache[tuple, Strip]:
        """The strips drawn for ``article`` (kept while the article object lives: it is held
        here), shared by every column drawing with the same styles: an article that moves to
        another column (h/l, a link's article brought on screen) keeps its lines."""
        if self._looks_of_styles is not None:
            key = (id(article), self._looks_of_styles)
            got = _LINES.get(key)
            if got is None or got[0] is not article:
                got = _LINES[key] = (article, LRUCache(2048))
            return got[1]
        got = self._caches.get(id(article))
        if got is None or got[0] is not article:
            if len(self._caches) >= 4:
                self._caches.pop(next(iter(self._caches)))
            got = self._caches[id(article)] = (article, LRUCache(2048))
        return got[1]

    def sentence_height(self, idx: int) -> int:
        if not self.tops:
            return 1
        nxt = self.tops[idx + 1] if idx + 1 < len(self.tops) else len(self.lines)
        return nxt - self.tops[idx] - 1

    def sentence_at(self, y: int) -> int:
        """The sentence on (or just before) content line y."""
        if not self.tops:
            return 0
        lo, hi = 0, len(self.tops) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.tops[mid] <= y:
                lo = mid
            else:
                hi = mid - 1
        return lo

    def scroll_sentence_to_row(self, idx: int, row: int) -> None:
        """Scroll so that sentence ``idx`` starts ``row`` lines from the top of the view (as near
        as it goes when the sentence is nearer the top of the article than ``row``)."""
        if not self.tops or idx >= len(self.tops):
            return
        target = max(0, self.tops[idx] - row)
        # Like a side-by-side diff view: blank lines after the article when a sentence near its
        # end must stand higher than the last screenful allows (none otherwise).
        pad = max(0, target + self.scrollable_content_region.height - len(self.lines)) if target else 0
        later = False
        if pad != self._pad:
            self._pad = pad
            later = self._set_virtual_size()
        self.scroll_to(y=target, animate=False, immediate=True)
        if later and int(self.scroll_offset.y) != target:
            # a short article's first blank lines: its scroll range grows at the next refresh
            self.call_after_refresh(self.scroll_to, y=target, animate=False, immediate=True)

    def on_click(self, event) -> None:
        """A click on a sentence puts the cursor there (a click on the blank lines after the
        article, or before the alignment's layout, does nothing)."""
        y = int(event.y + self.scroll_offset.y)
        if not self.tops or y >= len(self.lines) or event.x >= self.scrollable_content_region.width:
            return
        event.stop()
        self.post_message(SentenceClicked(self.index, self.sentence_at(y)))

    def top_of(self, idx: int) -> int:
        return self.tops[idx] if 0 <= idx < len(self.tops) else 0

    def ensure_visible(self, idx: int) -> None:
        if not self.tops or idx >= len(self.tops):
            return
        top = self.tops[idx]
        bottom = top + self.sentence_height(idx)
        y0 = int(self.scroll_offset.y)
        h = self.scrollable_content_region.height
        if top < y0:
            self.scroll_to(y=max(0, top - 1), animate=False, immediate=True)
        elif bottom > y0 + h:
            self.scroll_to(y=max(0, min(top - 1, bottom - h + 1)), animate=False, immediate=True)

    def row_of(self, idx: int) -> int:
        if not self.tops or idx >= len(self.tops):
            return 0
        return self.tops[idx] - int(self.scroll_offset.y)

    # ------------------------------------------------------------------ drawing
    def render_lines(self, crop: Region) -> list[Strip]:
        y0, width, full = int(self.scroll_offset.y), self.scrollable_content_region.width, self.content_region.width
        got = plain_lines(self, crop, lambda y: self._render(y + y0, width, full))
        return got if got is not None else super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        return self._render(y + int(self.scroll_offset.y), self.scrollable_content_region.width)

    _base_style = None

    def _look(self, idx: int) -> SentenceLook:
        got = self._looks.get(idx)
        if got is None:
            got = self._looks[idx] = look(self.state, (self.article.id, idx))
        return got

    def _render(self, line_no: int, width: int, full: int = 0) -> Strip:
        """Line ``line_no`` drawn ``width`` cells wide, then blank up to ``full`` cells (the
        widget's whole width: the scroll bar's column, which the bar covers)."""
        if self._base_style is None:
            self._base_style = self.rich_style
        base = self._base_style
        full = max(full, width)
        if line_no >= len(self.lines) or self.state is None or self.lines[line_no][0] < 0:
            key = (-1, 0, full, None)
            strip = self._cache.get(key)
            if strip is None:
                strip = self._cache[key] = Strip([Segment(" " * full, base)], full)
            return strip
        idx, start, end = self.lines[line_no]
        st = self._look(idx)
        self._drawn[idx] = st
        first = line_no == self.tops[idx]
        key = (idx, start, end, first, width, full, st)
        strip = self._cache.get(key)
        if strip is None:
            strip = self._cache[key] = self._build(idx, start, end, first, st, width, base, full)
        return strip

    def _build(self, idx: int, start: int, end: int, first: bool, st: SentenceLook, width: int,
               base: Style, full: int) -> Strip:
        text_style = base
        if st.dim:
            text_style = text_style + self.style("dim")
        if st.linked:
            text_style = text_style + self.style(f"linked-{st.linked}")
        if st.cursor:
            text_style = text_style + self.style("cursor")
        segs = list(self._gutter(st, base)) if first else [Segment(" " * GUTTER, base)]
        text = self.article.sentences[idx].text.replace("\n", " ")
        cells = GUTTER + cell_len(text[start:end])
        pad_style = text_style if st.cursor else base
        if has_rtl(text):
            rtl = is_rtl(text)
            body = self._visual(text, start, end, st, text_style, rtl)
            if rtl and cells < width - 1:  # right-to-left lines stand on the right of the column
                segs.append(Segment(" " * (width - 1 - cells), pad_style))
                cells = width - 1
            segs += body
        else:
            segs += self._text(text, start, end, st, text_style)
        if cells <= width - 1:
            if cells < width - 1:
                segs.append(Segment(" " * (width - 1 - cells), pad_style))
            segs.append(Segment(" " * (full - width + 1), base))  # and the scroll bar's column
            return Strip(segs, full)
        strip = Strip(segs).adjust_cell_length(width - 1, text_style if st.cursor else base)
        return Strip(list(strip) + [Segment(" " * (full - width + 1), base)]).crop(0, full)

    def _gutter(self, st: SentenceLook, base: Style) -> tuple[Segment, ...]:
        key = (st.cursor, st.marked, st.link_glyph, st.review_glyph, st.label_short, st.label_color,
               st.more_labels, st.note)
        got = self._gutters.get(key)
        if got is None:
            got = self._gutters[key] = tuple(self._make_gutter(st, base))
        return got

    def _make_gutter(self, st: SentenceLook, base: Style) -> list[Segment]:
        glyph = {"≠": "conflict", "≈": "match", DECIDED_CONFLICT: "decided-conflict"}.get(st.link_glyph, "no-link")
        g0 = Segment("▌", base + self.style("mark")) if st.marked else \
            Segment(st.link_glyph or " ", base + self.style(glyph))
        g1 = Segment(st.review_glyph, base + self.style("reviewed" if st.review_glyph == "✓" else "unreviewed"))
        g2 = Segment(f"{st.label_short:<3}"[:3] + ("+" if st.more_labels else " "),
                     base + Style(color=st.label_color, bold=True)) if st.label_short else Segment("    ", base)
        g3 = Segment("*" if st.note else " ", base + self.style("note"))
        return [Segment("▶" if st.cursor else " ", base + self.style("pointer")), g0, g1, g2, g3]

    def _visual(self, text: str, start: int, end: int, st: SentenceLook, text_style: Style,
                rtl: bool) -> list[Segment]:
        """A line with right-to-left text, in display order (``wrap.visual_order``), each
        character in the style of its logical place, so that highlights stay on their words."""
        styles = [text_style] * (end - start)
        pos = start
        for span in sorted((s for s in st.spans if s.start < end and s.end > start), key=lambda s: (s.start, s.end)):
            a, b = max(span.start, start, pos), min(span.end, end)
            span_style = text_style + self.style(span.kind)
            for k in range(a, b):
                styles[k - start] = span_style
            pos = max(pos, b)
        out: list[Segment] = []
        run, run_style = [], None
        for k, ch in visual_order(text[start:end], rtl, line_levels(text, start, end, rtl)):
            style = styles[k]
            if style is not run_style and run:
                out.append(Segment("".join(run), run_style))
                run = []
            run_style = style
            run.append(ch)
        if run:
            out.append(Segment("".join(run), run_style))
        return out

    def _text(self, text: str, start: int, end: int, st: SentenceLook, text_style: Style) -> list[Segment]:
        """The part [start, end) of the sentence, its evidence and search spans highlighted."""
        segs: list[Segment] = []
        pos = start
        for span in sorted((s for s in st.spans if s.start < end and s.end > start), key=lambda s: (s.start, s.end)):
            a, b = max(span.start, start), min(span.end, end)
            if a > pos:
                segs.append(Segment(text[pos:a], text_style))
            if b > max(a, pos):
                segs.append(Segment(text[max(a, pos):b], text_style + self.style(span.kind)))
            pos = max(pos, b)
        if pos < end:
            segs.append(Segment(text[pos:end], text_style))
        return segs
