"""``reviewer claims``: the claims of a cluster with the reviewer's decisions, as JSON, CSV or
Markdown; and the graph warnings of ``reviewer check``.

This module joins the files (articles, alignment, one reviewer's sidecar) to the pure core in
``claims.py``: the sidecar's decisions become the core's plain ``links`` and ``decisions``
exactly as the TUI shows them (``ReviewSession``: a decision counts for the suggested link of
the same relation; manual links are links of their own).
"""

from __future__ import annotations

import csv
import io
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from reviewer.claims import Claim, ClaimLink, ClaimSet, Key, SourceMatrix, build_claims, source_matrix
from reviewer.errors import ReviewerError
from reviewer.models import Cluster, Link

WARNINGS_SHOWN = 20  # per graph in `reviewer check`; the rest are counted


@dataclass
class ClaimsReport:
    name: str
    folder: Path
    cluster: Cluster
    claims: ClaimSet
    reviewer: str | None = None
    sidecar: Path | None = None
    labels: dict[Key, list[str]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def claim_inputs(cluster: Cluster, suggested: list[Link], data=None, labels=()) -> tuple[list, dict, dict]:
    """(links, decisions, labels by sentence) for ``build_claims`` from the engine's links and an
    already re-anchored sidecar (``ReviewData``) or None."""
    if data is None:
        return list(suggested), {}, {}
    from reviewer.review import ReviewSession
    from reviewer.review.claimboard import session_inputs

    session = ReviewSession(cluster, data, list(labels))
    session.set_suggested(suggested)
    links, decisions = session_inputs(session)
    return links, decisions, {k: sorted(v) for k, v in session.tags_by.items() if v}


def _pick_sidecar(paths: list[str], sidecar: str | None, reviewer: str | None, warnings: list[str]):
    from reviewer.sidecar.codec import load_sidecar
    from reviewer.sidecar.paths import sidecars_for

    if sidecar is not None:
        p = Path(sidecar)
        if not p.is_file():
            raise ReviewerError("no such sidecar", path=str(p))
        data = load_sidecar(p)
        if reviewer is not None and data.reviewer != reviewer:
            raise ReviewerError(f"this sidecar is reviewer {data.reviewer!r}, not {reviewer!r}", path=str(p))
        return p, data
    found = [(p, load_sidecar(p)) for p in sidecars_for(paths)]
    if reviewer is not None:
        mine = [(p, d) for p, d in found if d.reviewer == reviewer]
        if not mine:
            warnings.append(f"no sidecar of reviewer {reviewer!r} beside the articles: "
                            "claims from the engine's suggestions alone")
            return None, None
        found = mine
    if len(found) > 1:
        from reviewer.resources import seeds_sidecar_note

        names = ", ".join(sorted({d.reviewer for _, d in found}))
        note = seeds_sidecar_note([p for p, _ in found])
        raise ReviewerError(f"sidecars of several reviewers ({names}{'; ' + note if note else ''}): "
                            "choose one with --reviewer NAME or --sidecar FILE", path=str(found[0][0].parent))
    return found[0] if found else (None, None)


def gather_claims(paths: list[str], *, sidecar: str | None = None, reviewer: str | None = None,
                  config=None, use_cache: bool = True) -> ClaimsReport:
    from reviewer.io.articles import load_cluster
    from reviewer.engine.cache import align_cached
    from reviewer.config import Config, load_config
    from reviewer.sidecar.paths import sidecar_folder
    from reviewer.sidecar.reanchor import reanchor_or_refuse, sentences_of

    cfg = config if isinstance(config, Config) else load_config(config)
    for p in paths:
        if not Path(p).exists():
            raise ReviewerError("no such file or folder", path=str(p))
    cluster = load_cluster(list(paths))
    folder = sidecar_folder(list(paths))
    warnings: list[str] = []
    side_path, data = _pick_sidecar(list(paths), sidecar, reviewer, warnings)
    if data is not None:
        rep = reanchor_or_refuse(data, sentences_of(cluster), side_path)
        if rep.warning:
            warnings.append(rep.warning)
        if rep.orphans:
            warnings.append(f"{side_path}: {len(rep.orphans)} decisions or tags whose sentence is gone are left out "
                            "(reviewer check lists them)")
    suggested, _hit = align_cached(cluster, cfg.align, use_cache=use_cache)
    links, decisions, labels = claim_inputs(cluster, suggested, data, cfg.labels)
    return ClaimsReport(name=folder.resolve().name or "cluster", folder=folder, cluster=cluster,
                        claims=build_claims(cluster, links, decisions),
                        reviewer=data.reviewer if data is not None else None, sidecar=side_path,
                        labels=labels, warnings=warnings)


# --------------------------------------------------------------------------- JSON

def _ref(k: Key) -> dict:
    return {"article": k[0], "sentence": k[1]}


def link_dict(l: ClaimLink) -> dict:
    return {"a": _ref(l.a), "b": _ref(l.b), "relation": l.relation,
            "score": None if l.score is None else round(l.score, 4), "decision": l.decision,
            "evidence": [{"kind": e.kind, "a": e.a, "b": e.b, "a_span": list(e.a_span), "b_span": list(e.b_span)}
                         for e in l.evidence]}


def _relpath(path: str | Path, folder: Path) -> str:
    """``path`` relative to the cluster folder when it is inside it, else the full path (a
    sidecar of the bundled seeds lives in the user data folder: no ``../../..`` chains)."""
    try:
        rel = Path(os.path.relpath(os.path.abspath(path), os.path.abspath(folder))).as_posix()
    except ValueError:
        return Path(path).as_posix()
    return Path(os.path.abspath(path)).as_posix() if rel.startswith("../") else rel


def claims_dict(rep: ClaimsReport) -> dict:
    texts = {(a.id, s.index): s.text for a in rep.cluster.articles for s in a.sentences}
    arts = sorted(rep.cluster.articles, key=lambda a: a.id)
    return {
        "version": 1,
        "cluster": rep.name,
        "reviewer": rep.reviewer,
        "sidecar": None if rep.sidecar is None else _relpath(rep.sidecar, rep.folder),
        "articles": [{"id": a.id, "path": _relpath(a.path, rep.folder), "title": a.title, "date": a.date,
                      "source": a.source, "sentences": len(a.sentences)} for a in arts],
        "claims": [{
            "id": c.id,
            "sources": c.sources,
            "sentences": [{"article": k[0], "sentence": k[1], "text": texts[k], "labels": rep.labels.get(k, [])}
                          for k in c.sentences],
            "contradicted_by": c.contradicted_by,
            "silent": c.silent,
            "conflicts": [{"claim": other, "links": [link_dict(l) for l in c.conflicts[other]]}
                          for other in sorted(c.conflicts)],
            "links": [link_dict(l) for l in c.links],
            "decisions": c.decision_counts(),
            "flags": c.flags,
        } for c in rep.claims.claims],
        "inconsistencies": [{"kind": i.kind, "claim": i.claim, "message": i.one_line(),
                             "links": [link_dict(l) for l in i.links]} for i in rep.claims.inconsistencies],
        "sources": sources_dict(source_matrix(rep.claims)),
    }


def sources_dict(m: SourceMatrix) -> dict:
    """The source × source summary: claims per source, and for every two sources (``a < b``)
    the claims they share, contradict each other on, and each has alone."""
    return {"claims": dict(m.claims_of),
            "pairs": [{"a": p.a, "b": p.b, "shared": p.shared, "contradicted": p.contradicted,
                       "only_a": p.only_a, "only_b": p.only_b} for p in m.pairs()]}


def to_json(rep: ClaimsReport) -> str:
    return json.dumps(claims_dict(rep), ensure_ascii=False, indent=2) + "\n"


# --------------------------------------------------------------------------- CSV

CSV_FIXED = ["claim", "n_sources", "sources", "contradicted_by", "silent", "conflicts_with",
             "accepted", "rejected", "open", "flags", "text"]


def cell_of(c: Claim, cs: ClaimSet, article: str) -> str:
    """One article's cell: its sentence indices when it states the claim ("3;7"), "≠" and the
    indices of its conflicting sentences when it states another version, empty when silent."""
    parts = []
    mine = [k[1] for k in c.sentences if k[0] == article]
    if mine:
        parts.append(";".join(map(str, mine)))
    other = sorted({k[1] for k in c.conflicting_sentences() if k[0] == article})
    if other:
        parts.append("≠" + ";".join(map(str, other)))
    return " ".join(parts)


def to_csv(rep: ClaimsReport) -> str:
    cs = rep.claims
    texts = {(a.id, s.index): s.text for a in rep.cluster.articles for s in a.sentences}
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(CSV_FIXED + cs.articles)
    for c in cs.claims:
        d = c.decision_counts()
        w.writerow([c.id, len(c.sources), ";".join(c.sources), ";".join(c.contradicted_by), ";".join(c.silent),
                    ";".join(map(str, sorted(c.conflicts))), d["accepted"], d["rejected"], d["open"],
                    ";".join(c.flags), texts[c.sentences[0]]] + [cell_of(c, cs, a) for a in cs.articles])
    return buf.getvalue()


# --------------------------------------------------------------------------- Markdown

def _letters(n: int) -> list[str]:
    out = []
    for i in range(n):
        s, i = "", i + 1
        while i:
            i, r = divmod(i - 1, 26)
            s = chr(65 + r) + s
        out.append(s)
    return out


def _md(text: str, limit: int | None = None) -> str:
    text = " ".join(text.split())
    if limit is not None and len(text) > limit:
        text = text[: limit - 1].rsplit(" ", 1)[0] + " …"
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("*", "\\*").replace("_", "\\_")


def to_markdown(rep: ClaimsReport) -> str:
    cs = rep.claims
    texts = {(a.id, s.index): s.text for a in rep.cluster.articles for s in a.sentences}
    letters = dict(zip(cs.articles, _letters(len(cs.articles))))
    shared = sum(1 for c in cs.claims if len(c.sources) > 1)
    contested = sum(1 for c in cs.claims if c.conflicts)
    who = f"reviewer {rep.reviewer} ({_relpath(rep.sidecar, rep.folder)})" if rep.reviewer else \
        "the engine's suggestions (no sidecar)"
    out = [f"# Claims: {rep.name}", "",
           f"{len(cs.claims)} claims over {len(cs.articles)} articles: {shared} stated by more than one, "
           f"{contested} with a conflicting version, {len(cs.inconsistencies)} inconsistencies; "
           f"links and decisions from {who}.", "",
           "Cells: `✓ 3` the article states the claim (sentence 3), `≠ 5` it states a conflicting "
           "version (sentence 5), `·` silent. Decisions: accepted / rejected / open links.", ""]
    out += [f"- **{letters[a]}** `{a}`" for a in cs.articles] + [""]
    out.append("| # | claim | " + " | ".join(letters[a] for a in cs.articles) + " | conflicts with | decisions |")
    out.append("|---:|---|" + "|".join(":-:" for _ in cs.articles) + "|---|---|")
    for c in cs.claims:
        cells = []
        for a in cs.articles:
            mine = [str(k[1]) for k in c.sentences if k[0] == a]
            other = sorted({k[1] for k in c.conflicting_sentences() if k[0] == a})
            cell = " ".join(filter(None, ["✓ " + ",".join(mine) if mine else "",
                                          "≠ " + ",".join(map(str, other)) if other else ""]))
            cells.append(cell or "·")
        d = c.decision_counts()
        flag = " ⚠" if c.flags else ""
        out.append(f"| {c.id}{flag} | {_md(texts[c.sentences[0]], 70)} | " + " | ".join(cells) + " | "
                   + (", ".join(f"#{o}" for o in sorted(c.conflicts)) or "") + f" | {d['accepted']}/{d['rejected']}/{d['open']} |")
    contested_claims = [c for c in cs.claims if c.conflicts]
    if contested_claims:
        out += ["", "## Contested claims", ""]
        for c in contested_claims:
            out.append(f"### Claim {c.id} ({', '.join(letters[a] for a in c.sources)})")
            out.append("")
            for k in c.sentences:
                out.append(f"- {letters[k[0]]}:{k[1]} {_md(texts[k])}")
            for other in sorted(c.conflicts):
                for l in c.conflicts[other]:
                    mine, theirs = (l.a, l.b) if cs.claim_of[l.a] == c.id else (l.b, l.a)
                    ev = "; ".join(f"{e.kind}: “{e.a}” vs “{e.b}”" if mine == l.a else f"{e.kind}: “{e.b}” vs “{e.a}”"
                                   for e in l.evidence)
                    state = l.decision or "open"
                    out.append(f"  - {letters[mine[0]]}:{mine[1]} ≠ {letters[theirs[0]]}:{theirs[1]}, claim {other} ({state}"
                               + (f"; {_md(ev)}" if ev else "") + f"): {_md(texts[theirs], 160)}")
            out.append("")
    if out[-1]:
        out.append("")
    out += _markdown_matrix(source_matrix(cs), letters)
    if cs.inconsistencies:
        if out[-1]:
            out.append("")
        out += ["## Inconsistencies", ""]
        out += [f"- {_md(i.one_line())}" for i in cs.inconsistencies]
    return "\n".join(out).rstrip("\n") + "\n"


def _markdown_matrix(m: SourceMatrix, letters: dict[str, str]) -> list[str]:
    """The source × source table: in row X, column Y, the claims both state (≈), the claims one
    states and the other contradicts (≠), and the claims X states on which Y is silent (+)."""
    arts = m.articles
    out = ["## Sources × sources", "",
           "Row X, column Y: `≈` claims both state · `≠` claims on which one contradicts the other · "
           "`+` claims X states and Y is silent on. The diagonal: the claims X states.", "",
           "| | " + " | ".join(letters[a] for a in arts) + " |", "|---|" + "|".join("--:" for _ in arts) + "|"]
    for x in arts:
        cells = []
        for y in arts:
            if x == y:
                cells.append(f"**{m.claims_of[x]}**")
            else:
                p = m.pair(x, y)
                cells.append(f"{p.shared} ≈ {p.contradicted} ≠ {p.only_a} +")
        out.append(f"| **{letters[x]}** | " + " | ".join(cells) + " |")
    return out + [""]


RENDERERS = {"json": to_json, "csv": to_csv, "markdown": to_markdown}


# --------------------------------------------------------------------------- reviewer check

def graph_warnings(cluster: Cluster, config, sidecars: list[tuple[Path, object]]) -> list[str]:
    """One warning line per inconsistency of the link graph: the engine's suggestions as each
    re-anchored sidecar decides them (the suggestions alone when there is no sidecar)."""
    from reviewer.engine.cache import align_cached
    from reviewer.config import AlignSettings

    settings = getattr(config, "align", None) or AlignSettings()
    suggested, _hit = align_cached(cluster, settings)
    graphs = sidecars or [(None, None)]
    lines = []
    for path, data in graphs:
        links, decisions, _ = claim_inputs(cluster, suggested, data, getattr(config, "labels", ()))
        found = build_claims(cluster, links, decisions).inconsistencies
        where = f"{path}: " if path is not None else "suggested links: "
        lines += [where + i.one_line() for i in found[:WARNINGS_SHOWN]]
        if len(found) > WARNINGS_SHOWN:
            lines.append(f"{where}{len(found) - WARNINGS_SHOWN} more inconsistencies "
                         "(reviewer claims PATH --json lists them all)")
    return lines
