"""The help screen: the live keymap, the labels and the gutter's signs."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from reviewer.textsafe import safe_text


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close"),
                Binding("j,down", "scroll(1)", "Down", show=False), Binding("k,up", "scroll(-1)", "Up", show=False),
                Binding("g,home", "scroll(-10000)", "Top", show=False),
                Binding("G,end", "scroll(10000)", "Bottom", show=False)]

    def action_scroll(self, lines: int) -> None:
        self.query_one(VerticalScroll).scroll_relative(y=lines, animate=False)

    def __init__(self, rows: list[tuple[str, str, str]], labels: list[tuple[str, str, str, str]]):
        super().__init__()
        self.rows = rows
        self.labels = labels

    def compose(self) -> ComposeResult:
        # Two columns, so that it reads at 80×24: the binding id (for [keys] in config.toml)
        # follows the description, dimmed.
        table = Table(show_header=True, header_style="bold", box=None, expand=True, pad_edge=False)
        table.add_column("keys", style="bold cyan", no_wrap=True, max_width=22)
        table.add_column(Text.assemble("what it does  ", ("id: the name for [keys] in config.toml", "dim")), ratio=1)
        for keys, desc, bid in self.rows:
            table.add_row(keys, Text.assemble(desc, (f"  id: {bid}" if bid and not bid.startswith("(") else f"  {bid}", "dim")))
        labels = Table(show_header=True, header_style="bold", box=None, expand=True, pad_edge=False)
        labels.add_column("key", style="bold cyan", no_wrap=True)
        labels.add_column("label", no_wrap=True)
        labels.add_column("meaning", ratio=1)
        for key, name, color, desc in self.labels:
            labels.add_row(safe_text(key), Text(safe_text(name), style=f"bold {color}"), Text(safe_text(desc or "")))
        gutter = Text.from_markup(
            "[bold]Gutter[/]  [bold red]≠[/] open conflict · [bold yellow]≢[/] decided conflict (accepted) · "
            "[bold green]≈[/] match · [green]✓[/] all links decided · [yellow]·[/] links to review · "
            "[bold]KEY[/] first label ([bold]+[/] more) · [cyan]*[/] note · [bold magenta]▌[/] marked (space) · "
            "[bold cyan]▶[/] cursor · [bright_black italic]grey[/] hidden by the filter")
        with Vertical(id="help-box"):
            yield Static("[b]reviewer — keys[/b]   (Esc closes · j/k scroll)", id="help-title")
            with VerticalScroll():
                yield Static(table)
                yield Static(Text("\nLabels", style="bold"))
                yield Static(labels)
                yield Static(Text("\n") + gutter)
