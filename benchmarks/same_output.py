"""Did a speed change leave the alignment JSON alone? Byte for byte, on real clusters.

    python3 benchmarks/same_output.py save before      # outputs of this code, kept in /tmp
    ... change the engine ...
    python3 benchmarks/same_output.py save after
    python3 benchmarks/same_output.py compare before after

Runs ``reviewer align DIR --json --no-cache`` (the reviewer next to this Python, i.e. this
worktree's venv) on seeds/ and on every cluster of ../shared/eval/clusters (or the folders
given with --clusters), stores stdout in /tmp/reviewer-same-output/LABEL/NAME.json and
compares two labels with a byte comparison. Exit status 1 when anything differs.
``--dense N`` adds benchmarks/gen_dense.py's cluster of N sentences (written once to /tmp).
"""

from __future__ import annotations

import argparse
import filecmp
import hashlib
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STORE = Path("/tmp/reviewer-same-output")


def default_clusters() -> list[Path]:
    out = [ROOT / "seeds"]
    for base in (ROOT.parent / "shared" / "eval" / "clusters", ROOT.parent.parent / "shared" / "eval" / "clusters"):
        if base.is_dir():
            out += sorted(p for p in base.iterdir() if p.is_dir())
            break
    return out


def dense_cluster(n: int) -> Path:
    folder = STORE / f"dense-{n}"
    if not folder.is_dir():
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from gen_dense import make_dense, write_cluster

        write_cluster(make_dense(n), folder)
    return folder


def save(label: str, clusters: list[Path], extra: list[str]) -> int:
    reviewer = Path(sys.executable).with_name("reviewer")
    dest = STORE / label
    dest.mkdir(parents=True, exist_ok=True)
    for c in clusters:
        t0 = time.perf_counter()
        res = subprocess.run([str(reviewer), "align", str(c), "--json", "--no-cache", *extra],
                             capture_output=True, cwd=ROOT)
        if res.returncode != 0:
            print(f"{c.name}: reviewer failed ({res.returncode}): {res.stderr.decode(errors='replace').strip()[-300:]}")
            return 1
        (dest / f"{c.name}.json").write_bytes(res.stdout)
        digest = hashlib.sha256(res.stdout).hexdigest()[:16]
        print(f"{c.name:32} {len(res.stdout):>9} bytes  sha256 {digest}  {time.perf_counter() - t0:6.1f} s")
    return 0


def compare(a: str, b: str) -> int:
    da, db = STORE / a, STORE / b
    names = sorted({p.name for p in da.glob("*.json")} | {p.name for p in db.glob("*.json")})
    bad = 0
    for name in names:
        pa, pb = da / name, db / name
        if not (pa.is_file() and pb.is_file()):
            print(f"{name}: missing in {'/'.join(x for x, p in ((a, pa), (b, pb)) if not p.is_file())}")
            bad += 1
        elif filecmp.cmp(pa, pb, shallow=False):
            print(f"{name}: identical ({pa.stat().st_size} bytes)")
        else:
            print(f"{name}: DIFFERS")
            bad += 1
    print("all byte-identical" if not bad and names else f"{bad} differ")
    return 1 if bad or not names else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("save")
    s.add_argument("label")
    s.add_argument("--clusters", nargs="*", type=Path, help="cluster folders (default: seeds/ and the eval clusters)")
    s.add_argument("--semantic", choices=("auto", "on", "off"), help="passed on to reviewer align")
    s.add_argument("--dense", type=int, nargs="*", default=[], help="also gen_dense.py clusters of these sizes")
    c = sub.add_parser("compare")
    c.add_argument("a")
    c.add_argument("b")
    args = ap.parse_args()
    if args.cmd == "save":
        extra = ["--semantic", args.semantic] if args.semantic else []
        clusters = args.clusters or default_clusters()
        for n in args.dense:
            clusters.append(dense_cluster(n))
        return save(args.label, clusters, extra)
    return compare(args.a, args.b)


if __name__ == "__main__":
    sys.exit(main())
