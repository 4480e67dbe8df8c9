"""TUI speed: time to first screen and cost of a cursor move at 1k and 10k sentences.

    python3 benchmarks/bench_tui.py

Drives the real app with Pilot (headless) on generated clusters (the alignment of
benchmarks/bench_align.py's generator, computed once beforehand and handed to the app, so that
the figures are the TUI's own). Prints first-screen time, keystrokes per second and ms per
cursor move (j/k, which also re-syncs the linked columns and redraws the visible lines).
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_align import make_cluster  # noqa: E402

from reviewer.engine.align import align  # noqa: E402
from reviewer.config import AlignSettings, load_config  # noqa: E402
from reviewer.io.segment import segment  # noqa: E402


async def measure(n: int, folder: Path) -> dict:
    cl = make_cluster(n)
    folder.mkdir(parents=True, exist_ok=True)
    for art in cl.articles:
        (folder / f"{art.id}.txt").write_text(f" date {art.date} {art.body}\n", encoding="utf-8")
        art.sentences = segment(art.body)
    links = align(cl, AlignSettings(semantic="off"))
    from reviewer.tui.app import make_app

    t0 = time.perf_counter()
    app = make_app([str(folder)], reviewer="bench", config=load_config(None), links=links)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        first = time.perf_counter() - t0
        # Baseline: a key bound to nothing costs Pilot's own round trip and an idle frame.
        t1 = time.perf_counter()
        for _ in range(100):
            await pilot.press("z")
        await pilot.pause()
        base = (time.perf_counter() - t1) / 100
        keys = ["j"] * 100 + ["k"] * 50 + ["l", "h"] * 25
        t1 = time.perf_counter()
        for k in keys:
            await pilot.press(k)
        await pilot.pause()
        dt = time.perf_counter() - t1
    return {"n": sum(len(a.sentences) for a in cl.articles), "links": len(links), "first": first,
            "keys": len(keys), "kps": len(keys) / dt, "ms": dt / len(keys) * 1000, "base": base * 1000}


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        print(f"{'sentences':>9} {'links':>7} {'first screen s':>14} {'keys/s':>7} {'ms/key':>7} "
              f"{'no-op key ms':>12} {'move cost ms':>12}")
        for n in (1000, 10000):
            r = asyncio.run(measure(n, Path(tmp) / f"c{n}"))
            print(f"{r['n']:>9} {r['links']:>7} {r['first']:>14.2f} {r['kps']:>7.1f} {r['ms']:>7.1f} "
                  f"{r['base']:>12.1f} {r['ms'] - r['base']:>12.1f}")
        print("(160x45 terminal, headless Pilot; 'move cost' = ms per j/k/h/l beyond a key bound to nothing)")


if __name__ == "__main__":
    main()
