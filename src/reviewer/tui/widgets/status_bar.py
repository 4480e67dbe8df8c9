"""The status bar: who reviews, whether the work is saved, progress, and the sidecar's path."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from rich.text import Text

from reviewer.tui.widgets.panel import TextPanel


def short_path(path: str | Path) -> str:
    """The sidecar path as a person reads it: relative to here, else with ~ for the home folder."""
    p = Path(path)
    try:
        return str(p.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        pass
    home = str(Path.home())
    s = str(p)
    return "~" + s[len(home):] if home not in ("", "/") and s.startswith(home + os.sep) else s


def tail_path(path: str | Path) -> str:
    """The path cut to its file name: ``…/name.review.toml``."""
    p = Path(path)
    return f"…{os.sep}{p.name}" if p.parent != Path(".") else p.name


def fold_path(text: str, width: int) -> str:
    """Break long words (paths) at their separators so that a line of ``width`` cells never
    cuts a name in the middle: for toasts, which wrap at spaces only."""
    out: list[str] = []
    for word in text.split(" "):
        if len(word) <= width or os.sep not in word:
            out.append(word)
            continue
        lines, cur = [], ""
        for piece in word.split(os.sep):
            piece = piece + os.sep
            if cur and len(cur) + len(piece) > width:
                lines.append(cur)
                cur = ""
            cur += piece
        lines.append(cur[:-1])
        out.append("\n".join(lines))
    return " ".join(out)


@dataclass(frozen=True)
class StatusInfo:
    reviewer: str
    saved: str  # read-only | not-saved | unsaved | saved | untouched (no change yet, nothing written)
    progress: dict[str, int]
    align_status: str
    orphans: int
    sidecar: str
    message: str = ""  # the last short message (filter changed, end of the list, links suggested…)


SAVED = {"read-only": " READ-ONLY ", "not-saved": " NOT SAVED ", "unsaved": "● unsaved", "saved": "✓ saved",
         "untouched": "no changes"}
SEP = " · "


class StatusBar(TextPanel):
    PREFIX = "status-bar"
    COMPONENT_CLASSES = {"status-bar--reviewer", "status-bar--read-only", "status-bar--not-saved",
                         "status-bar--unsaved", "status-bar--saved", "status-bar--conflicts", "status-bar--orphans",
                         "status-bar--path", "status-bar--message", "status-bar--untouched"}

    lines = 1  # 2 while a message too long for one line is shown

    def watch_info(self) -> None:
        self._fit_height()
        self.refresh()

    def on_resize(self) -> None:
        self._fit_height()

    def _fit_height(self) -> None:
        """One line, or two while the news does not fit on one with the saved state (a long
        message on a small terminal was cut in the middle): the bar grows upwards for it."""
        info = self.info
        width = self.content_size.width
        lines = 2 if info is not None and info.message and width and self._news(info).cell_len > width else 1
        if lines != self.lines:
            self.lines = lines
            self.styles.height = lines

    def _news(self, info: StatusInfo) -> Text:
        """The message and the saved state: what is kept when the bar is narrowest."""
        return Text(SEP).join([Text(f"▸ {info.message}", style=self.style_of("message")),
                               Text(SAVED[info.saved], style=self.style_of(info.saved))])

    def build(self, info: StatusInfo) -> Text:
        """The parts that fit, most important first kept: the sidecar's path is first shortened
        to ``…/name``, then parts are left out whole (never cut in the middle). A message that
        does not fit on the line is shown on two, with the saved state alone beside it."""
        if info.message and self.lines > 1:
            width = self.content_size.width or 80
            wrapped = list(self._news(info).wrap(self.app.console, width, overflow="fold"))
            if len(wrapped) > 2:
                wrapped[1].truncate(width - 1)
                wrapped[1].rstrip()
                wrapped[1].append("…")
            text = Text("\n").join(wrapped[:2])
            text.no_wrap = True
            return text
        p = info.progress
        n_open = p["conflicts_open"]
        # (priority: lower is dropped first, text)
        parts: list[tuple[int, Text]] = [
            (9, Text(f"▸ {info.message}", style=self.style_of("message"))) if info.message else (0, Text()),
            (8, Text(info.reviewer, style=self.style_of("reviewer"))),
            (10, Text(SAVED[info.saved], style=self.style_of(info.saved))),
            (6, Text(f"links {p['reviewed']}/{p['suggested']} reviewed" + (f" +{p['manual']} manual" if p["manual"] else ""))),
            (3, Text(f"{p['tagged']} tagged")),
            (7, Text(f"{n_open} ≠ open in all", style=self.style_of("conflicts") if n_open else "")),
            (9, Text(info.align_status)) if info.align_status else (0, Text()),
            (5, Text(f"{info.orphans} orphan{'s' if info.orphans != 1 else ''}", style=self.style_of("orphans")))
            if info.orphans else (0, Text()),
            (4, Text(short_path(info.sidecar), style=self.style_of("path"))),
        ]
        parts = [(prio, t) for prio, t in parts if t.plain]
        width = self.content_size.width or 200
        path_at = len(parts) - 1

        def join(ps: list[tuple[int, Text]]) -> Text:
            return Text(SEP).join(t for _, t in ps)

        if join(parts).cell_len > width:
            parts[path_at] = (parts[path_at][0], Text(tail_path(info.sidecar), style=self.style_of("path")))
        while join(parts).cell_len > width and len(parts) > 1:
            lowest = min(range(len(parts)), key=lambda i: (parts[i][0], -i))
            del parts[lowest]
        text = join(parts)
        text.no_wrap = True
        text.overflow = "ellipsis"
        return text
