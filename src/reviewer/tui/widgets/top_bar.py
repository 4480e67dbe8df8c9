"""The top bar: the cluster, which articles are on screen, and the filter, search and mark."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text

from reviewer.tui.state import ViewState
from reviewer.tui.widgets.panel import TextPanel


@dataclass(frozen=True, eq=False)
class TopInfo:
    state: ViewState
    folder: str
    first: int  # first article on screen
    shown: int  # how many are on screen


class TopBar(TextPanel):
    PREFIX = "top-bar"
    COMPONENT_CLASSES = {"top-bar--name", "top-bar--folder", "top-bar--more", "top-bar--filter", "top-bar--search",
                         "top-bar--mark", "top-bar--help"}

    def _off_screen(self, ids: list[str], first: int, shown: int, named: int) -> Text:
        """Which articles are off screen, left and right: by name when they fit, else counted."""
        left, right = ids[:first], ids[first + shown:]

        def names(xs: list[str]) -> str:
            if not named:
                return f"{len(xs)} more"
            short = [x if len(x) <= named else x[:named - 1] + "…" for x in xs]
            return ", ".join(short[:3]) + (f" +{len(xs) - 3}" if len(xs) > 3 else "")

        nav = Text()
        nav.append(f"◀ {names(left)} " if left else "", style=self.style_of("more"))
        nav.append(f"[{first + 1}–{first + shown} of {len(ids)}]")
        nav.append(f" {names(right)} ▶" if right else "", style=self.style_of("more"))
        return nav

    def build(self, info: TopInfo) -> Text:
        st = info.state
        n = len(st.cluster.articles)
        left, right = info.first, n - info.first - info.shown
        parts = [Text(" reviewer ", style=self.style_of("name")),
                 Text(f" {info.folder} · {n} articles ", style=self.style_of("folder"))]
        if left > 0 or right > 0:
            ids = [a.id for a in st.cluster.articles]
            width = self.content_size.width or 120
            used = sum(p.cell_len for p in parts) + 9
            for named in (14, 8, 0):  # by name, by a shorter name, else counted
                nav = self._off_screen(ids, info.first, info.shown, named)
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
