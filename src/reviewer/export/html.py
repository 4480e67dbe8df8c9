"""``html``: one self-contained report page for editors, built from small section functions."""

from __future__ import annotations

from dataclasses import replace
from html import escape as e

from reviewer.export import claims_html
from reviewer.export.html_parts import (PairView, css_color, highlight, letter, pair_views, report_css, snippet,
                                        title_html)
from reviewer.export.model import End, ExportData, NoteRow
from reviewer.export.records import article_meta, oriented
from reviewer.export.resolve import annotators, pair_key, reviewer_votes
from reviewer.models import NLI_LABEL_OF_RELATION, NLI_NEUTRAL

_SINGULAR = {"articles": "article", "sentences": "sentence", "tags": "tag",
             "conflicts agreed": "conflict agreed", "matches agreed": "match agreed",
             "links rejected by all": "link rejected by all", "links disputed": "link disputed",
             "links decided by one reviewer only": "link decided by one reviewer only",
             "conflicts accepted": "conflict accepted", "matches accepted": "match accepted",
             "links rejected": "link rejected",
             "links undecided": "link undecided", "orphaned anchors": "orphaned anchor",
             "links settled by the adjudicator": "link settled by the adjudicator",
             "links settled by majority": "link settled by majority",
             "links settled unanimously": "link settled unanimously",
             "links kept on a single vote": "link kept on a single vote",
             "links left out without a majority": "link left out without a majority",
             "links left out, not unanimous": "link left out, not unanimous",
             "links left out, neither adjudicated nor with a majority":
                 "link left out, neither adjudicated nor with a majority"}
_COUNT_CLASS = {"conflicts agreed": "agreed", "matches agreed": "agreed", "links rejected by all": "agreed",
                "conflicts accepted": "agreed", "matches accepted": "agreed", "links rejected": "agreed",
                "links decided by one reviewer only": "undecided",
                "links disputed": "disputed", "links undecided": "undecided",
                "links settled by the adjudicator": "agreed", "links settled by majority": "agreed",
                "links settled unanimously": "agreed", "links left out without a majority": "disputed",
                "links kept on a single vote": "undecided",
                "links left out, not unanimous": "disputed",
                "links left out, neither adjudicated nor with a majority": "disputed"}
# a --resolve rule (or a resolved record's resolution): how a pair it settled is said; the count it leaves out
_SETTLED = {"adjudicated": "settled by the adjudicator", "majority": "settled by majority",
            "unanimous": "settled unanimously"}
_LEFT_OUT = {"adjudicated": "links left out, neither adjudicated nor with a majority",
             "majority": "links left out without a majority", "unanimous": "links left out, not unanimous"}
RESOLVED = tuple(_SETTLED)  # the rules that give one record per pair
_STATUS_RANK = {"disputed": 0, "accepted": 1, "predicted": 2, "rejected": 3}
_CONFLICT_COLUMNS = ('<table class="conflicts"><colgroup><col style="width:3%"><col style="width:17%">'
                     '<col style="width:8%"><col style="width:25%"><col style="width:25%"><col style="width:10%">'
                     '<col style="width:12%"></colgroup><thead><tr><th>#</th><th>Evidence</th><th>Kind</th>'
                     "<th>Sentence A</th><th>Sentence B</th><th>Decision</th><th>Note</th></tr></thead><tbody>")


def to_html(data: ExportData) -> tuple[int, str]:
    """``html``: one self-contained page for editors (inline CSS, no script, no external
    asset; open it in any browser or attach it to an e-mail).

    - A header: the cluster, the reviewers, the sidecars and counts (per pair, what the
      reviewers did; with a --resolve rule, a second line says how the pairs were settled).
    - A table of conflicts: the evidence (``Three drones`` ≠ ``A drone``), its kind, the two
      sentences with their article, source and date (links into the columns) and every
      reviewer's decision (with a --resolve rule, and how the pair was settled); rejected
      conflicts are struck through, suggestions nobody reviewed (``--include-suggestions``)
      are marked "suggested".
    - The articles side by side, one column each: every sentence with its number, its labels
      (with who set them), its notes, and marks for its links — ``≈`` (green) for a match,
      ``≠`` (red) for a conflict — that jump to the other end (which is highlighted);
      evidence words are highlighted with ``<mark>``. Rejected links are not drawn in the
      columns (they are in the table).
    - Orphans: tags, notes and links whose sentence is gone, with their stored quotes.

    Articles are lettered A, B, C… in column order and a mark names the other end as
    ``B·1`` (column B, sentence 1); its tooltip gives the full article id and the decisions.
    Every text from articles and sidecars is HTML-escaped. Sample (one sentence)::

        <div class="s has-conflict" id="s-0-1"><span class="n">1</span><div class="t" dir="auto">The
        prime minister was <mark>not hurt</mark> in the attack, officials said.</div>
        <div class="tags"><span class="lab" style="--c:#dc2626">contradicted <small>alice, bob</small></span>
        <a class="lk conflict" href="#s-1-1" title="conflict with b:1 — alice: accepted; bob: accepted">≠ B·1</a></div>
        <div class="note"><b>alice:</b> Officials: &quot;not hurt&quot;, but b says …</div></div>
    """
    report = _Report(data)
    # the claims are each reviewer's: with a resolve rule, built from their own records
    own = replace(data, links=data.raw_links, tags=data.raw_tags) if report.resolved else data
    parts = [*report.head(), *report.agreement(), *report.conflicts(), *claims_html.sections(own),
             *report.columns(), *report.orphans(),
             f"<footer>Written by reviewer export from {e(data.name)}.</footer>", "</body></html>"]
    records = len(data.tags) + len(data.notes) + len(data.links)
    return records, "\n".join(parts) + "\n"


class _Report:
    """What the sections share: article columns, merged pair views, tags and notes by sentence."""

    def __init__(self, data: ExportData):
        self.data = data
        self.arts = data.cluster.articles
        self.col = {a.id: i for i, a in enumerate(self.arts)}
        self.label_color = {l.name: css_color(l.color) for l in data.labels}
        # With a --resolve rule the page still shows what each reviewer decided (their own
        # records), and says how each pair was settled; the adjudicator's decision is that
        # settlement, not one more reviewer's vote.
        self.resolved = data.resolve in RESOLVED and data.raw_links is not None
        self.voters = list(data.voters) if self.resolved else annotators(data.reviewers)
        own = data.raw_links if self.resolved else data.links
        shown = [l for l in own if not self.resolved or l.decision == "predicted" or l.reviewer in self.voters]
        self.votes = reviewer_votes(own, self.voters)
        if self.resolved:  # a pair only the adjudicator decided: its decision is all there is to show
            shown += [l for l in data.links if l.decision != "predicted" and pair_key(l) not in self.votes]
        self.views = pair_views(shown)
        for v in self.views:
            # sentence A is the one in the earlier article column, whoever made the link and how
            # (a link a reviewer flipped with r ran B -> A in the table, re-trial stop 25)
            if not (v.a.orphan or v.b.orphan) and (self.col.get(v.a.article, 99), v.a.sentence) > \
                    (self.col.get(v.b.article, 99), v.b.sentence):
                v.a, v.b, v.evidence = v.b, v.a, oriented(v.evidence, flip=True)
        self.live = [v for v in self.views if not (v.a.orphan or v.b.orphan)]
        self._mark_pairs()
        self.per_sent: dict[tuple, list[tuple[PairView, str]]] = {}
        for v in self.live:
            if self.drawn(v):
                self.per_sent.setdefault(v.a.key(), []).append((v, "a"))
                self.per_sent.setdefault(v.b.key(), []).append((v, "b"))
        self.tags_by: dict[tuple, dict[str, list[str]]] = {}
        for t in data.tags:
            if not t.end.orphan:
                who = self.tags_by.setdefault(t.end.key(), {}).setdefault(t.label, [])
                if _who(t) not in who:
                    who.append(_who(t))
        self.notes_by: dict[tuple, list[NoteRow]] = {}
        for n in data.all_notes:
            if not n.end.orphan:
                self.notes_by.setdefault(n.end.key(), []).append(n)

    def _mark_pairs(self) -> None:
        """Per live pair: disputed when its reviewers gave it different labels (also across
        relations: alice accepted a match, bob a conflict), the decisions on its other
        relation, and with a --resolve rule how it was settled."""
        by_pair: dict[frozenset, list[PairView]] = {}
        for v in self.live:
            by_pair.setdefault(v.key(), []).append(v)
        votes = {k[0]: by for k, by in self.votes.items() if not k[1]}
        settled = {l.pair(): l for l in self.data.links if self.resolved and l.decision != "predicted" and not l.orphan}
        for pair, views in by_pair.items():
            disputed = len(set(votes.get(pair, {}).values())) > 1
            for v in views:
                v.pair_disputed = disputed
                v.elsewhere = {r: f"{o.relation} {d}" for o in views if o is not v for r, d in o.decisions.items()}
                if self.resolved:
                    v.settled, v.kept = self._settled(v, settled.get(pair), pair in votes)

    def _settled(self, v: PairView, row, decided: bool) -> tuple[str, bool]:
        """How the resolve rule settled the pair of ``v``, in words, and whether it kept ``v``'s link."""
        if row is None:
            return ("left out: " + {"adjudicated": "no adjudicator's decision, no majority",
                                    "unanimous": "not unanimous"}.get(self.data.resolve, "no majority")
                    if decided else ""), False
        how = _SETTLED.get(row.resolution or "", "settled")
        if row.decision == "rejected":
            # which relation was rejected: a pair decided through two relations has a row for each
            return (f"{how}: rejected" if row.relation == v.relation else f"{how}: the {row.relation} rejected"), False
        if row.relation != v.relation:
            return f"{how}: a {row.relation}, not a {v.relation}", False
        return f"{how}: accepted", True

    def drawn(self, v: PairView) -> bool:
        """Whether the articles' columns draw ``v``'s mark: a link accepted (with a resolve rule,
        kept by it), disputed (and not settled) or suggested."""
        if v.status == "predicted":
            return True
        if self.resolved:
            return v.kept or (v.status == "disputed" and v.settled.startswith("left out"))
        return v.status in ("accepted", "disputed")

    # ------------------------------------------------------------------ small pieces
    def anchor(self, end: End) -> str:
        return f"s-{self.col[end.article]}-{end.sentence}" if end.article in self.col and not end.orphan else ""

    def short_ref(self, end: End) -> str:
        # the column letter (A, B, …) of the article: article ids are often long hashes
        return f"{letter(self.col[end.article])}·{end.sentence}" if end.article in self.col else end.ref()

    @staticmethod
    def decisions_html(v: PairView) -> str:
        """Every reviewer's decision, their decisions on the pair's other relation, and with a
        resolve rule how the pair was settled."""
        parts = [f'<span class="dec {e(d)}">{e(r)}: {e(d)}</span>' for r, d in sorted(v.decisions.items())]
        parts += [f'<span class="dec other">{e(r)}: {e(d)}</span>' for r, d in sorted(v.elsewhere.items())]
        if v.predicted or not v.decisions:
            sc = f" {v.score:.2f}" if v.score is not None else ""
            parts.append(f'<span class="dec predicted">suggested{e(sc)}</span>')
        if v.settled:
            parts.append(f'<br><span class="dec settled">{e(v.settled)}</span>')
        return "".join(parts)

    def counts(self) -> list[tuple[str, int]]:
        """What the reviewers did, once per pair (its two sentences, whatever the relation).
        With one reviewer: accepted and rejected. With several (the adjudicator is not one of
        them): agreed (two or more decided it and gave it one label: conflicts, matches,
        rejected by all), decided by one reviewer only (nobody else has looked at it: no
        agreement to claim), disputed (they gave it different labels, also when they decided
        different relations). Undecided: suggestions nobody decided, with --include-suggestions.
        With a --resolve rule this is what the reviewers did before it; :meth:`settled_counts`
        says how the pairs were settled."""
        data, arts, live = self.data, self.arts, self.live
        team = len(self.voters) >= 2
        counts = [("articles", len(arts)), ("sentences", sum(len(a.sentences) for a in arts)), ("tags", len(data.tags))]
        if team:
            pairs = [by for k, by in self.votes.items() if not k[1]]  # the live pairs the reviewers decided
            several = [set(by.values()) for by in pairs if len(by) >= 2]
            agreed = [next(iter(v)) for v in several if len(v) == 1]
            counts += [("conflicts agreed", agreed.count(NLI_LABEL_OF_RELATION["conflict"])),
                       ("matches agreed", agreed.count(NLI_LABEL_OF_RELATION["match"])),
                       ("links rejected by all", agreed.count(NLI_NEUTRAL)),
                       ("links decided by one reviewer only", sum(1 for by in pairs if len(by) == 1)),
                       ("links disputed", sum(1 for v in several if len(v) > 1))]
        else:
            def n(status: str, relation: str | None = None) -> int:
                return sum(1 for v in live if v.status == status and relation in (None, v.relation))
            counts += [("conflicts accepted", n("accepted", "conflict")), ("matches accepted", n("accepted", "match")),
                       ("links rejected", n("rejected")), ("links disputed", n("disputed"))]
        if data.include_suggestions:
            counts.append(("links undecided", sum(1 for v in live if v.status == "predicted")))
        if data.orphans:
            counts.append(("orphaned anchors", data.orphans))
        return counts

    def settled_counts(self) -> list[tuple[str, int]]:
        """With a --resolve rule, how the pairs were settled: by the adjudicator, by majority
        (or unanimously), or left out. Without one, the pairs the adjudicator decided, if any."""
        data = self.data
        if not self.resolved:
            if "adjudicator" not in data.reviewers or len(self.voters) < 2:
                return []
            pairs = {l.pair() for l in data.links if l.reviewer == "adjudicator" and not l.orphan
                     and l.decision != "predicted"}
            return [("links settled by the adjudicator", len(pairs))]
        rows = [l for l in data.links if l.decision != "predicted" and not l.orphan]
        kept = {l.pair() for l in rows}
        how = [l.resolution for l in rows]
        out = []
        if data.resolve == "adjudicated":
            out.append(("links settled by the adjudicator", how.count("adjudicated")))
        rule = data.resolve if data.resolve == "unanimous" else "majority"
        # a pair one reviewer alone decided keeps that vote: said apart, it is no majority of anyone
        alone = sum(1 for l in rows if l.resolution == rule and l.votes and sum(l.votes.values()) == 1)
        out.append((f"links {_SETTLED['unanimous' if data.resolve == 'unanimous' else 'majority']}",
                    how.count(rule) - alone))
        if alone:
            out.append(("links kept on a single vote", alone))
        out.append((_LEFT_OUT[data.resolve], sum(1 for k in self.votes if not k[1] and k[0] not in kept)))
        if data.labels_left_out:  # as the summary line says them
            why = "not unanimous" if data.resolve == "unanimous" else "without a majority"
            n = data.labels_left_out
            out.append((f"sentence label{'s' if n != 1 else ''} left out, {why}", n))
        return out

    # ------------------------------------------------------------------ sections
    def head(self) -> list[str]:
        data = self.data
        reviewers = ", ".join(data.reviewers) or "none (engine suggestions only)"
        sidecars = ", ".join(p.name for p in data.sidecars) or "none"
        counts = _count_items(self.counts())
        settled = self.settled_counts()
        rule = "" if data.resolve == "all" else f" · resolved: {e(data.resolve)}"
        lead = f"--resolve {data.resolve}" if self.resolved else "adjudication"
        settled_html = ([f'<ul class="counts settled"><li class="lead">{e(lead)}:</li>{_count_items(settled)}</ul>']
                        if settled else [])
        return ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
                '<meta name="viewport" content="width=device-width, initial-scale=1">',
                f"<title>Review: {e(data.name)}</title>", f"<style>\n{report_css()}{claims_html.css(data)}</style></head><body>",
                '<header class="top">', f"<h1>Review of “{e(data.name)}”</h1>",
                f'<p class="sub">Reviewers: <b>{e(reviewers)}</b> · sidecars: {e(sidecars)}{rule}</p>',
                *self.unreviewed(),
                f'<ul class="counts">{counts}</ul>', *settled_html, "</header>"]

    def unreviewed(self) -> list[str]:
        """One line when no sidecar was read: nobody has reviewed the cluster yet, so every link
        in the page is the engine's suggestion (a reader must not take it for a decision)."""
        if self.data.sidecars:
            return []
        n = sum(1 for l in self.data.links if l.decision == "predicted")
        what = (f"the {n} link{'s' if n != 1 else ''} below {'are' if n != 1 else 'is'} the engine's "
                f"suggestion{'s' if n != 1 else ''}, not reviewed (marked “suggested”, dashed)") if n else \
            "the engine suggests no link between these articles"
        return [f'<p class="sub unreviewed"><b>Nobody has reviewed this cluster yet</b>: {e(what)}. '
                "Review it with <code>reviewer PATH</code>, then export again.</p>"]

    def conflicts(self) -> list[str]:
        col = self.col
        conflicts = [v for v in self.live if v.relation == "conflict"]
        conflicts.sort(key=lambda v: (_STATUS_RANK[v.status], col.get(v.a.article, 99), v.a.sentence,
                                      col.get(v.b.article, 99), v.b.sentence))
        h = ['<h2 id="conflicts">Conflicts</h2>']
        if not conflicts:
            return h + ['<p class="empty">No conflict was found or reviewed.</p>']
        h.append(_CONFLICT_COLUMNS)
        h += [self.conflict_row(i, v) for i, v in enumerate(conflicts, 1)]
        h.append("</tbody></table>")
        return h

    def conflict_row(self, i: int, v: PairView) -> str:
        if v.evidence:
            ev = "".join(f'<span class="pair">{e(x["a"])}<span class="vs">≠</span>{e(x["b"])}</span>'
                         for x in v.evidence)
            kinds = ", ".join(sorted({x["kind"] for x in v.evidence}))
        else:
            ev, kinds = "—", ("manual" if v.origin == "manual" else "—")
        cells = []
        for end, side in ((v.a, "a_span"), (v.b, "b_span")):
            spans = [tuple(x[side]) for x in v.evidence if x.get(side)]
            cells.append(f'<a href="#{self.anchor(end)}">{e(self.short_ref(end))}</a> <small>{e(end.where())}</small>'
                         f'<div dir="auto">{snippet(end.text, spans)}</div>')
        notes = "<br>".join(f"<b>{e(r)}:</b> {e(n)}" for r, n in v.notes)
        badge = '<span class="badge disputed">disputed</span><br>' if v.status == "disputed" else ""
        return (f'<tr class="{v.status}"><td>{i}</td><td class="ev">{ev}</td><td>{e(kinds)}</td>'
                f"<td>{cells[0]}</td><td>{cells[1]}</td><td>{badge}{self.decisions_html(v)}</td><td>{notes}</td></tr>")

    def columns(self) -> list[str]:
        dashed = " · dashed: suggested, not reviewed" if self.data.include_suggestions else ""
        h = ['<h2 id="articles">Articles</h2>',
             '<p class="legend"><span style="color:var(--match)">≈ match</span> · '
             f'<span style="color:var(--conflict)">≠ conflict</span>{dashed} · '
             "click a mark to jump to the other sentence</p>",
             f'<div class="cols" style="--n:{max(1, len(self.arts))}">']
        for a in self.arts:
            c = self.col[a.id]
            meta = [x for x in (a.source, a.date) if x]
            h.append(f'<section class="col" id="art-{c}"><header><h3><span class="letter">{letter(c)}</span>'
                     f'{title_html(a)}</h3>'
                     f"<p>{e(' · '.join(meta + ([a.id] if a.title else [])))}</p>"
                     f"<p>{e(article_meta(a, self.data.folder)['path'] or '')}</p></header>")
            for s in a.sentences:
                h += self.sentence(c, a.id, s)
            h.append("</section>")
        h.append("</div>")
        return h

    def sentence(self, c: int, article: str, s) -> list[str]:
        key = (article, s.index)
        links = sorted(self.per_sent.get(key, []), key=lambda t: (t[0].relation != "conflict", t[0].status != "accepted"))
        spans = [tuple(x[f"{side}_span"]) for v, side in links if v.relation == "conflict" for x in v.evidence]
        cls = ["s"]
        if any(v.relation == "conflict" for v, _ in links):
            cls.append("has-conflict")
        if any(v.relation == "match" for v, _ in links):
            cls.append("has-match")
        h = [f'<div class="{" ".join(cls)}" id="s-{c}-{s.index}"><span class="n">{s.index}</span>'
             f'<div class="t" dir="auto">{highlight(s.text, spans)}</div>']
        extras = [self.label_html(label, who) for label, who in sorted(self.tags_by.get(key, {}).items())]
        extras += [self.mark_html(v, side) for v, side in links]
        if extras:
            h.append('<div class="tags">' + "".join(extras) + "</div>")
        h += [f'<div class="note"><b>{e(n.reviewer)}:</b> {e(n.text)}</div>' for n in self.notes_by.get(key, [])]
        h.append("</div>")
        return h

    def label_html(self, label: str, who: list[str]) -> str:
        color = self.label_color.get(label, "#64748b")
        return f'<span class="lab" style="--c:{e(color)}">{e(label)} <small>{e(", ".join(who))}</small></span>'

    def mark_html(self, v: PairView, side: str) -> str:
        other = v.b if side == "a" else v.a
        glyph = "≠" if v.relation == "conflict" else "≈"
        pred = {"predicted": " predicted", "disputed": " disputed"}.get(v.status, "")
        said = [f"{r}: {d}" for r, d in sorted(v.decisions.items())]
        said += [f"{r}: {d}" for r, d in sorted(v.elsewhere.items())]
        who = "; ".join(said) or "suggested, not reviewed"
        title = f"{v.relation} with {other.ref()} — {who}" + (f" — {v.settled}" if v.settled else "")
        return (f'<a class="lk {v.relation}{pred}" href="#{self.anchor(other)}" title="{e(title)}">'
                f"{glyph} {e(self.short_ref(other))}</a>")

    def agreement(self) -> list[str]:
        """Agreement between the reviewers (two or more): units, raw agreement, Cohen's κ and
        Krippendorff's α for the link decisions and the sentence labels, and each pair's
        confusion table drawn as a small heat map."""
        rep = agreement_of(self.data)
        if rep is None:
            return []
        h = ['<h2 id="agreement">Agreement</h2>', '<div class="agreement">',
             '<table class="figures"><thead><tr><th></th><th>units</th><th>agreement</th>'
             f'<th>{"mean " if len(rep["reviewers"]) > 2 else ""}Cohen’s κ</th><th>Krippendorff’s α</th></tr></thead><tbody>']
        for name, m in rep["rows"]:
            h.append(f"<tr><th>{e(name)}</th><td class=\"num\">{m['units']}</td><td class=\"num\">{_f(m['observed'])}</td>"
                     f"<td class=\"num\">{_f(m['kappa'])}</td><td class=\"num\">{_f(m['alpha'])}</td></tr>")
        h.append("</tbody></table>")
        for name, m in rep["rows"]:
            for pair, table in m["confusion"].items():
                h.append(_heat_map(f"{name}: {pair}", pair, table))
        h.append("</div>")
        return h

    def orphans(self) -> list[str]:
        data = self.data
        lines = [f"<li>{e(_who(t))}: tag <b>{e(t.label)}</b> on {e(t.end.ref())} “{e(t.end.text)}”</li>"
                 for t in data.tags if t.end.orphan]
        lines += [f"<li>{e(n.reviewer)}: note on {e(n.end.ref())} “{e(n.end.text)}”: {e(n.text)}</li>"
                  for n in data.all_notes if n.end.orphan]
        for v in self.views:
            if v.a.orphan or v.b.orphan:
                who = "; ".join(f"{r}: {d}" for r, d in sorted(v.decisions.items()))
                lines.append(f"<li>{e(v.relation)} link ({e(who)}) {e(v.a.ref())} “{e(v.a.text)}” – "
                             f"{e(v.b.ref())} “{e(v.b.text)}”</li>")
        if not lines:
            return []
        return ['<h2 id="orphans">Orphans</h2>',
                '<p class="empty">Their sentence is no longer in the articles; the quotes stored in the sidecar '
                'are shown.</p>',
                '<ul class="orphans">' + "".join(lines) + "</ul>"]


def _who(t) -> str:
    """Who set a tag: its reviewer, or the rule that kept it (``majority``)."""
    return t.reviewer or t.resolution or "?"


def _count_items(counts: list[tuple[str, int]]) -> str:
    return "".join(f'<li{_cls(_COUNT_CLASS.get(k))}><b>{n}</b> {e(_SINGULAR.get(k, k) if n == 1 else k)}</li>'
                   for k, n in counts)


def _cls(name: str | None) -> str:
    return f' class="{name}"' if name else ""


def _f(x) -> str:
    return "n/a" if x is None else f"{x:.3f}"


def _heat_map(caption: str, pair: str, table: dict) -> str:
    """A confusion table as a small heat map: rows the first reviewer, columns the second, each
    cell shaded by its share of the largest cell."""
    a, b = pair.split(" x ", 1)
    cats = list(table)
    top = max([table[r].get(c, 0) for r in cats for c in cats] + [1])
    head = "".join(f"<th>{e(b)}: {e(c)}</th>" for c in cats)
    rows = []
    for r in cats:
        cells = "".join(f'<td class="cell" style="--v:{table[r].get(c, 0) / top:.2f}">{table[r].get(c, 0)}</td>'
                        for c in cats)
        rows.append(f"<tr><th>{e(a)}: {e(r)}</th>{cells}</tr>")
    return (f'<table class="heat"><caption>{e(caption)}</caption><thead><tr><th></th>{head}</tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table>")


def agreement_of(data: ExportData) -> dict | None:
    """Agreement of the reviewers' own records (before any --resolve), through the measures of
    ``reviewer agree``: link units are (pair, relation) decided by at least two reviewers,
    label units every (sentence, label) of the articles. None with fewer than two reviewers
    (the adjudicator is not counted)."""
    from reviewer.agree import ABSENT, ACCEPTED, PRESENT, REJECTED, measure

    tags = data.raw_tags if data.raw_tags is not None else data.tags
    links = data.raw_links if data.raw_links is not None else data.links
    names = [n for n in sorted(data.reviewers) if n != "adjudicator"]
    if len(names) < 2:
        return None
    idx = {n: i for i, n in enumerate(names)}
    decided: dict[tuple, list] = {}
    for l in links:
        if l.reviewer in idx and not l.orphan and l.decision in ("accepted", "rejected"):
            ka, kb = sorted([l.a.key(), l.b.key()])
            decided.setdefault((ka, kb, l.relation), [None] * len(names))[idx[l.reviewer]] = l.decision
    link_units = [(k, v) for k, v in sorted(decided.items()) if sum(x is not None for x in v) >= 2]
    rows = [("links", measure(names, link_units, (ACCEPTED, REJECTED), lambda uid: {}))]
    tagged = [{(t.end.key(), t.label) for t in tags if t.reviewer == n and not t.end.orphan} for n in names]
    labels = sorted({lab for s in tagged for _, lab in s})
    if labels:
        keys = [(a.id, s.index) for a in data.cluster.articles for s in a.sentences]
        units = [((k, lab), [PRESENT if (k, lab) in s else ABSENT for s in tagged]) for lab in labels for k in keys]
        rows.append(("labels", measure(names, units, (PRESENT, ABSENT), lambda uid: {})))
    return {"reviewers": names, "rows": rows}
