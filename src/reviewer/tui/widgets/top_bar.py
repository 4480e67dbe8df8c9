"""The top bar: the cluster, which articles are on screen, and the filter, search and mark."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text

from reviewer.tui.layout import describe_hidden
from reviewer.tui.state import ViewState
from reviewer.tui.visual_order import display
from reviewer.tui.widgets.panel import TextPanel


@dataclass(frozen=True, eq=False)
class TopInfo:
    state: ViewState
    folder: str
    first: int  # first article on screen
    shown: int  # how many are on screen
    order: tuple[int, ...] = ()  # the articles on screen, in article order (a gap when the selected link's is far off)

    def shows(self) -> tuple:
        """Everything the bar draws from: the bar is drawn again only when this changes."""
        st = self.state
        return (st.cluster, self.folder, self.first, self.shown, self.order, st.filter_mode, st.n_hits,
                st.search_query, st.search_pos, st.mark)


def _ranges(order: list[int]) -> str:
    """1-based article numbers as ranges: [0, 2, 3] → "1, 3–4"."""
    runs: list[list[int]] = []
    for k in order:
        if runs and k == runs[-1][-1] + 1:
            runs[-1].append(k)
        else:
            runs.append([k])
    return ", ".join(f"{r[0] + 1}–{r[-1] + 1}" if len(r) > 1 else f"{r[0] + 1}" for r in runs)


class TopBar(TextPanel):
    PREFIX = "top-bar"
    COMPONENT_CLASSES = {"top-bar--name", "top-bar--folder", "top-bar--more", "top-bar--filter", "top-bar--search",
                         "top-bar--mark", "top-bar--help"}

    def cache_key(self) -> tuple:
        # The bar's lines are kept per what it shows: a link's article brought beside the
        # cursor's and gone again on the next key brings back a bar drawn before.
        st = self.info.state
        return (id(st.cluster), len(st.cluster.articles), *self.info.shows()[1:])

    def _off_screen(self, ids: list[str], order: list[int], named: int) -> Text:
        """Which articles are off screen, left, between and right: by name when they fit
        (``named``: the longest name), else counted (0: "1 more", -1: the bare count)."""
        left, between, right = ([ids[k] for k in ks] for ks in describe_hidden(order, len(ids)))

        def names(xs: list[str]) -> str:
            if named <= 0:
                return f"{len(xs)} more" if named == 0 else f"{len(xs)}"
            short = [x if len(x) <= named else x[:named - 1] + "…" for x in xs[:3]]  # only 3 are shown
            return ", ".join(short[:3]) + (f" +{len(xs) - 3}" if len(xs) > 3 else "")

        nav = Text()
        nav.append(f"◀ {names(left)} " if left else "", style=self.style_of("more"))
        nav.append(f"[{_ranges(order)} of {len(ids)}]")
        if between:
            nav.append(f" ({names(between).replace(' more', '')} off screen)" if named >= 0
                       else f" (+{len(between)})", style=self.style_of("more"))
        nav.append(f" {names(right)} ▶" if right else "", style=self.style_of("more"))
        return nav

    def build(self, info: TopInfo) -> Text:
        """The bar at the panel's width: when it does not fit, the parts are shortened and then
        left out whole, the least needed first; the articles' position, what is off screen on
        either side and "? help" stay (a narrow terminal cut them off at its right end)."""
        st = info.state
        n = len(st.cluster.articles)
        order = list(info.order) or list(range(info.first, info.first + info.shown))
        left, right = order[0], n - 1 - order[-1]
        width = self.content_size.width or 120
        nav: list[Text] = []
        if left > 0 or right > 0 or len(order) < order[-1] - order[0] + 1:
            ids = [a.id for a in st.cluster.articles]
            nav = [self._off_screen(ids, order, named) for named in (14, 8, 0, -1)]
        query = display(st.search_query if len(st.search_query) <= 12 else st.search_query[:11] + "…")
        # Each part's forms, longest first; None: left out.
        forms: dict[str, list[Text | None]] = {
            "name": [Text(" reviewer ", style=self.style_of("name")), None],
            "folder": [Text(f" {info.folder} · {n} article{'' if n == 1 else 's'} ", style=self.style_of("folder")),
                       Text(f" {info.folder} ", style=self.style_of("folder")), None],
            "nav": nav or [None],
            "filter": [Text(f"  filter: {st.filter_mode}", style=self.style_of("filter")),
                       Text(f" filter: {st.filter_mode}", style=self.style_of("filter")), None]
            if st.filter_mode != "all" else [None],
            "search": [Text(f"  search “{display(st.search_query)}”: {st.search_pos + 1}/{st.n_hits}",
                            style=self.style_of("search")),
                       Text(f" “{query}” {st.search_pos + 1}/{st.n_hits}", style=self.style_of("search")), None]
            if st.n_hits else [None],
            "mark": [Text(f"  marked {st.mark[0]}:{st.mark[1]} (= match, ! conflict)", style=self.style_of("mark")),
                     Text(f" marked {st.mark[0]}:{st.mark[1]}", style=self.style_of("mark")), None]
            if st.mark else [None],
            "help": [Text("   ? help", style=self.style_of("help")), Text(" ? help", style=self.style_of("help"))],
        }
        pick = dict.fromkeys(forms, 0)
        # The steps to a shorter bar, in order: shorter names, then the least needed parts.
        steps = ["nav", "name", "folder", "nav", "mark", "search", "filter", "help", "folder", "mark", "nav",
                 "search", "filter"]

        def assemble() -> Text:
            return Text.assemble(*(f for k, i in pick.items() if (f := forms[k][i]) is not None))

        top = assemble()
        for k in steps:
            if top.cell_len <= width:
                break
            if pick[k] + 1 < len(forms[k]):
                pick[k] += 1
                top = assemble()
        top.no_wrap = True
        top.overflow = "ellipsis"
        return top
