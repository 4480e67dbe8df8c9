"""``--split`` for the nli format: train/dev/test written into a folder shared by clusters
exported one by one. With several clusters in the folder, whole clusters are assigned (so a
cluster never straddles two splits); with one, its records are split by **groups of linked
sentences**: the connected components of the graph whose nodes are sentences and whose edges
are the exported pairs. So every record of one pair (two reviewers' decisions of it) and every
pair that shares a sentence with it land in the same split: no sentence is seen in training and
again in dev or test. Groups are shared out stratified by label, in a fixed-seed order. A split
with a share that would be empty is an error."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Sequence

from reviewer.errors import ReviewerError
from reviewer.export.safety import write_text

SPLITS = ("train", "dev", "test")
SEED = "reviewer-split-1"  # the fixed seed of the by-pair order


def parse_split(text: str | Sequence[float]) -> tuple[float, float, float]:
    """``"80/10/10"`` -> (80, 10, 10). Raises ValueError with a readable message."""
    if isinstance(text, str):
        parts = [p.strip() for p in text.replace(",", "/").replace(":", "/").split("/")]
        if len(parts) != 3:
            raise ValueError(f"--split needs three numbers train/dev/test, e.g. 80/10/10, not {text!r}")
        try:
            nums = tuple(float(p) for p in parts)
        except ValueError:
            raise ValueError(f"--split needs three numbers train/dev/test, e.g. 80/10/10, not {text!r}") from None
    else:
        nums = tuple(float(x) for x in text)
        if len(nums) != 3:
            raise ValueError("--split needs three numbers train/dev/test")
    if any(n < 0 for n in nums) or sum(nums) <= 0:
        raise ValueError(f"--split numbers must be 0 or more and not all 0, not {text!r}")
    return nums  # type: ignore[return-value]


def split_of(cluster_name: str, split: tuple[float, float, float]) -> str:
    """The split a cluster falls in: a fixed hash of its folder name (SHA-256), so every pair
    of one cluster lands in the same split, on every machine and run."""
    x = int.from_bytes(hashlib.sha256(cluster_name.encode("utf-8")).digest()[:8], "big") / 2**64
    total = sum(split)
    acc = 0.0
    for name, share in zip(SPLITS, split):
        acc += share / total
        if x < acc:
            return name
    return SPLITS[-1] if split[-1] > 0 else SPLITS[max(i for i, s in enumerate(split) if s > 0)]


def _read_manifest(folder: Path) -> dict:
    manifest = folder / "clusters.json"
    if not manifest.exists():
        return {}
    try:
        known = json.loads(manifest.read_text(encoding="utf-8"))
        if not isinstance(known, dict):
            raise ValueError("not an object")
    except (OSError, ValueError) as exc:
        raise ReviewerError(f"cannot read this split folder's list of clusters ({exc}); not overwritten",
                            path=str(manifest)) from None
    return known


def claim_cluster_name(folder: Path, cluster: str, source: Path, write: bool = True) -> None:
    """Two clusters of the same folder name must not replace each other's records in a split
    folder: ``clusters.json`` there records which folder each cluster name came from."""
    known = _read_manifest(folder)
    here = str(source.resolve())
    if known.get(cluster, here) != here:
        raise ReviewerError(f"this split folder already holds a different cluster named {cluster!r} "
                            f"(from {known[cluster]}); rename one of the two folders or export elsewhere",
                            path=str(folder))
    if write and known.get(cluster) != here:
        known[cluster] = here
        write_text(folder / "clusters.json", json.dumps(known, ensure_ascii=False, indent=1, sort_keys=True) + "\n")


def _seeded(key: str) -> int:
    """The fixed-seed order of pairs (SHA-256 of the seed and the pair id)."""
    return int.from_bytes(hashlib.sha256(f"{SEED}:{key}".encode("utf-8")).digest()[:8], "big")


def _shares(n: int, split: tuple[float, float, float]) -> list[int]:
    """``n`` items over the splits by their shares (largest remainder; ties to the earlier split)."""
    total = sum(split)
    raw = [n * s / total for s in split]
    got = [int(r) for r in raw]
    for i in sorted(range(3), key=lambda i: (-(raw[i] - got[i]), i))[: n - sum(got)]:
        got[i] += 1
    return got


def sentence_groups(rows: list[dict]) -> dict[str, str]:
    """pair_id -> its group: the connected component of the sentence graph (sentences as nodes,
    the records' premise_id – hypothesis_id pairs as edges), named by its smallest sentence id."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def ends(r: dict) -> tuple[str, str]:
        if r.get("premise_id") and r.get("hypothesis_id"):
            return r["premise_id"], r["hypothesis_id"]
        a, _, b = str(r["pair_id"]).partition("|")  # a record without them: its pair id's two halves
        return a, b or a

    for r in rows:
        a, b = (find(x) for x in ends(r))
        if a != b:
            parent[max(a, b)] = min(a, b)  # the root is the smallest id: names do not depend on order
    return {r["pair_id"]: find(ends(r)[0]) for r in rows}


def assign_groups(rows: list[dict], split: tuple[float, float, float]) -> dict[str, str]:
    """One cluster: group -> split (see :func:`sentence_groups`). Groups are taken largest first
    (ties in a fixed-seed order); each goes to the split furthest below its share of the
    group's labels (stratified by label: a split's share of each label is its target). Then a
    split with a share and no group takes the smallest group of the split holding the most."""
    group_of = sentence_groups(rows)
    counts: dict[str, dict[str, int]] = {}
    for r in rows:
        c = counts.setdefault(group_of[r["pair_id"]], {})
        c[str(r.get("label"))] = c.get(str(r.get("label")), 0) + 1
    total_share = sum(split)
    per_label: dict[str, int] = {}
    for c in counts.values():
        for label, n in c.items():
            per_label[label] = per_label.get(label, 0) + n
    got = {name: {label: 0 for label in per_label} for name in SPLITS}
    out: dict[str, str] = {}
    order = sorted(counts, key=lambda g: (-sum(counts[g].values()), _seeded(g), g))
    live = [(i, name) for i, name in enumerate(SPLITS) if split[i] > 0]
    for g in order:
        c = counts[g]

        def deficit(t: tuple[int, str]) -> tuple[float, int]:
            i, name = t
            return (sum(n * (per_label[label] * split[i] / total_share - got[name][label])
                        for label, n in c.items()), -i)

        name = max(live, key=deficit)[1]
        out[g] = name
        for label, n in c.items():
            got[name][label] += n
    size = {g: sum(c.values()) for g, c in counts.items()}
    _fill_empty(out, split, key=lambda g: (-size[g], _seeded(g), g))
    return out


def assign_pairs(rows: list[dict], split: tuple[float, float, float]) -> dict[str, str]:
    """One cluster: pair_id -> split, by groups of linked sentences (:func:`assign_groups`)."""
    group_of = sentence_groups(rows)
    where = assign_groups(rows, split)
    return {pid: where[g] for pid, g in group_of.items()}


def assign_clusters(sizes: dict[str, int], split: tuple[float, float, float]) -> dict[str, str]:
    """Several clusters: cluster -> split, whole clusters only. Clusters are taken in the order of
    a fixed hash of their names; each goes to an empty split with a share first, then to the split
    furthest below its share of the records."""
    total = sum(split)
    n = sum(sizes.values())
    got = {name: 0 for name in SPLITS}
    used = {name: False for name in SPLITS}
    out: dict[str, str] = {}
    for cluster in sorted(sizes, key=lambda c: (_seeded("cluster:" + c), c)):
        live = [(i, name) for i, name in enumerate(SPLITS) if split[i] > 0]
        name = max(live, key=lambda t: (not used[t[1]], n * split[t[0]] / total - got[t[1]], -t[0]))[1]
        out[cluster] = name
        got[name] += sizes[cluster]
        used[name] = True
    return out


def _fill_empty(out: dict[str, str], split: tuple[float, float, float], key) -> None:
    """Move single items from the fullest split into a split that has a share but no item: the
    one with the largest ``key`` (for groups: the smallest)."""
    for i, name in enumerate(SPLITS):
        if split[i] <= 0 or name in out.values():
            continue
        counts = {n: sum(1 for v in out.values() if v == n) for n in SPLITS}
        donor = max(SPLITS, key=lambda n: counts[n])
        if counts[donor] <= 1:
            return
        item = max((k for k, v in out.items() if v == donor), key=key)
        out[item] = name


def plan_split(rows: list[dict], split: tuple[float, float, float]) -> list[dict]:
    """Every record with its ``split``: by cluster when the records hold several clusters, by
    group of linked sentences (stratified by label, fixed seed) when one. A split with a share that would be empty is
    an error naming it (no empty file is written)."""
    clusters: dict[str, int] = {}
    for r in rows:
        clusters[r.get("cluster")] = clusters.get(r.get("cluster"), 0) + 1
    if len(clusters) > 1:
        where = assign_clusters(clusters, split)
        out = [dict(r, split=where[r.get("cluster")]) for r in rows]
        unit = f"{len(clusters)} clusters (split by cluster)"
    else:
        where = assign_pairs(rows, split)
        out = [dict(r, split=where[r["pair_id"]]) for r in rows]
        groups = len(set(sentence_groups(rows).values()))
        unit = (f"{groups} group{'s' if groups != 1 else ''} of linked sentences ({len(where)} sentence pairs) "
                "of one cluster (split so that no sentence is in two splits)")
    for i, name in enumerate(SPLITS):
        if split[i] > 0 and not any(r["split"] == name for r in out):
            shares = "/".join(f"{x:g}" for x in split)
            raise ReviewerError(f"--split {shares}: the {name} split would be empty: {unit} cannot fill "
                                f"{sum(1 for x in split if x > 0)} splits; give it 0 (e.g. "
                                f"{'/'.join('0' if j == i else f'{x:g}' for j, x in enumerate(split))}) "
                                "or export more data")
    return out


def write_split(folder: Path, cluster: str, rows: list[dict], split: tuple[float, float, float],
                source: Path) -> list[str]:
    """Write OUT/train.jsonl, dev.jsonl and test.jsonl. Records of other clusters already in
    them are kept (so clusters can be exported one by one into the same folder); this
    cluster's earlier records are replaced; then every record's split is planned again over
    all of them (:func:`plan_split`). Nothing is written when a split would be empty."""
    if folder.exists() and not folder.is_dir():
        raise ReviewerError("--split writes a folder, but this is a file", path=str(folder))
    kept: list[dict] = []
    if folder.is_dir():
        claim_cluster_name(folder, cluster, source, write=False)
        for name in SPLITS:
            kept += _read_split_file(folder / f"{name}.jsonl", cluster)
    planned = plan_split(kept + [dict(r) for r in rows], split)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ReviewerError(f"cannot create the folder ({exc.strerror or exc})", path=str(folder)) from None
    claim_cluster_name(folder, cluster, source)
    files = []
    for name in SPLITS:
        path = folder / f"{name}.jsonl"
        lines = [json.dumps(r, ensure_ascii=False) + "\n" for r in planned if r["split"] == name]
        if lines or path.exists():
            write_text(path, "".join(lines))
            files.append(str(path))
    return files


def _read_split_file(path: Path, cluster: str) -> list[dict]:
    """The records of other clusters in an existing split file."""
    if not path.exists():
        return []
    try:
        old = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ReviewerError(f"cannot read the existing split file ({exc})", path=str(path)) from None
    kept = []
    for lineno, line in enumerate(old.splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ReviewerError(f"existing split file is not JSON Lines ({exc.msg}); not overwritten",
                                path=str(path), line=lineno) from None
        if not isinstance(rec, dict) or "pair_id" not in rec:
            raise ReviewerError("existing split file holds a record that is not an nli record; not overwritten",
                                path=str(path), line=lineno)
        if rec.get("cluster") != cluster:
            kept.append(rec)
    return kept
