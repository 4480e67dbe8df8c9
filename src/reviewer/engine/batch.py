"""Aligning many clusters: ``reviewer align-batch ROOT --out DIR``.

Every sub-folder of ROOT is a cluster. For each, :func:`align_one` (a pure function of the
folder, the settings and the output folder) writes ``DIR/<name>.alignment.json`` (the
contract's JSON plus a ``key`` field) unless an output with the same key is already there,
which makes a run resumable. At the end ``DIR/pairs.jsonl`` is rebuilt from all outputs: one
NLI-style record per suggested link.

Backends: ``local`` runs a process pool on this machine's cores; ``dask`` hands the same
function to a Dask ``distributed`` cluster (``pip install 'reviewer[dask]'``), local or remote.
"""

from __future__ import annotations

import dataclasses
import json
import multiprocessing
import os
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from reviewer.atomic import write_atomic
from reviewer.config import AlignSettings
from reviewer.errors import ReviewerError
from reviewer.filenames import BATCH_SUFFIX
from reviewer.models import NLI_LABEL_OF_RELATION, NLI_LABELS

LABELS = {relation: (n, NLI_LABELS[n]) for relation, n in NLI_LABEL_OF_RELATION.items()}


@dataclass
class BatchSummary:
    aligned: int = 0
    skipped: int = 0
    failed: int = 0
    sentences: int = 0
    links: int = 0
    seconds: float = 0.0
    failures: list[str] = field(default_factory=list)


def find_clusters(root: Path) -> list[Path]:
    if not root.is_dir():
        raise ReviewerError("not a folder", path=str(root))
    subs = sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith("."))
    if not subs:
        raise ReviewerError("no cluster sub-folders found (each sub-folder of ROOT is one cluster)", path=str(root))
    return subs


def align_one(folder: str, out_dir: str, settings: dict) -> dict:
    """Align one cluster folder into ``out_dir``; skip it when its output is current."""
    from reviewer.engine.align import align
    from reviewer.engine.alignjson import alignment_dict
    from reviewer.io.articles import load_cluster
    from reviewer.engine.cache import cluster_key

    t0 = time.perf_counter()
    name = Path(folder).name
    out = Path(out_dir) / f"{name}{BATCH_SUFFIX}"
    try:
        cluster = load_cluster([folder])
        st = AlignSettings(**settings)
        key = cluster_key(cluster, st)
        n_sent = sum(len(a.sentences) for a in cluster.articles)
        if out.is_file():
            try:
                old = json.loads(out.read_text(encoding="utf-8"))
                if old.get("key") == key:
                    return {"name": name, "status": "skipped", "sentences": n_sent, "links": len(old.get("links", [])),
                            "seconds": time.perf_counter() - t0}
            except (OSError, ValueError):
                pass
        links = align(cluster, st)
        data = alignment_dict(cluster, links)
        data["key"] = key
        data["cluster"] = name
        write_atomic(out, json.dumps(data, ensure_ascii=False, indent=1) + "\n")
        return {"name": name, "status": "aligned", "sentences": n_sent, "links": len(links),
                "seconds": time.perf_counter() - t0}
    except ReviewerError as exc:
        return {"name": name, "status": "failed", "error": exc.one_line(), "sentences": 0, "links": 0,
                "seconds": time.perf_counter() - t0}


def pair_records(alignment: dict) -> Iterable[dict]:
    """NLI-style records for the suggested links of one alignment JSON."""
    texts = {(a["id"], s["index"]): s["text"] for a in alignment["articles"] for s in a["sentences"]}
    for link in alignment["links"]:
        a, b = link["a"], link["b"]
        label, label_text = LABELS[link["relation"]]
        yield {
            "premise": texts[(a["article"], a["sentence"])],
            "hypothesis": texts[(b["article"], b["sentence"])],
            "label": label,
            "label_text": label_text,
            "prediction": True,
            "score": link["score"],
            "evidence": link["evidence"],
            "cluster": alignment.get("cluster"),
            "premise_id": f"{a['article']}:{a['sentence']}",
            "hypothesis_id": f"{b['article']}:{b['sentence']}",
        }


def write_pairs(out_dir: Path) -> int:
    n = 0
    lines = []
    for p in sorted(out_dir.glob(f"*{BATCH_SUFFIX}")):
        try:
            data = json.loads(p.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        for rec in pair_records(data):
            lines.append(json.dumps(rec, ensure_ascii=False))
            n += 1
    write_atomic(out_dir / "pairs.jsonl", "\n".join(lines) + ("\n" if lines else ""))
    return n


def run_batch(root: Path, out_dir: Path, *, jobs: int | None = None, settings: AlignSettings | None = None,
              backend: str = "local", scheduler: str | None = None,
              on_result: Callable[[dict], None] | None = None) -> BatchSummary:
    clusters = find_clusters(root)
    out_dir.mkdir(parents=True, exist_ok=True)
    st = dataclasses.asdict(settings or AlignSettings())
    summary = BatchSummary()
    t0 = time.perf_counter()
    args = [(str(c), str(out_dir), st) for c in clusters]
    for res in _execute(args, jobs=jobs, backend=backend, scheduler=scheduler):
        status = res["status"]
        setattr(summary, status, getattr(summary, status) + 1)
        summary.sentences += res["sentences"]
        summary.links += res["links"]
        if status == "failed":
            summary.failures.append(f"{res['name']}: {res['error']}")
        if on_result:
            on_result(res)
    summary.seconds = time.perf_counter() - t0
    write_pairs(out_dir)
    return summary


def _execute(args: list[tuple], *, jobs: int | None, backend: str, scheduler: str | None) -> Iterable[dict]:
    if backend == "dask":
        yield from _execute_dask(args, scheduler)
        return
    if backend != "local":
        raise ReviewerError(f"unknown backend {backend!r} (use local or dask)")
    jobs = jobs or os.cpu_count() or 1
    if jobs == 1 or len(args) == 1:
        for a in args:
            yield align_one(*a)
        return
    # "spawn": a forked child would inherit the embedding model's thread pool mid-state.
    with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("spawn")) as pool:
        futures = [pool.submit(align_one, *a) for a in args]
        for fut in as_completed(futures):
            yield fut.result()


def _execute_dask(args: list[tuple], scheduler: str | None) -> Iterable[dict]:
    try:
        from distributed import Client, LocalCluster, as_completed as dask_completed
    except ImportError:
        raise ReviewerError("the dask backend needs the optional extra: pip install 'reviewer[dask]'") from None
    own_cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        own_cluster = LocalCluster(processes=False, dashboard_address=None)
        client = Client(own_cluster)
    try:
        futures = [client.submit(align_one, *a, pure=False) for a in args]
        for fut in dask_completed(futures):
            yield fut.result()
    finally:
        client.close()
        if own_cluster is not None:
            own_cluster.close()
