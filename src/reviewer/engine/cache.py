"""On-disk cache of alignments, so that reopening a cluster is instant.

The key is a hash of everything that decides the result: the engine's own source files,
the alignment settings, and each article's id, date and text. Any change gives a new key;
stale entries are simply never read again (``reviewer cache clear`` removes them).
The folder follows platform conventions (``platformdirs``: ~/.cache/reviewer on Linux) and
can be moved with the ``REVIEWER_CACHE_DIR`` environment variable. A cache file that cannot
be read is ignored and rewritten: the cache can never make alignment fail.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from functools import lru_cache
from pathlib import Path

from reviewer.config import AlignSettings
from reviewer.engine.cachedir import cache_dir
from reviewer.engine.settings import TUNING
from reviewer.models import Cluster, Evidence, Link, SentenceRef

__all__ = ["align_cached", "cache_dir", "clear", "cluster_key", "info", "load", "store"]


def _engine_files() -> list[Path]:
    """Every source file that decides an alignment: the engine, the language data, the
    segmenter, the Markdown reader (it decides a .md article's sentences) and the data model."""
    import reviewer.io.markdown
    import reviewer.io.segment
    import reviewer.lang
    import reviewer.models

    here = Path(__file__).resolve().parent
    files = sorted(here.glob("*.py")) + sorted(Path(reviewer.lang.__file__).resolve().parent.glob("*.py"))
    return files + [Path(m.__file__).resolve() for m in (reviewer.io.segment, reviewer.io.markdown, reviewer.models)]


@lru_cache(maxsize=1)
def engine_fingerprint() -> str:
    h = hashlib.sha256()
    for path in _engine_files():
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


def cluster_key(cluster: Cluster, settings: AlignSettings) -> str:
    h = hashlib.sha256()
    h.update(engine_fingerprint().encode())
    h.update(json.dumps(dataclasses.asdict(settings), sort_keys=True).encode())
    h.update(json.dumps(dataclasses.asdict(TUNING), sort_keys=True).encode())
    for art in cluster.articles:
        h.update(b"\0article\0")
        h.update(art.id.encode())
        h.update(b"\0")
        h.update((art.date or "").encode())
        h.update(b"\0")
        h.update(hashlib.sha256(art.body.encode("utf-8", "surrogatepass")).digest())
    return h.hexdigest()


def links_to_data(links: list[Link]) -> list[dict]:
    from reviewer.engine.alignjson import link_dict

    return [link_dict(l) for l in links]


def links_from_data(items: list) -> list[Link]:
    out = []
    for d in items:
        ev = tuple(Evidence(e["kind"], e["a"], e["b"], tuple(e["a_span"]), tuple(e["b_span"]), str(e.get("note", "")))
                   for e in d["evidence"])
        out.append(Link(SentenceRef(str(d["a"]["article"]), int(d["a"]["sentence"])),
                        SentenceRef(str(d["b"]["article"]), int(d["b"]["sentence"])),
                        str(d["relation"]), float(d["score"]), ev))
    return out


def load(key: str, folder: Path | None = None) -> list[Link] | None:
    path = (folder or cache_dir()) / f"{key}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("key") != key:
            return None
        return links_from_data(data["links"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def store(key: str, links: list[Link], folder: Path | None = None) -> None:
    from reviewer.atomic import write_atomic

    folder = folder or cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        write_atomic(folder / f"{key}.json", json.dumps({"key": key, "links": links_to_data(links)}, ensure_ascii=False))
    except OSError:
        pass  # a cache that cannot be written only costs time


def clear(folder: Path | None = None) -> tuple[int, int]:
    """Remove every cached alignment. Returns (files, bytes) removed."""
    folder = folder or cache_dir()
    n = size = 0
    if folder.is_dir():
        for p in [*folder.glob("*.json"), *folder.glob("embeddings.sqlite3*")]:
            try:
                size += p.stat().st_size
                p.unlink()
                n += 1
            except OSError:
                pass
    return n, size


def info(folder: Path | None = None) -> tuple[Path, int, int]:
    folder = folder or cache_dir()
    files = [*folder.glob("*.json"), *folder.glob("embeddings.sqlite3")] if folder.is_dir() else []
    return folder, len(files), sum(p.stat().st_size for p in files)


def align_cached(cluster: Cluster, settings: AlignSettings | None = None, *, use_cache: bool = True,
                 progress=None) -> tuple[list[Link], bool]:
    """The alignment of ``cluster``, from the cache when it is there. Returns (links, hit)."""
    from reviewer.engine.align import align

    settings = settings or AlignSettings()
    key = cluster_key(cluster, settings) if use_cache else ""
    if use_cache:
        got = load(key)
        if got is not None:
            if progress:
                progress(1.0)
            return got, True
    links = align(cluster, settings, progress=progress)
    if use_cache:
        store(key, links)
    return links, False
