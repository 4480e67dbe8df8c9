"""What the terminal shows, cell by cell, after each key of a fixed sequence: to check that a
speed change of the TUI changes nothing on screen.

    python3 benchmarks/screen_dump.py save LABEL      # seeds and a 1k cluster -> /tmp/screens-LABEL.txt
    python3 benchmarks/screen_dump.py compare LABEL1 LABEL2

The app runs headless (Pilot, 160x45 and 100x30). Every update the app sends to the terminal
(the compositor's full and partial updates) is applied to a shadow terminal, a grid of cells
(character and style), exactly as a terminal would apply it; the grid is written out after each
key. So a line the app forgot to repaint shows up as a difference, not only a line drawn wrong.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

KEYS = (list("jjjjjjjjjjkkkllljjjhhhjjjj") + ["tab", "tab", "j", "enter", "l", "j", "j", "k", "h", "h"]
        + ["pagedown", "j", "l", "l", "l", "l", "l", "j", "k", "h", "h", "h", "pageup", "k", "k", "j"]
        + ["G", "k", "l", "g", "j", "l", "l", "j"] + list("jjjjjjjjjjjjjjjjjjjj") + list("lllllhhhhh"))


class Shadow:
    """A terminal of ``w`` x ``h`` cells that applies the app's updates."""

    def __init__(self, w: int, h: int):
        self.w, self.h = w, h
        self.cells = [[(" ", "")] * w for _ in range(h)]

    def apply(self, console, renderable) -> None:
        from rich.segment import ControlType

        x = y = 0
        for seg in console.render(renderable):
            if seg.control:
                for code in seg.control:
                    if code[0] == ControlType.CURSOR_MOVE_TO:
                        x, y = code[1], code[2]
                continue
            if seg.text == "\n":
                continue
            style = str(seg.style) if seg.style else ""
            from rich.cells import cell_len

            for ch in seg.text:
                n = cell_len(ch)
                if 0 <= y < self.h and 0 <= x < self.w:
                    self.cells[y][x] = (ch, style)
                    for k in range(1, n):
                        if x + k < self.w:
                            self.cells[y][x + k] = ("", style)
                x += n

    def dump(self) -> str:
        out = []
        for row in self.cells:
            out.append("".join(c for c, _ in row))
        styles: dict[str, int] = {}
        for y, row in enumerate(self.cells):
            runs = []
            prev, start = None, 0
            for x, (_, s) in enumerate(row + [(None, None)]):
                if s != prev:
                    if prev is not None:
                        runs.append(f"{start}-{x}:{styles.setdefault(prev, len(styles))}")
                    prev, start = s, x
            out.append(f"  styles {y}: " + " ".join(runs))
        out.append("  legend: " + " | ".join(f"{v}={k}" for k, v in styles.items()))
        return "\n".join(out)


async def run(paths: list[str], links, size: tuple[int, int], name: str, out: list[str]) -> None:
    from reviewer.config import load_config
    from reviewer.tui.app import make_app
    from reviewer.tui.widgets.review_view import ReviewView

    flash = ReviewView.__dict__.get("_dump_flash") or ReviewView.flash
    ReviewView._dump_flash = flash
    # A message stays until the next one (its timer would make the screens depend on timing).
    ReviewView.flash = lambda self, message, seconds=5: flash(self, message, 10_000)

    side = Path(tempfile.gettempdir()) / "screen-dump" / "d.review.toml"  # a fixed name: it is on screen
    side.parent.mkdir(exist_ok=True)
    side.unlink(missing_ok=True)
    if True:
        app = make_app(paths, reviewer="dump", config=load_config(None), links=links, sidecar=str(side))
        shadow = Shadow(*size)
        async with app.run_test(size=size) as pilot:
            display = app._display

            def capture(screen, renderable):
                if renderable is not None:
                    shadow.apply(app.console, renderable)
                return display(screen, renderable)

            app._display = capture
            app.screen.refresh()
            await pilot.pause()
            await pilot.pause()
            out.append(f"=== {name} {size} start\n{shadow.dump()}")
            for k, key in enumerate(KEYS):
                await pilot.press(key)
                await pilot.pause()
                out.append(f"=== {name} {size} key {k} {key}\n{shadow.dump()}")


def main() -> None:
    cmd, *labels = sys.argv[1:]
    if cmd == "compare":
        a = Path(f"/tmp/screens-{labels[0]}.txt").read_text(encoding="utf-8").split("=== ")
        b = Path(f"/tmp/screens-{labels[1]}.txt").read_text(encoding="utf-8").split("=== ")
        bad = [(x, y) for x, y in zip(a, b) if x != y]
        print(f"{len(a)} / {len(b)} screens, {len(bad)} differ")
        for x, y in bad[:3]:
            xl, yl = x.splitlines(), y.splitlines()
            print("first differing screen:", xl[0])
            for i, (p, q) in enumerate(zip(xl, yl)):
                if p != q:
                    print(f"  line {i}:\n   - {p[:200]}\n   + {q[:200]}")
        sys.exit(1 if bad or len(a) != len(b) else 0)
    from bench_align import make_cluster

    from reviewer.config import AlignSettings
    from reviewer.engine.align import align
    from reviewer.io.segment import segment

    out: list[str] = []
    root = Path(__file__).resolve().parent.parent
    from reviewer.io.articles import load_cluster

    seed_links = align(load_cluster([str(root / "seeds")]), AlignSettings(semantic="off"))

    with tempfile.TemporaryDirectory() as tmp:
        cl = make_cluster(1000)
        folder = Path(tmp) / "c1k"
        folder.mkdir()
        for art in cl.articles:
            (folder / f"{art.id}.txt").write_text(f" date {art.date} {art.body}\n", encoding="utf-8")
            art.sentences = segment(art.body)
        links = align(cl, AlignSettings(semantic="off"))
        for size in ((160, 45), (100, 30)):
            asyncio.run(run([str(root / "seeds")], seed_links, size, "seeds", out))
            asyncio.run(run([str(folder)], links, size, "1k", out))
    Path(f"/tmp/screens-{labels[0]}.txt").write_text("\n".join(out), encoding="utf-8")
    print(f"{len(out)} screens -> /tmp/screens-{labels[0]}.txt")


if __name__ == "__main__":
    main()
