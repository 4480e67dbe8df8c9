"""The alignment JSON of the contract: deterministic, byte-identical for the same input."""

from __future__ import annotations

import json

from reviewer.models import Cluster, Evidence, Link

try:  # the fast encoder (a dependency); the standard library writes the same bytes, slower
    import orjson
except ImportError:  # pragma: no cover
    orjson = None


def alignment_dict(cluster: Cluster, links: list[Link], *, share: bool = False) -> dict:
    """The contract's JSON as a dict. ``share``: equal sentence references and evidence become
    one dict each, used by every link that has them (only for writing it out at once: the
    many links of a dense cluster repeat them; the bytes are the same)."""
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
                "sentences": [_sentence_dict(s) for s in art.sentences],
            }
            for art in cluster.articles
        ],
        "links": _in_source(cluster, _link_dicts(links, share)),
    }


def _sentence_dict(s) -> dict:
    if s.source is not None:  # a .md sentence: the contract's text is the file's span; plain leaves the markup out
        d = {"index": s.index, "start": s.start, "end": s.end, "text": s.source, "plain": s.text}
    else:
        d = {"index": s.index, "start": s.start, "end": s.end, "text": s.text}
    if s.lang:
        d["lang"] = s.lang
    return d


def _in_source(cluster: Cluster, dicts: list[dict]) -> list[dict]:
    """Links' evidence spans of ``.md`` sentences moved from the clean text to the file's span
    (``text`` of the JSON), their words read there: ``a == text[a_span[0]:a_span[1]]`` holds as
    for every other sentence. Other links' dicts are passed through untouched."""
    mapped = {(art.id, s.index): s for art in cluster.articles for s in art.sentences if s.source is not None}
    if not mapped:
        return dicts
    out = []
    for d in dicts:
        sa = mapped.get((d["a"]["article"], d["a"]["sentence"]))
        sb = mapped.get((d["b"]["article"], d["b"]["sentence"]))
        if (sa is None and sb is None) or not d["evidence"]:
            out.append(d)
            continue
        evs = []
        for e in d["evidence"]:
            e = dict(e)
            for side, s in (("a", sa), ("b", sb)):
                if s is not None:
                    span = _source_span(s, e[f"{side}_span"])
                    e[f"{side}_span"] = list(span)
                    e[side] = s.source[span[0]:span[1]]
            evs.append(e)
        out.append({**d, "evidence": evs})
    return out


def _source_span(s, span) -> tuple[int, int]:
    x, y = int(span[0]), int(span[1])
    at = s.source_at
    if not at or y <= x:
        return (at[x] if at and x < len(at) else 0,) * 2
    x, y = min(x, len(at) - 1), min(y, len(at))
    return at[x], at[y - 1] + 1


def _link_dicts(links: list[Link], share: bool) -> list[dict]:
    if not share:
        return [link_dict(l) for l in links]
    return _shared_link_dicts(links)


def _shared_link_dicts(links: list[Link]) -> list[dict]:
    """:func:`link_dict` of every link, sharing what links repeat (issue 15: the ~100k links of a
    dense cluster): one dict per sentence reference (by object: the engine gives each sentence
    one reference; equal copies only share less), per evidence, one rounded score per score
    value, one empty evidence list. The dicts are only for writing out: the bytes are the same."""
    refs: dict[int, dict] = {}
    evs: dict = {}
    rounded: dict = {}
    none: list = []
    out = []
    append = out.append
    for l in links:
        ra, rb = l.a, l.b
        a = refs.get(id(ra))
        if a is None:
            a = refs[id(ra)] = {"article": ra.article, "sentence": ra.sentence}
        b = refs.get(id(rb))
        if b is None:
            b = refs[id(rb)] = {"article": rb.article, "sentence": rb.sentence}
        s = l.score
        r = rounded.get(s)
        if r is None:
            r = round(float(s), 4)
            if s:  # 0.0 and -0.0 are equal keys but written apart
                rounded[s] = r
        if l.evidence:
            evidence = []
            for e in l.evidence:
                d = evs.get(e)
                if d is None:
                    d = evs[e] = _evidence_dict(e)
                evidence.append(d)
        else:
            evidence = none
        d = {"a": a, "b": b, "relation": l.relation, "score": r, "evidence": evidence}
        if ra.article == rb.article:
            d["within_article"] = True
        append(d)
    return out


def link_dict(link: Link) -> dict:
    """One link as the alignment JSON writes it, in dicts of its own (shared with no other link)."""
    return _shared_link_dicts([link])[0]


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
    return json.dumps(alignment_dict(cluster, links, share=True), ensure_ascii=False, indent=indent) + "\n"


def _dumps_fast(cluster: Cluster, links: list[Link]) -> str:
    """The same bytes as ``json.dumps(alignment_dict(...), ensure_ascii=False, indent=2)``
    (orjson's indent is 2 spaces, its floats are Python's shortest repr, its escapes are
    json's with ensure_ascii=False; tests/test_speed.py holds it to that)."""
    from reviewer.engine.features import collector_paused

    with collector_paused():  # ~100k dicts, all kept until written: the cycle collector's passes find nothing
        data = alignment_dict(cluster, links, share=True)
    return orjson.dumps(data, option=orjson.OPT_INDENT_2).decode("utf-8") + "\n"
