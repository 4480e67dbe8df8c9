"""Scale: align time and peak memory from 1k to 50k sentences, cache-hit reopen time, and
batch throughput with one core vs all cores, in one run.

    python3 benchmarks/bench_scale.py [--sizes 1000,5000,10000,20000,50000] [--clusters 24]

Each size runs in a fresh process so that its peak memory (ru_maxrss) is its own. The
clusters come from benchmarks/bench_align.py's generator (articles of 40 sentences).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

CHILD = r"""
import json, resource, sys, time, os
sys.path.insert(0, {here!r})
from bench_align import make_cluster
from reviewer.io.segment import segment
from reviewer.engine.cache import align_cached
n = int(sys.argv[1])
cl = make_cluster(n)
t0 = time.perf_counter()
for a in cl.articles:
    a.sentences = segment(a.body)
links, hit = align_cached(cl)
t1 = time.perf_counter()
links2, hit2 = align_cached(cl)
t2 = time.perf_counter()
print(json.dumps({{"n": sum(len(a.sentences) for a in cl.articles), "articles": len(cl.articles), "align": t1 - t0,
                  "reopen": t2 - t1, "hit": hit2, "links": len(links),
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""


def run_size(n: int, cache_dir: str) -> dict:
    env = dict(os.environ, REVIEWER_CACHE_DIR=cache_dir)
    out = subprocess.run([sys.executable, "-c", CHILD.format(here=str(HERE)), str(n)], capture_output=True,
                         text=True, env=env, check=True)
    return json.loads(out.stdout)


def write_clusters(root: Path, count: int, size: int) -> None:
    sys.path.insert(0, str(HERE))
    from bench_align import make_cluster

    for k in range(count):
        cl = make_cluster(size, seed=100 + k)
        d = root / f"cluster{k:03d}"
        d.mkdir(parents=True)
        for art in cl.articles:
            (d / f"{art.id}.txt").write_text(f" date {art.date} {art.body}\n", encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="1000,5000,10000,20000,50000")
    ap.add_argument("--clusters", type=int, default=24, help="clusters of the batch run (0: no batch run)")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="reviewer-bench-"))
    os.environ["REVIEWER_CACHE_DIR"] = str(tmp / "cache")  # never the user's cache, never warm
    try:
        print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
        print(f"{'sentences':>9} {'articles':>8} {'align s':>8} {'s/1k':>6} {'peak MB':>8} {'reopen s':>9} {'links':>7}")
        for n in [int(s) for s in args.sizes.split(",")]:
            r = run_size(n, str(tmp / "cache"))
            print(f"{r['n']:>9} {r['articles']:>8} {r['align']:>8.2f} {r['align'] / r['n'] * 1000:>6.3f} "
                  f"{r['rss_mb']:>8.0f} {r['reopen']:>9.3f} {r['links']:>7}" + ("" if r["hit"] else "  (cache miss!)"))
        if args.clusters <= 0:
            return
        root = tmp / "batch"
        write_clusters(root, args.clusters, 400)
        from reviewer.engine.batch import run_batch
        from reviewer.config import AlignSettings

        # Words only: the embedding model (about 16-30 sentences/s) would measure the model, and
        # its per-sentence store would make the second run faster than the first.
        words_only = AlignSettings(semantic="off")

        rows = []
        for jobs in (1, os.cpu_count() or 1):
            out = tmp / f"out{jobs}"
            t0 = time.perf_counter()
            s = run_batch(root, out, jobs=jobs, settings=words_only)
            dt = time.perf_counter() - t0
            rows.append((jobs, s.aligned, dt))
        print()
        print(f"batch: {args.clusters} clusters of 400 sentences, words only (semantic off)")
        base = rows[0][2]
        for jobs, aligned, dt in rows:
            print(f"  jobs={jobs}: {aligned} clusters in {dt:.2f} s = {aligned / dt:.1f} clusters/s ({base / dt:.2f}x)")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
