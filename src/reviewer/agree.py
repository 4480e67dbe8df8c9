"""``reviewer agree``: agreement between reviewers who labelled the same articles.

Units
-----
- **Sentence labels.** For every label any reviewer used, each sentence is one unit and each
  reviewer's value is binary: ``present`` (they tagged the sentence with that label) or
  ``absent``. The sentences are *all* sentences of the articles when the articles are found
  (``--articles PATH...``, else article files beside the first sidecar): a sentence nobody
  tagged is then an agreement on ``absent``. Without articles, the units are the union of
  the sentences any reviewer tagged (with any label). The report says which was used.
  "All labels" pools every (sentence, label) unit.
- **Link decisions.** Each (sentence pair, relation) decided by at least two reviewers is a
  unit; the value is ``accepted`` or ``rejected``; a reviewer who did not decide it is a
  missing value. A pair two reviewers decided with *different relations* (alice accepted a
  match, bob a conflict) is no unit (no link both decided), yet they disagree on it: such
  pairs are listed apart (``links["different_relations"]``, and in the table's
  disagreements), not counted among the links decided by one reviewer only.

Tags and links whose sentence is gone from the articles (orphans) are left out, with a warning.
A sidecar none of whose items is on these articles (another cluster's, or the articles were
renamed) is refused, naming it: its figures would mean nothing (``force=True``, ``--force``,
compares it anyway, with a warning). Without articles, a sidecar that shares no article with
the others is refused the same way.

The adjudicator
---------------
The sidecar of the reviewer named ``adjudicator`` (``reviewer PATH --adjudicate``) is not an
annotator's: it is set apart from the reviewers above (at least two others are needed) and
compared on its own, link decisions only: for each annotator, the link units both decided,
the share of them where the annotator's decision is the adjudicator's, and Cohen's κ
(``report["adjudicator"]``; null when no adjudicator's sidecar is given).

Measures (for each label, all labels pooled, and links)
------------------------------------------------------
- observed (raw) agreement: the share of agreeing pairs of values within units;
- Cohen's κ: for exactly two reviewers; with more, for every pair (``pairs``) and their mean;
  computed on the units both reviewers rated; undefined (null) when chance agreement is 1
  (both used one and the same value throughout);
- Krippendorff's α (nominal), from the ``krippendorff`` package (missing values allowed;
  a built-in implementation of the same formula is used if the package is missing); null
  when the data hold a single value;
- a confusion table for each pair of reviewers, and the list of disagreements with the
  sentence text and who said what.
"""

from __future__ import annotations

import itertools
import os
from collections import Counter
from pathlib import Path
from typing import Sequence

from reviewer.errors import ReviewerError

PRESENT, ABSENT = "present", "absent"
ACCEPTED, REJECTED = "accepted", "rejected"
MISSING = None


# --------------------------------------------------------------------------- the measures

def cohen_kappa(a: Sequence, b: Sequence) -> float | None:
    """Cohen's κ of two equally long sequences of nominal values (None entries are skipped)."""
    pairs = [(x, y) for x, y in zip(a, b) if x is not None and y is not None]
    n = len(pairs)
    if n == 0:
        return None
    po = sum(1 for x, y in pairs if x == y) / n
    ca, cb = Counter(x for x, _ in pairs), Counter(y for _, y in pairs)
    pe = sum(ca[c] * cb[c] for c in set(ca) | set(cb)) / (n * n)
    if pe >= 1.0:
        return None
    return (po - pe) / (1 - pe)


def observed_agreement(units: Sequence[Sequence]) -> float | None:
    """Share of agreeing pairs of values within units (None values are missing)."""
    agree = total = 0
    for values in units:
        vals = [v for v in values if v is not None]
        for x, y in itertools.combinations(vals, 2):
            total += 1
            agree += x == y
    return agree / total if total else None


def alpha_nominal_builtin(units: Sequence[Sequence]) -> float | None:
    """Krippendorff's α for nominal data from the coincidence matrix (units x raters, None = missing)."""
    o: Counter = Counter()
    for values in units:
        vals = [v for v in values if v is not None]
        m = len(vals)
        if m < 2:
            continue
        for i, j in itertools.permutations(range(m), 2):
            o[(vals[i], vals[j])] += 1 / (m - 1)
    n_c: Counter = Counter()
    for (c, _k), w in o.items():
        n_c[c] += w
    n = sum(n_c.values())
    if n <= 1:
        return None
    disagree = sum(w for (c, k), w in o.items() if c != k)
    expected = sum(n_c[c] * n_c[k] for c in n_c for k in n_c if c != k)
    if expected == 0:
        return None
    return 1 - (n - 1) * disagree / expected


def alpha_nominal(units: Sequence[Sequence]) -> float | None:
    """Krippendorff's α (nominal) via the ``krippendorff`` package; None when undefined."""
    cats = sorted({v for values in units for v in values if v is not None}, key=str)
    if len(cats) < 2:
        return None
    try:
        import numpy as np
        import krippendorff
    except ImportError:  # pragma: no cover - the package is a dependency
        return alpha_nominal_builtin(units)
    code = {c: i for i, c in enumerate(cats)}
    raters = max((len(u) for u in units), default=0)
    matrix = np.full((raters, len(units)), np.nan)
    for j, values in enumerate(units):
        for i, v in enumerate(values):
            if v is not None:
                matrix[i, j] = code[v]
    try:
        value = float(krippendorff.alpha(reliability_data=matrix, level_of_measurement="nominal",
                                         value_domain=list(range(len(cats)))))
    except (ValueError, ZeroDivisionError):
        return None
    return None if value != value else value  # NaN -> None


def _r(x: float | None) -> float | None:
    return None if x is None else round(x, 4)


def measure(reviewers: list[str], units: list[tuple[object, list]], categories: tuple[str, str],
            describe) -> dict:
    """All measures for one set of units: ``units`` is [(unit id, [value per reviewer])]."""
    values = [v for _, v in units]
    rated = [v for v in values if sum(x is not None for x in v) >= 2]
    out: dict = {"units": len(rated), "observed": _r(observed_agreement(values)), "kappa": None,
                 "alpha": _r(alpha_nominal(values)), "pairs": [], "confusion": {}, "disagreements": []}
    kappas = []
    for i, j in itertools.combinations(range(len(reviewers)), 2):
        col_i = [v[i] for v in values]
        col_j = [v[j] for v in values]
        both = [(x, y) for x, y in zip(col_i, col_j) if x is not None and y is not None]
        k = cohen_kappa(col_i, col_j)
        if k is not None:
            kappas.append(k)
        table = {c: {d: 0 for d in categories} for c in categories}
        for x, y in both:
            table.setdefault(x, {d: 0 for d in categories}).setdefault(y, 0)
            table[x][y] += 1
        out["pairs"].append({"a": reviewers[i], "b": reviewers[j], "units": len(both),
                             "observed": _r(sum(x == y for x, y in both) / len(both)) if both else None,
                             "kappa": _r(k)})
        out["confusion"][f"{reviewers[i]} x {reviewers[j]}"] = table
    if len(reviewers) == 2:
        out["kappa"] = out["pairs"][0]["kappa"] if out["pairs"] else None
    elif kappas:
        out["kappa"] = _r(sum(kappas) / len(kappas))
        out["kappa_is_mean_of_pairs"] = True
    for uid, v in units:
        present = {reviewers[i]: x for i, x in enumerate(v) if x is not None}
        if len(set(present.values())) > 1:
            out["disagreements"].append({**describe(uid), "values": present})
    return out


# --------------------------------------------------------------------------- sidecars to units

def _find_articles(sidecar_paths: list[Path]) -> list[Path] | None:
    from reviewer.io.articles import expand_paths

    folder = sidecar_paths[0].parent if str(sidecar_paths[0].parent) else Path(".")
    files, _ = expand_paths([folder])
    return [folder] if files else None


def agreement(sidecars: Sequence[str | os.PathLike[str]], articles: Sequence[str | os.PathLike[str]] | None = None,
              labels: Sequence[str] | None = None, force: bool = False) -> dict:
    """The agreement report (a JSON-able dict) of two or more sidecars. ``labels`` orders the
    labels (the config's); labels nobody used are left out. The adjudicator's sidecar is set
    apart (``report["adjudicator"]``); a sidecar of another cluster is refused unless ``force``."""
    from reviewer.annotations import ADJUDICATOR
    from reviewer.sidecar.codec import load_sidecar

    paths = [Path(p) for p in sidecars]
    if len(paths) < 2:
        raise ReviewerError("give at least two sidecars to compare")
    seen: dict[Path, Path] = {}
    for p in paths:
        try:
            same = seen.setdefault(p.resolve(), p)
        except OSError:
            continue
        if same is not p:  # one file given twice agrees with itself: a kappa of 1 that means nothing
            raise ReviewerError(f"{p} is given twice{'' if str(same) == str(p) else f' (also as {same})'}: "
                                "give each reviewer's sidecar once")
    warnings: list[str] = []
    datas = [load_sidecar(p) for p in paths]
    adj = [i for i, d in enumerate(datas) if d.reviewer == ADJUDICATOR]
    if adj:
        if len(paths) - len(adj) < 2:
            raise ReviewerError(f"give at least two annotators' sidecars to compare: {paths[adj[0]]} is the "
                                "adjudicator's, which is compared with the annotators on its own line, "
                                "not counted as one of them")
        for i in adj[1:]:
            warnings.append(f"{paths[i]}: a second adjudicator's sidecar; left out (compared: {paths[adj[0]]})")
    keep = [i for i in range(len(paths)) if i not in adj]
    texts, unit_keys, unit_source = _units(paths, datas, articles, warnings, force, counted=keep)
    adj_path, adj_data = (paths[adj[0]], datas[adj[0]]) if adj else (None, None)
    paths, datas = [paths[i] for i in keep], [datas[i] for i in keep]
    names = _reviewer_names(paths, datas, warnings)
    if unit_source["kind"] == "tagged":
        _refuse_unrelated(paths, datas, force, warnings)
    per_label, overall = _label_agreement(names, datas, texts, unit_keys, labels)
    links = _link_agreement(names, datas, texts)
    adjudicator = _adjudicator_agreement(names, datas, adj_path, adj_data) if adj_data is not None else None
    return {"reviewers": names, "sidecars": [str(p) for p in paths], "units": unit_source,
            "labels": per_label, "all_labels": overall, "links": links, "adjudicator": adjudicator,
            "warnings": warnings}


FORCE_HINT = ("give the sidecars of one cluster (and its articles with --articles PATH), "
              "or --force to compare anyway")


def _refuse_unrelated(paths: list[Path], datas: list, force: bool, warnings: list[str]) -> None:
    """Without articles: a sidecar whose items are on no article any other sidecar names is
    another cluster's; refused (a warning with ``force``)."""
    def articles_of(d) -> set[str]:
        ends = [t.anchor for t in d.tags] + [n.anchor for n in d.notes] + [e for l in d.links for e in (l.a, l.b)]
        return {a.article for a in ends}

    def few(ids: set[str]) -> str:  # "a, b, c…"
        return ", ".join(sorted(ids)[:3]) + ("…" if len(ids) > 3 else "")

    arts = [articles_of(d) for d in datas]
    for i, p in enumerate(paths):
        others = set().union(*(a for j, a in enumerate(arts) if j != i))
        if not (arts[i] and others and not arts[i] & others):
            continue
        if len(paths) == 2:
            why = (f"{paths[0]} and {paths[1]} have no article in common ({few(arts[0])} vs {few(arts[1])}): "
                   "sidecars of two clusters; agreement between them would mean nothing")
        else:
            why = (f"{p}: none of its items is on an article the other sidecars name ({few(arts[i])} vs "
                   f"{few(others)}): another cluster's sidecar; agreement with it would mean nothing")
        if not force:
            raise ReviewerError(f"{why}; {FORCE_HINT}")
        warnings.append(f"{why}; compared anyway (--force)")
        if len(paths) == 2:
            return  # one pair: said once


def _adjudicator_agreement(names: list[str], datas: list, path: Path, adj) -> dict:
    """Each annotator against the adjudicator, on the link units both decided: units, the share
    where they agree, Cohen's κ."""
    def decisions(d) -> dict:
        out = {}
        for l in d.links:
            if not (l.a.orphan or l.b.orphan):
                a, b = sorted([l.a, l.b], key=lambda x: x.key())
                out[(a.key(), b.key(), l.relation)] = l.decision
        return out

    mine = decisions(adj)
    rows = []
    for name, d in zip(names, datas):
        theirs = decisions(d)
        both = sorted(set(mine) & set(theirs))
        col_a, col_j = [theirs[u] for u in both], [mine[u] for u in both]
        rows.append({"reviewer": name, "units": len(both),
                     "observed": _r(sum(x == y for x, y in zip(col_a, col_j)) / len(both)) if both else None,
                     "kappa": _r(cohen_kappa(col_a, col_j))})
    return {"reviewer": adj.reviewer, "sidecar": str(path), "links_decided": len(mine), "annotators": rows}


def _reviewer_names(paths: list[Path], datas: list, warnings: list[str]) -> list[str]:
    """Each sidecar's reviewer; a name given twice is told apart as ``name#2``, with a warning."""
    names: list[str] = []
    seen: Counter = Counter()
    for p, d in zip(paths, datas):
        seen[d.reviewer] += 1
        if seen[d.reviewer] > 1:
            name = f"{d.reviewer}#{seen[d.reviewer]}"
            warnings.append(f"{p}: reviewer {d.reviewer!r} also wrote another sidecar given here; "
                            f"compared as {name!r} (is it the same person twice?)")
        else:
            name = d.reviewer
        names.append(name)
    return names


def _units(paths: list[Path], datas: list, articles, warnings: list[str], force: bool = False,
           counted: list[int] | None = None):
    """The sentence units: every sentence of the articles (the sidecars re-anchored to them), or,
    without articles, the sentences any reviewer tagged. Returns (texts, unit keys, description)."""
    from reviewer.io.articles import load_cluster
    from reviewer.sidecar.reanchor import reanchor_or_refuse, sentences_of

    art_paths = list(articles) if articles else _find_articles(paths)
    cluster = None
    if art_paths:
        try:
            cluster = load_cluster(art_paths)
        except ReviewerError as exc:
            if articles:
                raise
            warnings.append(f"the articles beside the sidecars could not be read ({exc.one_line()}); "
                            "using the tagged sentences as units")
    texts: dict[tuple[str, int], str] = {}
    if cluster is not None:
        sentences = sentences_of(cluster)
        for p, d in zip(paths, datas):
            rep = reanchor_or_refuse(d, sentences, p)
            if rep.warning and not force:
                raise ReviewerError(f"{p}: none of its {len(rep.orphans)} tags, notes or link ends is on a sentence "
                                    f"of the articles compared ({', '.join(str(a) for a in art_paths)}): another "
                                    f"cluster's sidecar, or the articles were renamed; agreement with it would "
                                    f"mean nothing; {FORCE_HINT}")
            if rep.warning:
                warnings.append(rep.warning.replace("read anyway", "compared anyway (--force)"))
            elif rep.orphans:
                warnings.append(f"{p}: {len(rep.orphans)} anchors whose sentence is gone are left out")
        texts = {(a.id, s.index): s.text for a in cluster.articles for s in a.sentences}
        unit_keys = list(texts)
        return texts, unit_keys, {
            "kind": "articles", "sentences": len(unit_keys), "articles": len(cluster.articles),
            "text": f"every sentence of the {len(cluster.articles)} articles ({len(unit_keys)} sentences)"}
    keys: set[tuple[str, int]] = set()
    for d in (datas if counted is None else [datas[i] for i in counted]):
        for t in d.tags:
            if not t.anchor.orphan:
                keys.add(t.anchor.key())
                texts.setdefault(t.anchor.key(), t.anchor.quote)
    unit_keys = sorted(keys)
    return texts, unit_keys, {"kind": "tagged", "sentences": len(unit_keys), "articles": None,
                              "text": f"the {len(unit_keys)} sentences any reviewer tagged (no articles found)"}


def _label_agreement(names: list[str], datas: list, texts: dict, unit_keys: list, labels):
    """Per label (present/absent on every unit) and pooled over all labels."""
    tagged = [{(t.anchor.key(), t.label) for t in d.tags if not t.anchor.orphan} for d in datas]
    used = {lab for s in tagged for _, lab in s}
    order = [l for l in (labels or []) if l in used] + sorted(used - set(labels or []))

    def describe_sentence(key):
        return {"article": key[0], "sentence": key[1], "text": texts.get(key, "")}

    per_label = []
    pooled: list[tuple[object, list]] = []
    for lab in order:
        units = [(k, [PRESENT if (k, lab) in s else ABSENT for s in tagged]) for k in unit_keys]
        pooled += [((k, lab), v) for k, v in units]
        m = measure(names, units, (PRESENT, ABSENT), describe_sentence)
        per_label.append({"label": lab, **m})
    overall = measure(names, pooled, (PRESENT, ABSENT),
                      lambda uid: {**describe_sentence(uid[0]), "label": uid[1]}) if pooled else None
    return per_label, overall


def _link_agreement(names: list[str], datas: list, texts: dict) -> dict:
    """Link decisions (accepted/rejected) of every (pair, relation) decided by two reviewers or more.

    A pair two reviewers decided with different relations (alice accepted a match, bob a
    conflict) has no unit both rated, yet they disagree on it (``export --resolve`` and
    ``--adjudicate`` read their labels, entailment vs contradiction): such pairs are listed
    apart (``different_relations``), not counted in ``decided_by_one``."""
    decided: dict[tuple, list] = {}
    link_text: dict[tuple, tuple[str, str, str, str]] = {}
    for i, d in enumerate(datas):
        for l in d.links:
            if l.a.orphan or l.b.orphan:
                continue
            a, b = sorted([l.a, l.b], key=lambda x: x.key())
            uid = (a.key(), b.key(), l.relation)
            decided.setdefault(uid, [MISSING] * len(datas))[i] = l.decision
            link_text.setdefault(uid, (f"{a.article}:{a.sentence}", texts.get(a.key(), a.quote),
                                       f"{b.article}:{b.sentence}", texts.get(b.key(), b.quote)))
    link_units = [(uid, v) for uid, v in sorted(decided.items()) if sum(x is not None for x in v) >= 2]

    def describe_link(uid):
        ra, ta, rb, tb = link_text[uid]
        return {"relation": uid[2], "a": ra, "a_text": ta, "b": rb, "b_text": tb}

    links = measure(names, link_units, (ACCEPTED, REJECTED), describe_link)
    differ = _different_relations(names, decided)
    apart = {uid for uid in decided if uid[:2] in differ}
    links["decided_by_one"] = sum(1 for uid, v in decided.items()
                                  if sum(x is not None for x in v) < 2 and uid not in apart)
    links["different_relations"] = []
    for pair, said in differ.items():
        ra, ta, rb, tb = link_text[next(uid for uid in decided if uid[:2] == pair)]
        links["different_relations"].append({"a": ra, "a_text": ta, "b": rb, "b_text": tb, "values": said})
    return links


def _different_relations(names: list[str], decided: dict[tuple, list]) -> dict[tuple, dict[str, str]]:
    """The pairs two reviewers or more decided whose labels differ (a reviewer's label is the
    pair's NLI label, as ``export --resolve`` reads it: accepted match = entailment, accepted
    conflict = contradiction, rejected = neutral) while no link of the pair was decided
    differently (no disagreement within a unit): (a, b) -> {reviewer: "match accepted", …}."""
    from reviewer.models import pair_vote

    by_pair: dict[tuple, dict[int, list[tuple[str, str]]]] = {}
    for (a, b, relation), v in sorted(decided.items()):
        for i, x in enumerate(v):
            if x is not None:
                by_pair.setdefault((a, b), {}).setdefault(i, []).append((relation, x))
    out = {}
    for pair, who in by_pair.items():
        if len(who) < 2:
            continue
        votes = {pair_vote(said) for said in who.values()}
        in_unit = any(len({x for x in decided[(*pair, rel)] if x is not None}) > 1
                      for rel in {r for said in who.values() for r, _ in said})
        if len(votes) > 1 and not in_unit:
            out[pair] = {names[i]: ", ".join(f"{r} {d}" for r, d in said) for i, said in sorted(who.items())}
    return out


# --------------------------------------------------------------------------- the table

def _fmt(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.3f}"


def render_table(report: dict) -> str:
    """The human-readable report: a summary table with aligned columns, then the pairwise
    kappas (more than two reviewers), the confusion tables and the disagreements."""
    names = report["reviewers"]
    many = len(names) > 2
    lines = [f"reviewers: {', '.join(names)}",
             f"sentence units: {report['units']['text']}",
             "link units: (pair, relation) decided by at least two reviewers"
             + (f"; {report['links']['decided_by_one']} decided by one only, left out"
                if report['links'].get('decided_by_one') else "")
             + _different_relations_line(report["links"].get("different_relations") or [], len(names)),
             ""]
    rows = [("", "units", "agreement", "mean kappa" if many else "kappa", "alpha")]
    entries = [(f"label {m['label']}", m) for m in report["labels"]]
    if report["all_labels"] is not None:
        entries.append(("all labels", report["all_labels"]))
    entries.append(("links", report["links"]))
    for name, m in entries:
        rows.append((name, str(m["units"]), _fmt(m["observed"]), _fmt(m["kappa"]), _fmt(m["alpha"])))
    widths = [max(len(r[i]) for r in rows) for i in range(5)]
    for k, r in enumerate(rows):
        lines.append("  ".join([r[0].ljust(widths[0])] + [c.rjust(w) for c, w in zip(r[1:], widths[1:])]).rstrip())
        if k == 0:
            lines.append("  ".join("-" * w for w in widths))
    if not report["labels"]:
        lines.append("(no labels were used by any reviewer)")
    adj = report.get("adjudicator")
    if adj:
        n = adj["links_decided"]
        lines += ["", f"adjudicator: {adj['sidecar']} ({n} link decision{'s' if n != 1 else ''}; set apart, "
                      "not one of the reviewers above)"]
        arow = [("agreement with the adjudicator", "units", "agreement", "kappa")]
        arow += [(r["reviewer"], str(r["units"]), _fmt(r["observed"]), _fmt(r["kappa"])) for r in adj["annotators"]]
        aw = [max(len(r[i]) for r in arow) for i in range(4)]
        for r in arow:
            lines.append("  " + "  ".join([r[0].ljust(aw[0])] + [c.rjust(w) for c, w in zip(r[1:], aw[1:])]).rstrip())

    if many:
        lines += ["", "pairwise Cohen's kappa:"]
        prow = [("", "pair", "units", "agreement", "kappa")]
        for name, m in entries:
            for p in m["pairs"]:
                prow.append((name, f"{p['a']} x {p['b']}", str(p["units"]), _fmt(p["observed"]), _fmt(p["kappa"])))
        pw = [max(len(r[i]) for r in prow) for i in range(5)]
        for r in prow:
            lines.append("  ".join([r[0].ljust(pw[0]), r[1].ljust(pw[1])] + [c.rjust(w) for c, w in zip(r[2:], pw[2:])]).rstrip())

    lines += ["", "confusion tables:"]
    for name, m in entries:
        for pair, table in m["confusion"].items():
            cats = list(table)
            a, b = pair.split(" x ", 1)
            lines.append(f"  {name} (rows: {a}, columns: {b})")
            head = [""] + cats
            body = [[c] + [str(table[c].get(d, 0)) for d in cats] for c in cats]
            w = [max(len(r[i]) for r in [head] + body) for i in range(len(head))]
            for r in [head] + body:
                lines.append("    " + "  ".join(c.rjust(x) for c, x in zip(r, w)))

    lines += ["", "disagreements:"]
    count = 0
    for name, m in [(f"label {x['label']}", x) for x in report["labels"]] + [("links", report["links"])]:
        for d in m["disagreements"]:
            count += 1
            who = ", ".join(f"{r}: {v}" for r, v in d["values"].items())
            if "relation" in d:
                lines.append(f"  {d['relation']} {d['a']} – {d['b']}  ({who})")
                lines.append(f"      {_quoted(d['a_text'])}")
                lines.append(f"      {_quoted(d['b_text'])}")
            else:
                lines.append(f"  {name} on {d['article']}:{d['sentence']}  ({who})")
                lines.append(f"      {_quoted(d['text'])}")
    for d in report["links"].get("different_relations") or []:
        count += 1
        who = ", ".join(f"{r}: {v}" for r, v in d["values"].items())
        lines.append(f"  different relations {d['a']} – {d['b']}  ({who})")
        lines.append(f"      {_quoted(d['a_text'])}")
        lines.append(f"      {_quoted(d['b_text'])}")
    if not count:
        lines.append("  none")
    return "\n".join(lines) + "\n"


def _different_relations_line(pairs: list, reviewers: int) -> str:
    """``; 2 pairs decided by both through different relations (each reviewer's decisions listed
    below), not counted in the link units`` ("" when there are none)."""
    if not pairs:
        return ""
    n = len(pairs)
    who = "both" if reviewers == 2 else "two reviewers or more"
    return (f"; {n} pair{'s' if n != 1 else ''} decided by {who} through different relations (each reviewer's "
            "decisions listed below), not counted in the link units")


_QUOTES = "\"'“”„‟‘’‚‛«»‹›「」『』"


def _quoted(text: str) -> str:
    """A sentence between quote marks, unless it already starts or ends with one (``““There``)."""
    short = _short(text)
    return short if short[:1] in _QUOTES or short.rstrip("…")[-1:] in _QUOTES else f"“{short}”"


def _short(text: str, n: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"
