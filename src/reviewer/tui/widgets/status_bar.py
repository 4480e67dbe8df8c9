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


@dataclass(frozen=True)
class StatusInfo:
    reviewer: str
    saved: str  # read-only | not-saved | unsaved | saved
    progress: dict[str, int]
    align_status: str
    orphans: int
    sidecar: str


SAVED = {"read-only": " READ-ONLY ", "not-saved": " NOT SAVED ", "unsaved": "● unsaved", "saved": "✓ saved"}


class StatusBar(TextPanel):
    PREFIX = "status-bar"
    COMPONENT_CLASSES = {"status-bar--reviewer", "status-bar--read-only", "status-bar--not-saved",
                         "status-bar--unsaved", "status-bar--saved", "status-bar--conflicts", "status-bar--orphans",
                         "status-bar--path"}

    def build(self, info: StatusInfo) -> Text:
        p = info.progress
        n_open = p["conflicts_open"]
        text = Text.assemble(
            (info.reviewer, self.style_of("reviewer")), " · ", Text(SAVED[info.saved], style=self.style_of(info.saved)),
            f" · links {p['reviewed']}/{p['suggested']} reviewed" + (f" +{p['manual']} manual" if p["manual"] else ""),
            f" · {p['tagged']} tagged",
            (f" · {n_open} conflict{'' if n_open == 1 else 's'} open", self.style_of("conflicts") if n_open else ""),
            f" · {info.align_status}" if info.align_status else "",
            (f" · {info.orphans} orphan{'s' if info.orphans != 1 else ''}", self.style_of("orphans"))
            if info.orphans else "",
            " · ", (short_path(info.sidecar), self.style_of("path")),
        )
        text.no_wrap = True
        text.overflow = "ellipsis"
        return text
