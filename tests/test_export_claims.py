"""`reviewer export --format claims-jsonl|claims-csv`: one record per claim, the same claims as
`reviewer claims`, with the reviewer's decisions and labels; and the HTML report's claim sections."""

import csv
import io
import json

from reviewer.cli import main
from reviewer.export import export_files
from tests.test_claims_cli import fire, run_json, write_sidecar  # noqa: F401 (fixture)


def groups(records):
    return sorted(sorted((s["article"], s["sentence"]) for s in r["sentences"]) for r in records)


def test_claims_jsonl_has_the_claims_of_reviewer_claims(fire, capsys, tmp_path):
    folder, _ = fire
    write_sidecar(folder, "alice", [(("a", 0), ("c", 0), "match", "accepted"),
                                    (("a", 1), ("c", 1), "match", "rejected"),
                                    (("a", 0), ("b", 0), "conflict", "accepted")],
                  tags=[(("a", 0), "contradicted")])
    out = tmp_path / "out.claims.jsonl"
    summary = export_files([str(folder)], None, "claims-jsonl", out)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert summary.records == len(records) == 8
    doc = run_json(capsys, str(folder))
    assert groups(records) == groups(doc["claims"])  # the same claims as the command and the TUI
    toll = next(r for r in records if {"article": "a", "sentence": 0} in
                [{"article": s["article"], "sentence": s["sentence"]} for s in r["sentences"]])
    assert toll["type"] == "claim" and toll["reviewer"] == "alice" and toll["cluster"] == "cluster"
    assert toll["status"] == "accepted" and toll["sources"] == ["a", "c"] and toll["contradicted_by"] == ["b"]
    assert toll["sentences"][0]["labels"] == ["contradicted"]
    assert toll["sentences"][0]["text"].startswith("Four workers were killed")
    [version] = [v for v in toll["versions"] if v["sources"] == ["b"]]
    assert {l["decision"] for l in version["links"]} == {"accepted", None}  # a0 ≠ b0 accepted, b0 ≠ c0 open
    assert toll["decisions"] == {"accepted": 2, "rejected": 0, "open": 1}
    start = next(r for r in records if r["sources"] == ["a", "b"])
    assert start["status"] == "open"  # a1 ≈ b1 open; the rejected a1 ≈ c1 cut c1 off


def test_claims_without_a_sidecar_are_the_suggestions_alone(fire, tmp_path):
    folder, _ = fire
    out = tmp_path / "c.claims.jsonl"
    export_files([str(folder)], None, "claims-jsonl", out, include_suggestions=True)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert {r["reviewer"] for r in records} == {None} and len(records) == 7
    assert {r["status"] for r in records} == {"open", None}


def test_claims_csv_one_row_per_claim_and_reviewer(fire, capsys):
    folder, _ = fire
    write_sidecar(folder, "alice", [(("a", 1), ("b", 1), "match", "accepted")])
    write_sidecar(folder, "bob", [(("a", 1), ("b", 1), "match", "rejected")])
    assert main(["export", str(folder), "--format", "claims-csv", "-o", "-"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert list(rows[0])[:4] == ["cluster", "reviewer", "status", "claim"] and list(rows[0])[-3:] == ["a", "b", "c"]
    assert {r["reviewer"] for r in rows} == {"alice", "bob"}
    alice = next(r for r in rows if r["reviewer"] == "alice" and r["a"] == "1")
    bob = next(r for r in rows if r["reviewer"] == "bob" and r["a"] == "1")
    assert alice["sources"] == "a;b;c" and alice["status"] == "mixed"  # a1≈b1 accepted, a1≈c1 open
    assert bob["sources"] == "a;c" and bob["b"] == ""  # bob cut b1 off


def test_claims_export_names_are_never_read_as_articles(fire, tmp_path):
    folder, _ = fire
    export_files([str(folder)], None, "claims-jsonl", folder / "cluster.claims.jsonl", include_suggestions=True)
    from reviewer.io.articles import load_cluster

    assert [a.id for a in load_cluster([folder]).articles] == ["a", "b", "c"]


def test_html_report_has_the_heat_map_and_a_sortable_claim_matrix(fire, tmp_path):
    folder, _ = fire
    write_sidecar(folder, "alice", [(("a", 1), ("b", 1), "match", "accepted")])
    out = tmp_path / "r.html"
    export_files([str(folder)], None, "html", out)
    page = out.read_text(encoding="utf-8")
    assert "<script" not in page
    heat = page[page.index('<table class="srcmap">'):page.index("</table>", page.index('<table class="srcmap">'))]
    assert heat.count("<tr>") == 4  # header + a, b, c
    # row A, column B: a1 ≈ b1 shared; a0 ≠ b0 and a2 ≠ b2 contradicted; a3 alone
    assert "1 ≈ · <span class=\"c\">2 ≠</span> · 1 +" in heat
    rows = page.count('role="row" style="--o-sources:')
    assert rows == 7  # one per claim
    for order in ("sources", "contested", "first"):
        assert f'id="cs-{order}-0"' in page and f"#cs-{order}-0:checked ~ .ctab" in page
    # the ranks of each order are a permutation of the rows
    import re

    for order in ("sources", "contested", "first"):
        ranks = sorted(int(x) for x in re.findall(rf"--o-{order}:(\d+)", page))
        assert ranks == list(range(7))
