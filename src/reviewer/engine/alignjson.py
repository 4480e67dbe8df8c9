"""The alignment JSON of the contract: deterministic, byte-identical for the same input."""

from __future__ import annotations

import json

from reviewer.models import Cluster, Evidence, Link

try:  # the fast encoder (a dependency); the standard library writes the same bytes, slower
    import orjson
except ImportError:  # pragma: no cover
    orjson = None


def alignment_dict(cluster: Cluster, links: list[Link]) -> dict:
    from reviewer.engine.crosslingual import annotate_languages

    annotate_languages(cluster)  # issue 14: the optional "lang" fields
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
                **({"lang": art.lang} if art.lang else {}),
                "sentences": [
                    {"index": s.index, "start": s.start, "end": s.end, "text": s.text,
                     **({"lang": s.lang} if s.lang else {})}
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
        "evidence": [_evidence_dict(e) for e in link.evidence],
    } | ({"within_article": True} if link.a.article == link.b.article else {})


def _evidence_dict(e: Evidence) -> dict:
    d = {"kind": e.kind, "a": e.a, "b": e.b, "a_span": list(e.a_span), "b_span": list(e.b_span)}
    if e.note:
        d["note"] = e.note
    return d


def dumps(cluster: Cluster, links: list[Link], indent: int | None = 2) -> str:
    if indent == 2 and orjson is not None:
        try:
            return _dumps_fast(cluster, links)
        except TypeError:  # what orjson cannot write as json does (a lone surrogate, a huge int)
            pass
    return json.dumps(alignment_dict(cluster, links), ensure_ascii=False, indent=indent) + "\n"


def _dumps_fast(cluster: Cluster, links: list[Link]) -> str:
    """The same bytes as ``json.dumps(alignment_dict(...), ensure_ascii=False, indent=2)``
    (orjson's indent is 2 spaces, its floats are Python's shortest repr, its escapes are
    json's with ensure_ascii=False; tests/test_speed.py holds it to that)."""
    return orjson.dumps(alignment_dict(cluster, links), option=orjson.OPT_INDENT_2).decode("utf-8") + "\n"
