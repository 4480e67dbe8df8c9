"""Score the alignment engine: real news clusters first, then the synthetic clusters.

    python3 benchmarks/quality.py [-v] [--real-only] [--clusters GLOB]... [SET...]

1. Real clusters: every folder with a ``gold.toml`` under the shared eval folder
   (``$REVIEWER_EVAL``, else ``../shared/eval`` or ``../../shared/eval`` from the project
   root), read in place and scored by its own ``score.py`` for reviewer and, in the same run,
   for the two naive baselines of ``benchmarks/naive_baseline.py`` (regex split + rapidfuzz
   token_set >= 50; the same with "numbers differ => conflict").
2. Synthetic SETs in tests/data (default: all three): ``clusters`` (the tuning set the
   thresholds were set on), ``heldout`` and ``heldout2``: precision/recall per relation and
   per cluster, conflict recall per evidence kind, links per true relation.

``--clusters GLOB`` (repeatable) also scores the labelled cluster folders GLOB names (folders
in the eval layout, each with a ``gold.toml``), each GLOB as a group of its own with the same
columns and baselines: for clusters kept outside the repository, such as ones held out.
``-v`` lists every miss and extra.
"""

import glob
import importlib.util
import json
import os
import sys
import tomllib
from pathlib import Path

from reviewer.errors import ReviewerError
from reviewer.io.articles import load_cluster
from reviewer.engine.align import align
from reviewer.engine.alignjson import alignment_dict
from reviewer.engine.evaluate import report, score_all

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
sys.path.insert(0, str(Path(__file__).resolve().parent))
import naive_baseline  # noqa: E402


def eval_dir() -> Path | None:
    env = os.environ.get("REVIEWER_EVAL")
    for p in ([Path(env)] if env else []) + [ROOT.parent / "shared" / "eval", ROOT.parent.parent / "shared" / "eval"]:
        if (p / "score.py").is_file():
            return p
    return None


def real(verbose: bool, extra: list[str] = ()) -> None:
    where = eval_dir()
    if where is None:
        print("== real clusters: no shared eval folder found (set REVIEWER_EVAL)"
              + (f"; its score.py also scores --clusters, so {', '.join(extra)} were not scored" if extra else "") + "\n")
        return
    groups = [(str(where), sorted(p.parent for p in (where / "clusters").glob("*/gold.toml")))]
    for pattern in extra:
        dirs = [d for d in sorted(Path(p) for p in glob.glob(os.path.expanduser(pattern)))
                if (d / "gold.toml").is_file() and _readable(d)]
        if not dirs:
            print(f"== --clusters {pattern}: no readable cluster folder (articles and a gold.toml)\n")
            continue
        groups.append((pattern, dirs))
    spec = importlib.util.spec_from_file_location("eval_score", where / "score.py")
    sc = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(sc)
    systems = {
        "reviewer": lambda cl: json.loads(json.dumps(alignment_dict(cl, align(cl)))),
        "naive fuzzy": lambda cl: naive_baseline.alignment(cl, numbers=False),
        "naive fuzzy+numbers": lambda cl: naive_baseline.alignment(cl, numbers=True),
    }
    for label, dirs in groups:
        print(f"== real clusters ({label}, {len(dirs)} clusters)")
        score_group(sc, systems, dirs, verbose)


def _readable(d: Path) -> bool:
    """A cluster folder whose gold.toml parses and whose articles load; else one line says why."""
    try:
        tomllib.loads((d / "gold.toml").read_text(encoding="utf-8"))
        load_cluster([d])
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, ReviewerError) as e:
        print(f"   skipped {d}: {str(e).splitlines()[0] if str(e) else type(e).__name__}")
        return False
    return True


def score_group(sc, systems: dict, dirs: list[Path], verbose: bool) -> None:
    head = (f"{'system / cluster':34} {'match':>10} {'conflict':>10} {'all-conf':>10} {'soft':>10} {'xl':>10} "
            f"{'xl-conf':>10} {'false':>5} {'links/gold':>10}")
    for name, run in systems.items():
        total = {c: {"found": 0, "of": 0} for c in (*sc.CATS, "xl-conf")} | {"false": 0, "links": 0}
        n_gold, rows = 0, []
        for d in dirs:
            gold = tomllib.loads((d / "gold.toml").read_text(encoding="utf-8"))
            out = run(load_cluster([d]))
            res, notes = sc.score(gold, out)
            # Hard cross-language conflicts (issue 14), a column score.py does not print.
            xl_conf = [p for p in gold.get("pair", [])
                       if p.get("cross_lingual") and p["relation"] == "conflict" and not p.get("soft")]
            res["xl-conf"] = sc.score({"pair": xl_conf}, out)[0]["conflict"]
            rows.append((d.name, res))
            n_gold += len(gold.get("pair", []))
            for c in (*sc.CATS, "xl-conf"):
                total[c]["found"] += res[c]["found"]
                total[c]["of"] += res[c]["of"]
            total["false"] += res["false"]
            total["links"] += res["links"]
            if verbose and name == "reviewer" and notes:
                print(f"{d.name}:\n" + "\n".join(notes))
        total["links_per_gold"] = round(total["links"] / max(1, n_gold), 2)
        if name == "reviewer":
            print(head)
        for label, r in ([(f"  {n}", r) for n, r in rows] if name == "reviewer" else []) + [(f"{name} ALL", total)]:
            print(f"{label:34} " + " ".join(f"{sc.cell(r[c]):>10}" for c in (*sc.CATS, "xl-conf"))
                  + f" {r['false']:>5} {r['links_per_gold']:>10}")
    print()


def synthetic(sets: list[str], verbose: bool) -> None:
    for name in sets:
        total, per = score_all(DATA / name)
        print(f"== synthetic: {name}")
        print(report(total, per))
        if verbose:
            print("\n".join(total.errors))
        print()


if __name__ == "__main__":
    verbose = "-v" in sys.argv
    args, extra = sys.argv[1:], []
    while "--clusters" in args:
        k = args.index("--clusters")
        if k + 1 == len(args):
            sys.exit("--clusters needs a folder pattern, e.g. --clusters 'more/clusters/*'")
        extra.append(args[k + 1])
        del args[k:k + 2]
    real(verbose, extra)
    if "--real-only" not in args:
        synthetic([a for a in args if not a.startswith("-")] or ["clusters", "heldout", "heldout2"], verbose)
