"""The row of article columns. There are a fixed number of slots (as many as fit); scrolling
sideways rebinds the slots to other articles and remembers each article's scroll position."""

from __future__ import annotations

from rich.segment import Segment
from rich.text import Text
from textual.app import ComposeResult
from textual.cache import LRUCache
from textual.containers import Horizontal, Vertical
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget

from reviewer.models import Article, Cluster
from reviewer.review import Navigator
from reviewer.tui.layout import window
from reviewer.tui.state import ViewState
from reviewer.tui.widgets.article_view import ArticleView, plain_lines
from reviewer.tui.widgets.panel import TextPanel

MIN_COLUMN = 38
MIN_NARROW = 29  # below two columns of MIN_COLUMN, two narrower ones rather than one
MAX_SLOTS = 12  # columns on screen at most (a very wide terminal)


def mark_current(widget: Widget, current: bool) -> None:
    """Give ``widget`` the look of the column with the cursor or take it back: the rules of its
    component class ``<prefix>--current`` (in app.tcss), set on it inline. A class would do the
    same, but a change of class has the stylesheet applied to the widget again (about 0.7 ms a
    widget, four of them on every h/l); an inline rule only repaints it."""
    if widget.current == current:
        return
    widget.current = current
    rules = widget.get_component_styles(widget.CURRENT).base.get_rules()
    inline = widget.styles.inline
    if current:
        inline.merge_rules(rules)
    else:
        for name in rules:
            inline.clear_rule(name)
    widget.notify_style_update()
    widget.refresh()


def restyle_current(widget: Widget) -> None:
    """The stylesheet was applied again (another theme): the inline look of the current column
    takes the new values of its component class."""
    if widget.current:
        widget.styles.inline.merge_rules(widget.get_component_styles(widget.CURRENT).base.get_rules())


class PaneTitle(TextPanel):
    """Two lines over a column: the article's id and title, then its source, date and counts."""

    PREFIX = "pane-title"
    CURRENT = "pane-title--current"
    COMPONENT_CLASSES = {"pane-title--head", "pane-title--meta", CURRENT}
    current = False  # the column with the cursor (mark_current)
    # One store for every column's title (the key holds the size and the styles): a column
    # shifted sideways shows the title another column drew a key before.
    _drawn = LRUCache(128)

    def notify_style_update(self) -> None:
        restyle_current(self)
        super().notify_style_update()

    def cache_key(self) -> tuple:
        # The lines drawn for an article are kept: a column bound to it again, or another column
        # bound to it (h/l, a link's article brought on screen) draws its title from them.
        a, counts = self.info
        return (id(a), a.title, a.id, a.lang, len(a.sentences), a.date, a.source, counts)

    def build(self, info: tuple[Article, str]) -> Text:
        a, counts = info
        # What changes while reviewing comes first, so that a narrow column cuts the date, not it.
        width = self.content_size.width or 80
        lang = a.lang if a.lang and a.lang != "und" else ""  # issue 14: the article's language
        parts = [x for x in (counts, lang, f"{len(a.sentences)} sentence{'s' if len(a.sentences) != 1 else ''}", a.date, a.source) if x]
        while len(parts) > 1 and len(" · ".join(parts)) > width:
            parts.pop()  # whole parts left out, never a dangling "·"
        meta = " · ".join(parts)
        # The id first, as the inspector, the top bar and the sidecar name the article (a .jsonl
        # record's title alone could not be told from "→ rt-1:0"), then the title.
        head = f"{a.id} · {a.title}" if a.title and a.title.strip() and a.title != a.id else (a.title or a.id)
        line1 = Text(head, style=self.style_of("head"), overflow="ellipsis", no_wrap=True)
        line2 = Text(meta, style=self.style_of("meta"), overflow="ellipsis", no_wrap=True)
        for line in (line1, line2):  # joined, they wrap as one text: a long title took the meta line
            line.truncate(width, overflow="ellipsis")
        return Text("\n").join([line1, line2])


class PaneEdge(Widget):
    """The line at a column's right (its colour says which column has the cursor): a widget of
    its own, so that moving the cursor to another column restyles only it and the title (a class
    on the whole pane restyled its article view too, with all its component classes). It draws
    the line itself in its colour (a border's colour changing would re-lay out the screen)."""

    EDGE = "▕"  # the right side of a "vkey" border
    CURRENT = "pane-edge--current"
    COMPONENT_CLASSES = {CURRENT}
    current = False  # the column with the cursor (mark_current)

    _drawn: tuple[tuple, list[Strip]] | None = None  # (crop, size): the lines, until restyled

    def render_lines(self, crop: Region) -> list[Strip]:
        # The screen asks for every widget's lines on each frame (its crop spans the top bar
        # to the inspector): the edge hands back the same ones until its style changes.
        key = (crop, self.size)
        if self._drawn is not None and self._drawn[0] == key:
            return self._drawn[1]
        strip = Strip([Segment(self.EDGE * self.size.width, self.rich_style)], self.size.width)
        got = plain_lines(self, crop, lambda _y: strip)
        if got is None:
            return super().render_lines(crop)
        self._drawn = (key, got)
        return got

    def notify_style_update(self) -> None:
        restyle_current(self)
        self._drawn = None
        super().notify_style_update()

    def render(self) -> Text:
        return Text("\n".join([self.EDGE * self.size.width] * self.size.height))


class SameLines:
    """A container draws only its background (its children cover it), yet the screen asks for
    its lines on every frame: the same ones are handed back until its size or style changes."""

    _bg_drawn: tuple[tuple, list[Strip]] | None = None

    def render_lines(self, crop: Region) -> list[Strip]:
        key = (crop, self.size)
        if self._bg_drawn is not None and self._bg_drawn[0] == key:
            return self._bg_drawn[1]
        got = super().render_lines(crop)
        self._bg_drawn = (key, got)
        return got

    def notify_style_update(self) -> None:
        self._bg_drawn = None
        super().notify_style_update()


class ArticlePane(SameLines, Vertical):
    """A column slot; it shows whichever article the horizontal scroll puts in it. The column
    with the cursor has the look ``current`` on its title and edge (not on the pane:
    ``mark_current``)."""

    def __init__(self, article: Article, index: int):
        super().__init__()
        self.article = article
        self.index = index
        self.view = ArticleView(article, index)
        self.title = PaneTitle(classes="pane-title")
        self.edge = PaneEdge()
        self._current: bool | None = None
        self._basis: tuple | None = None  # what the title's counts were made from

    def compose(self) -> ComposeResult:
        yield self.edge
        yield self.title
        yield self.view

    def show(self, article: Article, index: int, scroll_y: int) -> None:
        if self.index != index:
            self.article, self.index = article, index
            self.view.set_article(article, index, scroll_y)

    def update(self, state: ViewState, open_counts: dict[str, int]) -> None:
        current = self.index == state.art
        if current != self._current:
            self._current = current
            mark_current(self.title, current)
            mark_current(self.edge, current)
        self.view.state = state
        s = state.session
        basis = (self.article, s.by_sentence if s else None)
        if self._basis is None or basis[0] is not self._basis[0] or basis[1] is not self._basis[1]:
            self._basis = basis
            n_open = open_counts.get(self.article.id, 0)
            self.title.info = (self.article, f"{n_open} ≠ open" if n_open else "")


class Columns(SameLines, Horizontal):
    def __init__(self, cluster: Cluster, **kwargs):
        super().__init__(**kwargs)
        self.cluster = cluster
        self.slots = [ArticlePane(a, k) for k, a in enumerate(cluster.articles[:MAX_SLOTS])]
        self.first = 0
        self.shown = 1
        self.order = [0]  # the article in each slot on screen (tui.layout.window)
        self.scroll_memo: dict[int, int] = {}
        self._open: tuple[object, dict[str, int]] = (None, {})  # (the session's links, counts)

    def compose(self) -> ComposeResult:
        yield from self.slots

    def lay_out(self, cur_art: int, want: int | None = None, stay: bool = False) -> None:
        """As many columns as fit, scrolled sideways so that article ``cur_art`` is on screen
        (and article ``want``, the selected link's, too when both fit); with ``stay`` (h / l),
        not scrolled at all while ``cur_art`` is on screen."""
        width = self.app.size.width or 120
        n = len(self.cluster.articles)
        fit = width // MIN_COLUMN if width >= 2 * MIN_COLUMN else width // MIN_NARROW
        self.shown = max(1, min(n, len(self.slots), fit))
        self.order = window(self.first, cur_art, want, n, self.shown, self.order, stay)  # with the link's article
        self.first = self.order[0]
        for k, pane in enumerate(self.slots):
            pane.display = k < self.shown
            if k < self.shown:
                idx = self.order[k]
                if pane.index != idx and pane.index >= 0:
                    self.scroll_memo[pane.index] = int(pane.view.scroll_offset.y)
                pane.show(self.cluster.articles[idx], idx, self.scroll_memo.get(idx, 0))

    def update(self, state: ViewState) -> None:
        counts = self.open_counts(state)
        for pane in self.slots[: self.shown]:
            pane.update(state, counts)

    def open_counts(self, state: ViewState) -> dict[str, int]:
        """Open conflict links with an end in each article, counted once per change of the
        links (not per column and key); the same count as ``open_conflict_links``."""
        s = state.session
        links = s.by_sentence if s is not None else None
        if links is not self._open[0]:
            counts: dict[str, int] = {}
            for l in (s.links if s is not None else ()):
                if l.relation == "conflict" and l.decision is None:
                    for art in {l.a[0], l.b[0]}:
                        counts[art] = counts.get(art, 0) + 1
            self._open = (links, counts)
        return self._open[1]

    def visible_articles(self) -> list[str]:
        return [p.article.id for p in self.slots[: self.shown]]

    def pane_of(self, art_idx: int) -> ArticlePane | None:
        k = self.order.index(art_idx) if art_idx in self.order else -1
        return self.slots[k] if 0 <= k < self.shown else None

    def bring_into_view(self, nav: Navigator, sync: bool = True, again: bool = True) -> None:
        """Scroll the cursor into view and, with ``sync``, its linked sentences level with it.

        The selected link's sentence always stands level with the cursor: when it is nearer the
        top of its article than the cursor is to the top of the screen, the cursor's own column
        scrolls too (and every column has a screen of blank lines after its article, so a
        sentence near the end can stand as high as needed). The other linked sentences stand
        as near that row as their columns allow."""
        pane = self.pane_of(nav.art)
        if pane is None:
            return
        view = pane.view
        if view.relayout(view.scrollable_content_region.width) and again:
            # New wrapping (after a resize): the scroll range is only known after the next
            # refresh, so scrolling now could be cut short. Do it again then.
            self.call_after_refresh(self.bring_into_view, nav, sync, False)
        view.ensure_visible(nav.sent)
        if not sync:
            return
        targets = self.level_targets(nav)
        for ov, _idx, _selected in targets:
            if ov.relayout(ov.scrollable_content_region.width) and again:
                self.call_after_refresh(self.bring_into_view, nav, sync, False)
        h = max(1, view.scrollable_content_region.height)
        row = view.row_of(nav.sent)
        upper = min(view.top_of(nav.sent), h - view.sentence_height(nav.sent))
        for ov, idx, selected in targets:
            if selected:
                upper = min(upper, ov.top_of(idx), h - ov.sentence_height(idx))
        row = max(0, min(row, upper))
        view.scroll_sentence_to_row(nav.sent, row)
        for ov, idx, _selected in targets:
            ov.scroll_sentence_to_row(idx, row)

    def level_targets(self, nav: Navigator) -> list[tuple[ArticleView, int, bool]]:
        """One sentence per other column on screen to stand level with the cursor: the selected
        link's (whatever its decision), else the column's first linked sentence."""
        picks: dict[int, tuple[int, bool]] = {}
        focus = nav.focused_link()
        if focus is not None:
            key = focus.other(nav.cursor)
            idx = nav.art_index.get(key[0])
            if idx is not None and idx != nav.art:
                picks[idx] = (key[1], True)
        for key in nav.highlight():
            idx = nav.art_index.get(key[0])
            if idx is not None and idx != nav.art and idx not in picks:
                picks[idx] = (key[1], False)
        out = []
        for idx, (sent, selected) in picks.items():
            pane = self.pane_of(idx)
            if pane is not None:
                out.append((pane.view, sent, selected))
        return out

    def page_target(self, nav: Navigator, step: int) -> int | None:
        """The sentence a page down (up) from the cursor in its column."""
        pane = self.pane_of(nav.art)
        if pane is None:
            return None
        view = pane.view
        h = max(1, view.scrollable_content_region.height - 2)
        line = max(0, min(len(view.lines) - 1, view.tops[nav.sent] + step * h)) if view.tops else 0
        return view.sentence_at(line)

    def column_target(self, nav: Navigator, target: int) -> int:
        """The sentence to land on in article ``target``: the one linked to the cursor if any,
        else the one level with the cursor on screen (or at the same place in the article)."""
        tid = self.cluster.articles[target].id
        linked = [k for k in nav.highlight() if k[0] == tid]
        if linked:
            return linked[0][1]
        cur = self.pane_of(nav.art)
        row = cur.view.row_of(nav.sent) if cur else 0
        tpane = self.pane_of(target)
        n_target = len(self.cluster.articles[target].sentences)
        if tpane is not None and tpane.view.tops:
            idx = tpane.view.sentence_at(int(tpane.view.scroll_offset.y) + max(0, row))
        else:
            idx = int(nav.sent / max(1, nav.n_sentences()) * n_target)
        return min(idx, max(0, n_target - 1))
