"""``csv``: the records of ``jsonl``, flat, in fixed columns."""

from __future__ import annotations

import csv
import io
import json

from reviewer.export.jsonl import record_dicts
from reviewer.export.model import ExportData

CSV_COLUMNS = (
    "type", "cluster", "reviewer", "resolution", "votes",
    "article", "sentence", "start", "end", "text", "orphan", "date", "source", "title", "url", "path",
    "label", "relation", "decision", "origin", "score", "evidence", "note", "time",
    "b_article", "b_sentence", "b_start", "b_end", "b_text", "b_orphan", "b_date", "b_source", "b_title",
    "b_url", "b_path",
)


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(v) -> str:
    """One CSV cell. A text that a spreadsheet would run as a formula (starting with ``=``, ``+``,
    ``-``, ``@``, a tab or a carriage return) gets a leading single quote, as spreadsheet-safe
    exporters do (OWASP's CSV injection advice); numbers are written as they are."""
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return str(v)
    if isinstance(v, (list, dict)):
        text = json.dumps(v, ensure_ascii=False) if v else ""
    else:
        text = str(v)
    if text.startswith(_FORMULA_START):
        return "'" + text
    return text


def to_csv(data: ExportData) -> tuple[int, str]:
    """``csv``: the records of ``jsonl``, flat, one header row, columns in this fixed order::

        type,cluster,reviewer,resolution,votes,article,sentence,start,end,text,orphan,date,source,title,url,path,
        label,relation,decision,origin,score,evidence,note,time,
        b_article,b_sentence,b_start,b_end,b_text,b_orphan,b_date,b_source,b_title,b_url,b_path

    A record's ``a`` fills ``article``…``path`` and a link's ``b`` the ``b_`` columns; a tag
    fills ``label`` and a link ``relation``. ``evidence`` and ``votes`` are the JSON of the
    jsonl format (empty when there is none); booleans are ``true``/``false``; a missing value is empty.
    UTF-8 without BOM, LF line ends; fields with commas, quotes or newlines are quoted by
    Python's csv module (RFC 4180 quoting). Sample::

        type,cluster,reviewer,resolution,votes,article,sentence,start,end,text,orphan,…,label,relation,decision,…
        tag,drone_strike,alice,,,a,0,0,74,Three drones hit the residence …,false,…,contradicted,,accepted,…
        link,drone_strike,alice,,,a,1,75,137,"The prime minister was not hurt in the attack, officials said.",false,…
    """
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(CSV_COLUMNS)
    recs = record_dicts(data)
    for r in recs:
        row = {k: r.get(k) for k in CSV_COLUMNS}
        for k, v in (r["a"] or {}).items():
            row[k] = v
        for k, v in (r["b"] or {}).items():
            row["b_" + k] = v
        w.writerow([cell(row.get(k)) for k in CSV_COLUMNS])
    return len(recs), buf.getvalue()
