"""Crash safety: a save killed at any instant leaves a sidecar that parses and holds either the
old or the new state, never a mix and never less than what was saved before."""

from __future__ import annotations

import os
import random
import signal
import time

import pytest

from reviewer.annotations import Anchor, ReviewData, Tag
from reviewer.sidecar.codec import load_sidecar, save_sidecar
from reviewer.sidecar.store import SidecarStore

KILLS = 200  # per format


def state(n: int) -> ReviewData:
    """State number n: n tags t0..t{n-1}, cursor on sentence n, a note-like long label to make writes slow."""
    data = ReviewData(reviewer="crash", created="2026-01-01T00:00:00Z")
    for k in range(n):
        data.tags.append(Tag(Anchor("art", k, k * 10, k * 10 + 9, f"Sentence {k} \"quoted\" ü\n" * 20),
                             f"t{k}", "2026-01-01T00:00:00Z"))
    data.cursor = ("art", n)
    return data


def check_consistent(data: ReviewData) -> int:
    n = data.cursor[1]
    assert sorted(t.label for t in data.tags) == sorted(f"t{k}" for k in range(n)), "a mix of two states"
    return n


@pytest.mark.parametrize("fmt", ["toml", "json"])
def test_sigkill_during_saves_loses_nothing(tmp_path, fmt):
    path = tmp_path / f"crash.review.{fmt}"
    save_sidecar(path, state(0))
    rng = random.Random(1234)
    committed = 0  # the newest state known to be fully saved before a kill
    kills = 0
    for _ in range(KILLS):
        start = committed
        r, w = os.pipe()
        pid = os.fork()
        if pid == 0:  # child: keep saving newer states, report each one that completed
            os.close(r)
            try:
                n = check_consistent(load_sidecar(path))
                while True:
                    n += 1
                    save_sidecar(path, state(n))
                    os.write(w, f"{n}\n".encode())
            finally:
                os._exit(0)
        os.close(w)
        time.sleep(rng.uniform(0.0, 0.03))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        kills += 1
        done = os.read(r, 1 << 20).split()
        os.close(r)
        if done:
            committed = max(committed, int(done[-1]))
        data = load_sidecar(path)  # always parses
        n = check_consistent(data)
        assert n >= committed, f"state {committed} was saved, but the file holds {n}"
        assert n >= start
        bak = path.with_name(path.name + ".bak")
        if bak.exists():
            check_consistent(load_sidecar(bak))
    assert kills == KILLS
    assert committed > 0  # the loop did really save
    # temp files of killed saves are cleaned up when the sidecar is next opened
    leftovers = list(tmp_path.glob(f".{path.name}.*.tmp"))
    for f in leftovers:
        os.utime(f, (time.time() - 3600, time.time() - 3600))
    store = SidecarStore(path, "crash")
    store.open()
    store.close()
    assert not list(tmp_path.glob(f".{path.name}.*.tmp"))
