"""Property tests: whatever bytes are on disk, reading them raises nothing but the project's own
error type (which the CLI prints as one line), and alignment does not depend on article order."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings, strategies as st

from reviewer.engine.align import align
from reviewer.io.articles import load_cluster
from reviewer.config import AlignSettings, load_config
from reviewer.errors import ConfigError, ReviewerError, SidecarError
from reviewer.models import Article, Cluster
from reviewer.io.segment import segment
from reviewer.sidecar.codec import load_sidecar

SUFFIX = st.sampled_from([".txt", ".md", ".json", ".jsonl"])

json_like = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=30),
    lambda kids: st.lists(kids, max_size=4) | st.dictionaries(st.sampled_from(
        ["text", "title", "date", "url", "source", "id", "x"]), kids, max_size=5),
    max_leaves=12,
)

file_bytes = st.one_of(
    st.binary(max_size=400),
    st.text(max_size=400).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.text(max_size=200).map(lambda t: t.encode("utf-16", "surrogatepass")),
    json_like.map(lambda v: json.dumps(v).encode()),
    st.lists(json_like, max_size=4).map(lambda vs: "\n".join(json.dumps(v) for v in vs).encode()),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(files=st.lists(st.tuples(SUFFIX, file_bytes), min_size=1, max_size=4))
def test_loading_raises_only_reviewer_errors(files):
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        for k, (suffix, data) in enumerate(files):
            (d / f"f{k}{suffix}").write_bytes(data)
        try:
            cluster = load_cluster([d])
        except ReviewerError as exc:
            assert exc.one_line()
            return
        for art in cluster.articles:
            for s in art.sentences:
                span = art.body[s.start:s.end]
                if art.path.endswith(".md"):  # the span without its markup (blanked in the body)
                    rest = iter(span)
                    assert s.text and all(ch in rest for ch in s.text) and s.text.strip() == s.text
                else:
                    assert span == s.text and s.text.strip() == s.text
        for p in cluster.problems:
            assert "\n" not in p.one_line()


@settings(max_examples=150, deadline=None)
@given(data=file_bytes, fmt=st.sampled_from(["toml", "json"]))
def test_reading_a_sidecar_raises_only_sidecar_errors(data, fmt):
    with tempfile.TemporaryDirectory() as tmp:
        p = Path(tmp) / f"x.review.{fmt}"
        p.write_bytes(data)
        try:
            load_sidecar(p)
        except SidecarError as exc:
            assert "\n" not in exc.one_line()


toml_ish = st.lists(st.sampled_from([
    "[align]", "[[labels]]", "[keys]", "[ui]", "match_threshold = 0.5", "match_threshold = 'x'",
    "conflict_threshold = -1", "semantic = \"maybe\"", "name = \"a\"", "key = \"1\"", "key = \"11\"",
    "color = \"red\"", "color = 3", "theme = \"nord\"", "reviewer = 7", "x = [", "= 1", "\x00", "quit = \"q\"",
]), max_size=8).map("\n".join)


@settings(max_examples=200, deadline=None)
@given(text=st.one_of(toml_ish, st.text(max_size=200)))
def test_reading_a_config_raises_only_config_errors(text):
    with tempfile.TemporaryDirectory() as tmp:
        p = Path(tmp) / "config.toml"
        p.write_text(text, encoding="utf-8", errors="surrogatepass")
        try:
            load_config(str(p))
        except ConfigError as exc:
            assert "\n" not in exc.one_line()


WORDS = ["three", "drones", "one", "drone", "hit", "the", "base", "on", "Saturday", "Sunday", "police",
         "said", "two", "people", "died", "killed", "not", "Baghdad", "minister", "12", "14"]
sentence = st.lists(st.sampled_from(WORDS), min_size=3, max_size=10).map(lambda ws: " ".join(ws).capitalize() + ".")


@settings(max_examples=40, deadline=None)
@given(bodies=st.lists(st.lists(sentence, min_size=1, max_size=5).map(" ".join), min_size=2, max_size=4))
def test_alignment_is_deterministic_and_independent_of_article_order(bodies):
    def cluster(order):
        arts = []
        for k in order:
            arts.append(Article(id=f"a{k}", path=f"a{k}.txt", body=bodies[k], sentences=segment(bodies[k]),
                                date="2024-05-04"))
        return Cluster(articles=arts, problems=[])

    settings_ = AlignSettings(semantic="off")
    fwd = align(cluster(range(len(bodies))), settings_)
    rev = align(cluster(reversed(range(len(bodies)))), settings_)
    again = align(cluster(range(len(bodies))), settings_)

    def key(links):
        out = set()
        for l in links:
            ends = sorted([(l.a.article, l.a.sentence), (l.b.article, l.b.sentence)])
            out.add((tuple(ends), l.relation, round(l.score, 6)))
        return out

    assert [(l.a, l.b, l.relation, l.score) for l in fwd] == [(l.a, l.b, l.relation, l.score) for l in again]
    assert key(fwd) == key(rev)
