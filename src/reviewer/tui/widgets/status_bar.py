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
    saved: str  # read-only | not-saved | unsaved | saved
    progress: dict[str, int]
    align_status: str
    orphans: int
    sidecar: str
    message: str = ""  # the last short message (filter changed, end of the list, links suggested…)


SAVED = {"read-only": " READ-ONLY ", "not-saved": " NOT SAVED ", "unsaved": "● unsaved", "saved": "✓ saved"}
SEP = " · "


class StatusBar(TextPanel):
    PREFIX = "status-bar"
    COMPONENT_CLASSES = {"status-bar--reviewer", "status-bar--read-only", "status-bar--not-saved",
                         "status-bar--unsaved", "status-bar--saved", "status-bar--conflicts", "status-bar--orphans",
                         "status-bar--path", "status-bar--message"}

    def build(self, info: StatusInfo) -> Text:
        """The parts that fit, most important first kept: the sidecar's path is first shortened
        to ``…/name``, then parts are left out whole (never cut in the middle)."""
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
