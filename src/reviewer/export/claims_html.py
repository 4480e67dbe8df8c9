"""The claims part of the HTML report: the source × source heat map and the claim matrix, one
pair of them per reviewer (or for the engine's suggestions when there is no sidecar).

No script: the claim matrix is a CSS grid whose rows carry their rank in each order as custom
properties (``--o-sources``, ``--o-contested``, ``--o-first``); three radio buttons set the
rows' ``order`` from one of them, so the reader sorts the table by clicking, in any browser
and in a saved copy. Sources are lettered as the report's article columns (A, B, C…).
"""

from __future__ import annotations

from html import escape as e
from importlib import resources

from reviewer.claims import Claim, ClaimSet, source_matrix
from reviewer.export.claims import claim_sets
from reviewer.export.html_parts import letter
from reviewer.export.model import ExportData

_GLYPH = {"states": "✓", "contradicts": "≠", "both": "✓≠", "silent": "·"}
_WORD = {"states": "states it", "contradicts": "states a conflicting version", "both": "states it and contradicts it",
         "silent": "silent"}


def css(data: ExportData) -> str:
    """The stylesheet of these sections (the sort rules once per reviewer's table)."""
    sheet = resources.files("reviewer.export").joinpath("claims.css").read_text(encoding="utf-8")
    head, rules = sheet.split("#cs-sources-R", 1)
    rules = "#cs-sources-R" + rules
    return head + "".join(rules.replace("-R:", f"-{i}:") for i in range(len(data.reviewers) or 1))


def sections(data: ExportData) -> list[str]:
    col = {a.id: i for i, a in enumerate(data.cluster.articles)}
    texts = {(a.id, s.index): s.text for a in data.cluster.articles for s in a.sentences}
    h = ['<h2 id="claims">Claims</h2>',
         '<p class="legend">What the sources say, grouped into claims (sentences joined by match links; '
         "a rejected match separates them). <b>✓</b> the source states the claim · <b>≠</b> it states a "
         "conflicting version · <b>·</b> it is silent.</p>"]
    for n, (reviewer, cs, _labels) in enumerate(claim_sets(data)):
        who = f"reviewer {reviewer}" if reviewer else "the engine's suggestions (no sidecar)"
        h.append(f"<h3>{e(who)}</h3>")
        h += _heat_map(cs, col)
        h += _claim_table(cs, col, texts, n)
    return h


def _heat_map(cs: ClaimSet, col: dict[str, int]) -> list[str]:
    m = source_matrix(cs)
    arts = sorted(cs.articles, key=lambda a: col[a])
    pairs = [m.pair(x, y) for x in arts for y in arts if x != y]
    top_shared = max([p.shared for p in pairs] + [1])
    top_contra = max([p.contradicted for p in pairs] + [1])
    h = ['<p class="legend">Sources × sources: in row X, column Y, the claims both state (≈, green: the more, '
         "the darker), the claims on which one contradicts the other (≠, red edge) and the claims X states "
         "that Y is silent on (+). On the diagonal, the claims X states.</p>",
         '<table class="srcmap"><thead><tr><th></th>' +
         "".join(f'<th title="{e(a)}">{letter(col[a])}</th>' for a in arts) + "</tr></thead><tbody>"]
    for x in arts:
        row = [f'<th title="{e(x)}">{letter(col[x])}</th>']
        for y in arts:
            if x == y:
                row.append(f'<td class="diag" title="{e(x)} states {m.claims_of[x]} claims">{m.claims_of[x]}</td>')
                continue
            p = m.pair(x, y)
            green = round(0.55 * p.shared / top_shared, 3)
            red = round(0.9 * p.contradicted / top_contra, 3)
            style = f"background: rgba(22,163,74,{green})"
            if p.contradicted:
                style += f"; box-shadow: inset 0 0 0 3px rgba(198,40,40,{max(red, 0.3)})"
            title = (f"{x} and {y}: {p.shared} shared, {p.contradicted} contradicted; "
                     f"{p.only_a} claims of {x} that {y} is silent on")
            contra = f'<span class="c">{p.contradicted} ≠</span>' if p.contradicted else '<span class="z">0 ≠</span>'
            row.append(f'<td style="{style}" title="{e(title)}">{p.shared} ≈ · {contra} · {p.only_a} +</td>')
        h.append("<tr>" + "".join(row) + "</tr>")
    h.append("</tbody></table>")
    return h


def _ranks(claims: list[Claim]) -> dict[str, dict[int, int]]:
    orders = {
        "sources": sorted(claims, key=lambda c: (-len(c.sources), -len(c.contradicted_by), c.id)),
        "contested": sorted(claims, key=lambda c: (0 if c.conflicts else 1 if c.flags else 2,
                                                   -len(c.contradicted_by), -len(c.sources), c.id)),
        "first": sorted(claims, key=lambda c: c.id),
    }
    return {name: {c.id: i for i, c in enumerate(order)} for name, order in orders.items()}


def _cell(c: Claim, a: str) -> str:
    states, against = a in c.sources, a in c.contradicted_by
    return "both" if states and against else "states" if states else "contradicts" if against else "silent"


def _claim_table(cs: ClaimSet, col: dict[str, int], texts: dict, n: int) -> list[str]:
    arts = sorted(cs.articles, key=lambda a: col[a])
    ranks = _ranks(cs.claims)
    h = [f'<div class="claims-sort">Sort the claims: '
         f'<input type="radio" name="claim-sort-{n}" id="cs-sources-{n}" checked>'
         f'<label for="cs-sources-{n}">most sources first</label>'
         f'<input type="radio" name="claim-sort-{n}" id="cs-contested-{n}">'
         f'<label for="cs-contested-{n}">contested first</label>'
         f'<input type="radio" name="claim-sort-{n}" id="cs-first-{n}">'
         f'<label for="cs-first-{n}">first appearance</label>',
         f'<div class="ctab" role="table" style="--n:{max(1, len(arts))}">',
         '<div class="r h" role="row"><span role="columnheader">#</span><span role="columnheader">src</span>' +
         "".join(f'<span class="k" role="columnheader" title="{e(a)}">{letter(col[a])}</span>' for a in arts) +
         '<span role="columnheader">decisions</span><span role="columnheader">claim</span></div>']
    for c in cs.claims:
        first = min(c.sentences, key=lambda k: (col[k[0]], k[1]))
        d = c.decision_counts()
        cells = "".join(f'<span class="k {w}" role="cell" title="{e(a)}: {_WORD[w]}">{_GLYPH[w]}</span>'
                        for a in arts for w in [_cell(c, a)])
        cls = "r contested" if c.contested else "r"
        flag = " ⚠" if c.flags else ""
        h.append(f'<div class="{cls}" role="row" style="--o-sources:{ranks["sources"][c.id]};'
                 f'--o-contested:{ranks["contested"][c.id]};--o-first:{ranks["first"][c.id]}">'
                 f'<span role="cell">{c.id}{flag}</span><span role="cell">{len(c.sources)}</span>{cells}'
                 f'<span role="cell" title="accepted / rejected / open">{d["accepted"]}/{d["rejected"]}/{d["open"]}</span>'
                 f'<span role="cell"><a href="#s-{col[first[0]]}-{first[1]}">{letter(col[first[0]])}·{first[1]}</a> '
                 f'<span dir="auto">{e(" ".join(texts[first].split()))}</span></span></div>')
    h.append("</div></div>")
    return h
