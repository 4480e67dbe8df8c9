"""TUI speed: time to first screen and the cost of a key at 1k and 10k sentences; key latency
while the 10k dense cluster aligns in the background.

    python3 benchmarks/bench_tui.py [--during 10000] [--in-thread] [--sizes 1000,10000,d10000]

Drives the real app with Pilot (headless, 160x45) on generated clusters (the alignment of
benchmarks/bench_align.py's generator, computed once beforehand and handed to the app, so that
the figures are the TUI's own; ``dN`` in ``--sizes``: gen_dense.py's dense clusters, where
every sentence has many links). ``--profile PREFIX`` writes a cProfile of each row's keys.

How "the app's own CPU per key" is measured (the figure to hold against the 20 ms target):
Pilot's ``press`` sends the key, then waits until the app has been idle for 20 ms, so the key's
handler and the frame it causes are done when it returns. The process's CPU time
(``time.process_time``, every thread of the app) is read around each press; the same is done
for 100 keys bound to nothing (Pilot's own round trip, its idle polling and the dispatch of an
unbound key), and their median is taken off each key. What is left is the work the key causes
in the app: its action, the redraw of what changed, the compositor, and any collection of the
cycle collector that falls in it. CPU time, unlike wall time, is hardly inflated by other load
on the machine (this machine is shared). Rows give mean / p95 / max over 150 cursor moves
(100 ``j``, 50 ``k``: the columns re-level the linked sentences) and 50 column moves (h/l).

"During alignment": the app opens gen_dense.py's dense cluster with no alignment at hand (no
cache), so it aligns in the background (in a child process, reviewer.engine.runner); up to 200
``j`` are pressed while it runs (a key in which the links arrive does not count). Besides the
own CPU (the no-op keys pressed during the alignment too), each key's latency is timed: from
sending it to the end of the first frame drawn after its action ran (the compositor's refresh,
wrapped), in wall time, so load on the machine inflates it. The same keys are then timed once
the links are in. ``--in-thread`` runs the alignment in a thread of the app's own interpreter
instead (how it was before), to compare.
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


async def _press_timed(pilot, keys: list[str]) -> list[float]:
    """The CPU time of this process (every thread of the app) for each key, in seconds."""
    out = []
    for k in keys:
        c0 = time.process_time()
        await pilot.press(k)
        out.append(time.process_time() - c0)
    return out


def _own(costs: list[float], base: float) -> tuple[float, float, float]:
    """(mean, p95, max) of the app's own CPU per key in ms: each key's CPU minus the no-op key's."""
    own = sorted(max(0.0, c - base) * 1000 for c in costs)
    return sum(own) / len(own), own[int(len(own) * 0.95)], own[-1]


async def measure(n: int, folder: Path, dense: bool = False, profile: str | None = None) -> dict:
    if dense:
        from gen_dense import make_dense

        cl = make_dense(n)
    else:
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
        # Baseline: a key bound to nothing costs Pilot's own round trip (two idle waits of 20 ms,
        # whose polling costs CPU too) and the app's dispatch of an unbound key. Its median
        # is taken off every key below.
        await _press_timed(pilot, ["z"] * 10)  # warm
        zs = sorted(await _press_timed(pilot, ["z"] * 100))
        base = zs[len(zs) // 2]
        moves = ["j"] * 100 + ["k"] * 50
        columns = ["l", "h"] * 25
        prof = None
        if profile:
            import cProfile

            prof = cProfile.Profile()
            prof.enable()
        t1 = time.perf_counter()
        move_cpu = await _press_timed(pilot, moves)
        col_cpu = await _press_timed(pilot, columns)
        await pilot.pause()
        dt = time.perf_counter() - t1
        if prof is not None:
            prof.disable()
            prof.dump_stats(profile)
    nk = len(moves) + len(columns)
    return {"n": sum(len(a.sentences) for a in cl.articles), "links": len(links), "first": first,
            "keys": nk, "ms": dt / nk * 1000, "base": base * 1000,
            "move": _own(move_cpu, base), "column": _own(col_cpu, base)}


async def measure_during(n: int, folder: Path, in_thread: bool) -> dict:
    import os

    from gen_dense import make_dense, write_cluster

    from reviewer.engine import runner

    write_cluster(make_dense(n), folder)
    os.environ["REVIEWER_CACHE_DIR"] = str(folder.parent / "cache-during")  # never warm
    if in_thread:  # the former way: the engine in a thread of this interpreter
        from reviewer.engine.cache import align_cached

        runner.AlignJob.run = lambda self, progress=None: align_cached(
            self.cluster, self.settings, use_cache=self.use_cache, progress=progress)
    from reviewer.tui.app import make_app
    from reviewer.tui.widgets.review_view import ReviewView

    config = load_config(None)
    app = make_app([str(folder)], reviewer="bench", config=config, use_cache=False)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        view = app.query_one(ReviewView)
        # Latency of a key: from its sending to the end of the first frame drawn after its
        # action ran (the compositor's refresh, timed by wrapping it).
        frames: list[float] = []
        handled: list[float] = []
        screen = app.screen
        compose, move = screen._compositor_refresh, view.action_move

        def compositor_refresh() -> None:
            compose()
            frames.append(time.perf_counter())

        def action_move(step: int) -> None:
            move(step)
            handled.append(time.perf_counter())

        screen._compositor_refresh = compositor_refresh
        view.action_move = action_move

        async def keys(n: int, during: bool) -> tuple[list[float], list[float]]:
            """``n`` j keys; with ``during``, only while the alignment runs, and a key in
            which the links arrived (drawing them all) does not count."""
            cpu, lat = [], []
            for _ in range(n):
                if during and not view.aligning:
                    break
                k = len(handled)
                t1, c1 = time.perf_counter(), time.process_time()
                await pilot.press("j")
                if during and not view.aligning:
                    break
                cpu.append(time.process_time() - c1)
                if len(handled) > k:
                    lat.append(next((f for f in frames if f >= handled[k]), time.perf_counter()) - t1)
            return cpu, lat

        t_start = time.perf_counter()
        await asyncio.sleep(1.0)  # the child is up and working
        zs = sorted(await _press_timed(pilot, ["z"] * 50))  # no-op keys, during the alignment too
        cpu, lat = await keys(200, True)
        still = view.aligning
        t_keys = time.perf_counter()
        while view.aligning and time.perf_counter() - t_start < 900:
            await asyncio.sleep(0.2)
        total = time.perf_counter() - t_start
        await pilot.pause()
        await asyncio.sleep(2)  # the collector's pass after the alignment (tui.collector)
        zs_after = sorted(await _press_timed(pilot, ["z"] * 50))
        cpu_after, lat_after = await keys(200, False)  # the same keys once the links are in
        lat.sort()
        lat_after.sort()
        return {"n": n, "still": still, "n_keys": len(cpu), "keys_s": t_keys - t_start - 1.0, "total": total,
                "links": len(view.ws.session.suggested),
                "lat": (sum(lat) / len(lat) * 1000, lat[int(len(lat) * 0.95)] * 1000, lat[-1] * 1000),
                "own": _own(cpu, zs[len(zs) // 2]),
                "lat_after": (sum(lat_after) / len(lat_after) * 1000, lat_after[int(len(lat_after) * 0.95)] * 1000,
                              lat_after[-1] * 1000),
                "own_after": _own(cpu_after, zs_after[len(zs_after) // 2])}


def main() -> None:
    import argparse

    ap = argparse.ArgumentParser()
    ap.add_argument("--during", type=int, default=10000, help="dense sentences aligned while keys are pressed (0: skip)")
    ap.add_argument("--in-thread", action="store_true", help="align in a thread of the app (the former way)")
    ap.add_argument("--skip-moves", action="store_true", help="only the during-alignment figure")
    ap.add_argument("--sizes", default="1000,10000,d10000",
                    help="clusters for the cursor-move rows: N sparse, dN dense (gen_dense.py), aligned beforehand")
    ap.add_argument("--profile", metavar="PREFIX", help="write a cProfile of the keys of each row to PREFIX-<size>.prof")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if args.during:
            r = asyncio.run(measure_during(args.during, Path(tmp) / "dense", args.in_thread))
            how = "a thread of the app" if args.in_thread else "a child process"

            def ms(x: tuple) -> str:
                return f"{x[0]:.1f} / {x[1]:.1f} / {x[2]:.1f}"

            print(f"during the alignment of the dense {r['n']}-sentence cluster (in {how}), {r['n_keys']} j in {r['keys_s']:.1f} s: "
                  f"latency ms mean/p95/max {ms(r['lat'])}; own CPU ms {ms(r['own'])}; "
                  f"{'still aligning after the last key' if r['still'] else 'the alignment ended first'}")
            print(f"after it (aligned in {r['total']:.1f} s, {r['links']} links), the same keys: latency ms "
                  f"{ms(r['lat_after'])}; own CPU ms {ms(r['own_after'])}")
            print("(latency: from sending the key to the end of the first frame drawn after its action, wall time, "
                  "so load on the machine inflates it; own CPU: as below, the no-op keys pressed in the same phase)")
        if args.skip_moves:
            return
        print(f"{'sentences':>10} {'links':>7} {'first screen s':>14} {'wall ms/key':>11} {'no-op key CPU':>13} "
              f"{'j/k own CPU ms mean/p95/max':>27} {'h/l own CPU ms mean/p95/max':>27}")
        for size in args.sizes.split(","):
            dense = size.startswith("d")
            n = int(size.lstrip("d"))
            prof = f"{args.profile}-{size}.prof" if args.profile else None
            r = asyncio.run(measure(n, Path(tmp) / f"c{size}", dense, prof))
            mv, co = r["move"], r["column"]
            print(f"{r['n']:>9}{'d' if dense else ' '} {r['links']:>7} {r['first']:>14.2f} {r['ms']:>11.1f} "
                  f"{r['base']:>13.1f} {f'{mv[0]:.1f} / {mv[1]:.1f} / {mv[2]:.1f}':>27} "
                  f"{f'{co[0]:.1f} / {co[1]:.1f} / {co[2]:.1f}':>27}")
        print("(160x45 terminal, headless Pilot; 'own CPU' = this process's CPU time per key minus the median "
              "of 100 keys bound to nothing in the same run: the app's own work for the key and the frame it "
              "causes, which load on the machine does not inflate; the target is 20 ms)")


if __name__ == "__main__":
    main()
