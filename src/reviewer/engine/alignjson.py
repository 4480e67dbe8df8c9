"""The alignment JSON of the contract: deterministic, byte-identical for the same input."""

from __future__ import annotations

import dataclasses
import json
import math

from reviewer.models import Cluster, Evidence, Link, Sentence, SentenceRef

try:  # the fast encoder (a dependency); the standard library writes the same bytes, slower
    import orjson
except ImportError:  # pragma: no cover
    orjson = None


def alignment_dict(cluster: Cluster, links: list[Link]) -> dict:
    return {
        "version": 1,
        "articles": [
            {
                "id": art.id,
                "path": art.path,
                "title": art.title,
                "date": art.date,
                "source": art.source,
                "url": art.url,
                "sentences": [
                    {"index": s.index, "start": s.start, "end": s.end, "text": s.text}
                    for s in art.sentences
                ],
            }
            for art in cluster.articles
        ],
        "links": [link_dict(l) for l in links],
    }


def link_dict(link: Link) -> dict:
    return {
        "a": {"article": link.a.article, "sentence": link.a.sentence},
        "b": {"article": link.b.article, "sentence": link.b.sentence},
        "relation": link.relation,
        "score": round(float(link.score), 4),
        "evidence": [
            {"kind": e.kind, "a": e.a, "b": e.b, "a_span": list(e.a_span), "b_span": list(e.b_span)}
            for e in link.evidence
        ],
    }


def dumps(cluster: Cluster, links: list[Link], indent: int | None = 2) -> str:
    if indent == 2 and orjson is not None:
        try:
            return _dumps_fast(cluster, links)
        except TypeError:  # what orjson cannot write as json does (a lone surrogate, a huge int)
            pass
    return json.dumps(alignment_dict(cluster, links), ensure_ascii=False, indent=indent) + "\n"


# orjson writes a dataclass as an object of its fields in order: the models whose fields are
# the JSON's keys go out as they are, without building a dict per link and per sentence.
_SHAPES = ((Sentence, ("index", "start", "end", "text")), (SentenceRef, ("article", "sentence")),
           (Evidence, ("kind", "a", "b", "a_span", "b_span")), (Link, ("a", "b", "relation", "score", "evidence")))
_AS_IS = all(tuple(f.name for f in dataclasses.fields(cls)) == names for cls, names in _SHAPES)


def _as_is(link: Link) -> bool:
    s = link.score
    return type(s) is float and math.isfinite(s) and round(s, 4) == s


def _dumps_fast(cluster: Cluster, links: list[Link]) -> str:
    """The same bytes as ``json.dumps(alignment_dict(...), ensure_ascii=False, indent=2)``
    (orjson's indent is 2 spaces, its floats are Python's shortest repr, its escapes are
    json's with ensure_ascii=False; tests/test_speed.py holds it to that)."""
    data = {
        "version": 1,
        "articles": [
            {"id": art.id, "path": art.path, "title": art.title, "date": art.date, "source": art.source,
             "url": art.url, "sentences": art.sentences if _AS_IS else
             [{"index": s.index, "start": s.start, "end": s.end, "text": s.text} for s in art.sentences]}
            for art in cluster.articles
        ],
        "links": [l if _AS_IS and _as_is(l) else link_dict(l) for l in links],
    }
    return orjson.dumps(data, option=orjson.OPT_INDENT_2).decode("utf-8") + "\n"
