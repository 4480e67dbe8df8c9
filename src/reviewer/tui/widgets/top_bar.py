"""The top bar: the cluster, which articles are on screen, and the filter, search and mark."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text

from reviewer.tui.layout import describe_hidden
from reviewer.tui.state import ViewState
from reviewer.tui.widgets.panel import TextPanel


@dataclass(frozen=True, eq=False)
class TopInfo:
    state: ViewState
    folder: str
    first: int  # first article on screen
    shown: int  # how many are on screen
    order: tuple[int, ...] = ()  # the articles on screen (a gap when the selected link's stands beside the cursor's)

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

    def _off_screen(self, ids: list[str], order: list[int], named: int) -> Text:
        """Which articles are off screen, left, between and right: by name when they fit, else counted."""
        left, between, right = ([ids[k] for k in ks] for ks in describe_hidden(order, len(ids)))

        def names(xs: list[str]) -> str:
            if not named:
                return f"{len(xs)} more"
            short = [x if len(x) <= named else x[:named - 1] + "…" for x in xs]
            return ", ".join(short[:3]) + (f" +{len(xs) - 3}" if len(xs) > 3 else "")

        nav = Text()
        nav.append(f"◀ {names(left)} " if left else "", style=self.style_of("more"))
        nav.append(f"[{_ranges(order)} of {len(ids)}]")
        nav.append(f" ({names(between).replace(' more', '')} off screen)" if between else "",
                   style=self.style_of("more"))
        nav.append(f" {names(right)} ▶" if right else "", style=self.style_of("more"))
        return nav

    def build(self, info: TopInfo) -> Text:
        st = info.state
        n = len(st.cluster.articles)
        order = list(info.order) or list(range(info.first, info.first + info.shown))
        left, right = order[0], n - 1 - order[-1]
        parts = [Text(" reviewer ", style=self.style_of("name")),
                 Text(f" {info.folder} · {n} articles ", style=self.style_of("folder"))]
        if left > 0 or right > 0 or len(order) < order[-1] - order[0] + 1:
            ids = [a.id for a in st.cluster.articles]
            width = self.content_size.width or 120
            used = sum(p.cell_len for p in parts) + 9
            for named in (14, 8, 0):  # by name, by a shorter name, else counted
                nav = self._off_screen(ids, order, named)
                if used + nav.cell_len <= width:
                    break
            parts.append(nav)
        if st.filter_mode != "all":
            parts.append(Text(f"  filter: {st.filter_mode}", style=self.style_of("filter")))
        if st.n_hits:
            parts.append(Text(f"  search “{st.search_query}”: {st.search_pos + 1}/{st.n_hits}",
                              style=self.style_of("search")))
        if st.mark:
            parts.append(Text(f"  marked {st.mark[0]}:{st.mark[1]} (= match, ! conflict)", style=self.style_of("mark")))
        parts.append(Text("   ? help", style=self.style_of("help")))
        top = Text.assemble(*parts)
        top.no_wrap = True
        top.overflow = "ellipsis"
        return top
