"""The alignment in a child process: the same links as in-process, progress streamed back,
cancel ends the child at once, a failure comes back as one line."""

from __future__ import annotations

import threading
import time

import pytest

from reviewer.config import AlignSettings
from reviewer.engine.cache import align_cached
from reviewer.engine.runner import AlignCancelled, AlignError, AlignJob
from reviewer.io.articles import load_cluster

WORDS = AlignSettings(semantic="off")


def test_child_gives_the_same_links_and_streams_progress(cluster_dir):
    cl = load_cluster([str(cluster_dir)])
    seen = []
    links, hit = AlignJob(cl, WORDS, use_cache=False).run(progress=seen.append)
    assert not hit
    assert links == align_cached(cl, WORDS, use_cache=False)[0]
    assert seen and seen[-1] == 1.0 and seen == sorted(seen)


def test_cache_hit_comes_from_the_child(cluster_dir):
    cl = load_cluster([str(cluster_dir)])
    first, hit = AlignJob(cl, WORDS).run()
    assert not hit
    again, hit = AlignJob(cl, WORDS).run()
    assert hit and again == first


def test_cancel_ends_the_child_at_once(tmp_path):
    import random

    rng = random.Random(3)
    words = [f"w{k}" for k in range(40)]
    for a in range(8):
        body = " ".join(" ".join(rng.choices(words, k=12)).capitalize() + " 12." for _ in range(400))
        (tmp_path / f"a{a}.txt").write_text(body, encoding="utf-8")
    cl = load_cluster([str(tmp_path)])
    job = AlignJob(cl, WORDS, use_cache=False)
    out = {}

    def run():
        try:
            job.run()
            out["r"] = "done"
        except AlignCancelled:
            out["r"] = "cancelled"

    th = threading.Thread(target=run)
    th.start()
    deadline = time.monotonic() + 30
    while job._proc is None and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(0.3)
    t0 = time.monotonic()
    job.cancel()
    th.join(10)
    assert not th.is_alive() and time.monotonic() - t0 < 2
    assert out["r"] == "cancelled"
    assert job._proc.poll() is not None  # the child is gone


def test_failure_is_one_line(cluster_dir):
    cl = load_cluster([str(cluster_dir)])
    cl.articles[0].sentences = None  # the engine cannot work on this
    with pytest.raises(AlignError) as err:
        AlignJob(cl, WORDS, use_cache=False).run()
    assert "\n" not in str(err.value) and "Error" in str(err.value)


# --- reviewer align: --semantic and the late progress bar ------------------------------------

def test_align_semantic_option_and_quiet_stderr_when_piped(cluster_dir, capsys):
    import json

    from reviewer.cli import main

    assert main(["align", str(cluster_dir), "--semantic", "off", "--no-cache"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["links"] and err == ""  # stderr is not a terminal: no bar


def test_late_progress_shows_only_after_the_delay(monkeypatch):
    from reviewer import cli

    with cli._LateProgress("x", enabled=True, delay=5.0) as bar:
        bar.update(0.5)
    assert bar._progress is None  # done before the delay: never shown
    with cli._LateProgress("x", enabled=True, delay=0.0) as bar:
        deadline = time.monotonic() + 5
        while bar._progress is None and time.monotonic() < deadline:
            time.sleep(0.01)
        assert bar._progress is not None
        bar.update(0.7)
        assert bar._progress.tasks[0].completed == 0.7
    with cli._LateProgress("x", enabled=False, delay=0.0) as bar:
        time.sleep(0.05)
        assert bar._progress is None


def test_progress_moves_while_the_model_embeds_and_never_goes_back(monkeypatch):
    """issue 15: the model's batches move the bar (they are most of a first alignment), each run
    of batches over half of what is left below the next step, and the bar never goes back."""
    import numpy as np

    from reviewer.engine import align as align_mod, semantic

    class Model:
        def passage(self, texts):
            return np.ones((len(texts), semantic.DIM), dtype=np.float32)

    monkeypatch.setattr(semantic, "_model", lambda: Model())
    monkeypatch.setattr(semantic, "_batches", lambda texts, step: (texts[k:k + 2] for k in range(0, len(texts), 2)))
    seen = []
    report = align_mod._monotonic(seen.append)
    report(0.3)
    with semantic.batch_progress(align_mod._model_steps(report, 0.85)):
        semantic._compute(["one", "two", "three", "four"])
        report(0.5)  # a milestone behind the model's steps is not shown
        semantic._compute(["five", "six"])
    assert seen == pytest.approx([0.3, 0.3 + 0.55 * 0.25, 0.3 + 0.55 * 0.5, 0.575 + 0.275 * 0.5])
    semantic._compute(["seven"])  # outside the block: nobody hears of it
    assert len(seen) == 4
