"""``--split`` for the nli format: train/dev/test chosen per cluster by a fixed hash, written
into a folder shared by clusters exported one by one."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Sequence

from reviewer.errors import ReviewerError
from reviewer.export.safety import write_text

SPLITS = ("train", "dev", "test")


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


def claim_cluster_name(folder: Path, cluster: str, source: Path) -> None:
    """Two clusters of the same folder name must not replace each other's records in a split
    folder: ``clusters.json`` there records which folder each cluster name came from."""
    manifest = folder / "clusters.json"
    known: dict = {}
    if manifest.exists():
        try:
            known = json.loads(manifest.read_text(encoding="utf-8"))
            if not isinstance(known, dict):
                raise ValueError("not an object")
        except (OSError, ValueError) as exc:
            raise ReviewerError(f"cannot read this split folder's list of clusters ({exc}); not overwritten",
                                path=str(manifest)) from None
    here = str(source.resolve())
    if known.get(cluster, here) != here:
        raise ReviewerError(f"this split folder already holds a different cluster named {cluster!r} "
                            f"(from {known[cluster]}); rename one of the two folders or export elsewhere",
                            path=str(folder))
    if known.get(cluster) != here:
        known[cluster] = here
        write_text(manifest, json.dumps(known, ensure_ascii=False, indent=1, sort_keys=True) + "\n")


def write_split(folder: Path, cluster: str, rows: list[dict], split: str, source: Path) -> list[str]:
    """Write OUT/train.jsonl, dev.jsonl and test.jsonl. Records of other clusters already in
    them are kept (so clusters can be exported one by one into the same folder); this
    cluster's earlier records are replaced."""
    if folder.exists() and not folder.is_dir():
        raise ReviewerError("--split writes a folder, but this is a file", path=str(folder))
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ReviewerError(f"cannot create the folder ({exc.strerror or exc})", path=str(folder)) from None
    claim_cluster_name(folder, cluster, source)
    files = []
    for name in SPLITS:
        path = folder / f"{name}.jsonl"
        kept: list[str] = []
        if path.exists():
            try:
                old = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise ReviewerError(f"cannot read the existing split file ({exc})", path=str(path)) from None
            for lineno, line in enumerate(old.splitlines(), 1):
                if not line.strip():
                    continue
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise ReviewerError(f"existing split file is not JSON Lines ({exc.msg}); not overwritten",
                                        path=str(path), line=lineno) from None
                if not isinstance(rec, dict) or rec.get("cluster") != cluster:
                    kept.append(line)
        new = [json.dumps(dict(r, split=name), ensure_ascii=False) for r in rows] if name == split else []
        write_text(path, "".join(l + "\n" for l in kept + new))
        files.append(str(path))
    return files
