"""Every tuning number of the engine, named, in one frozen dataclass.

The user-facing thresholds (match and conflict threshold, links per article, semantic on/off)
are :class:`reviewer.config.AlignSettings`; these are the engine's inner constants. The
default :data:`TUNING` is hashed into the alignment cache key, so changing a value here never
serves an old alignment.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Tuning:
    # Blocking: the work budget, sum over terms of (posting length)^2.
    block_budget: int = 6_000_000
    # When at least combo_min_share of the cluster's repeated terms are over the budget (dense
    # clusters of wire copy from few words: every word is common), they take part in pairs: two
    # of a sentence's combo_terms rarest such terms make a key of their own.
    combo_terms: int = 4
    combo_min_share: float = 0.5
    # Candidates kept per sentence and other article, and per sentence overall, before the analysis.
    per_article: int = 3
    per_sentence: int = 40
    # ... but one per other article when at least this share of the sentences are word-for-word
    # copies (a folder of one wire story's copies: candidates._partner_budget)
    copies_share: float = 0.25
    # Similarity = cos_weight * TF-IDF cosine + (1 - cos_weight) * weighted overlap of the shorter sentence;
    # the overlap is damped for sentences of fewer than overlap_min_terms terms.
    cos_weight: float = 0.5
    overlap_min_terms: float = 5.0
    # A shared clause: shared IDF weight over (the rarest term's weight * clause_terms) is a
    # similarity of its own, used when the pair already reaches clause_min_sim.
    clause_terms: float = 6.0
    clause_min_sim: float = 0.3
    clause_min_terms: int = 12  # both sentences need this many distinct terms (a clause inside a long sentence)
    # Shared IDF weight that makes a pair lexically related.
    min_shared_weight: float = 2.5
    # A conflict's score: conflict_base + conflict_scale * similarity, times weak_evidence_factor
    # when its only evidence is an entity or an antonym.
    conflict_base: float = 0.4
    conflict_scale: float = 0.6
    weak_evidence_factor: float = 0.9
    # Similarity needed before looking for a negation, a prefix negation ("unharmed"), a date
    # conflict with no shared word near the dates, and entity/antonym evidence.
    negation_min_sim: float = 0.3
    prefix_negation_min_sim: float = 0.5
    date_min_sim: float = 0.45
    # Times of day further apart than this (minutes) disagree; with a hedge ("around 9 pm",
    # "shortly after 2 a.m.") further than clock_hedge_tolerance.
    clock_tolerance: int = 20
    clock_hedge_tolerance: int = 75
    entity_min_sim: float = 0.45
    # Match penalties: a sentence placed in another year; two sentences naming different
    # subjects (only below names_penalty_below).
    other_year_penalty: float = 0.1
    names_penalty: float = 0.1
    names_penalty_below: float = 0.7
    # Measurements are compared after conversion with this relative tolerance (rounding:
    # "200 km (124 miles)" / "120 miles"); "a drone" disagrees only with counts up to weak_count_max.
    measure_tolerance: float = 0.06
    figure_bonus: float = 0.1  # added to the similarity of such a pair, so it ranks above look-alikes
    figure_min: float = 10.0  # a plain count this big, equal on both sides with the same head, is a claim in common
    weak_count_max: float = 10.0
    # A toll of the dead or injured given as "at least N" / "more than N" is the count known
    # then: it disagrees with a figure above N * toll_floor_span ("at least 60" / "rose to 133").
    toll_floor_span: float = 1.5
    toll_floor_min: float = 10.0  # below it "at least N" is only a floor ("killed at least one" / "two were killed")
    # Two bounds on one side ("at least 40" / "at least 55") disagree past the smaller's rounding
    # place (facts.bounds_differ); below bound_pair_min a floor only says there were some.
    bound_pair_min: float = 2.0
    # Sentences giving a toll are paired across articles for the fact rules (engine.tollpairs),
    # up to this many toll sentences in a cluster (the pairs grow as its square).
    toll_pairs_max: int = 300
    # ... and so are sentences counting a named group ("12 Serb climbers" / "6 Serbs"), from this figure up.
    group_pair_min: float = 2.0
    # Measurements of one dimension in different units fill one slot only within this ratio
    # ("200 km" / "120 miles"; not "21-foot" / "380 nautical miles").
    measure_slot_ratio: float = 3.0
    measure_reach: int = 16  # tokens back from a percentage to the rate it gives ("the participation rate ... was 87 percent")
    subject_reach: int = 10  # tokens back from a count to the name it belongs to, within its clause
    anchor_reach: int = 6  # tokens after a measurement searched for its reference place ("40 km north of Tula")
    # Token windows.
    negation_reach: int = 5  # tokens after a negation cue in its scope
    determiner_negation_terms: int = 2  # content terms denied by "no" ("no group immediately claimed"), adverbs aside
    negation_terms: int = 1  # by "not"/"never"
    local_terms_radius: int = 5
    local_names_radius: int = 3
    count_context_radius: int = 5  # a count's own words, not crossing another count
    person_context_radius: int = 8  # words that tie two counts of people together
    generic_head_radius: int = 4  # words that tie two generic heads ("people", "percent") together
    mode_radius: int = 6  # tokens back to a verb that makes a count a request or forecast
    subject_radius: int = 4  # names around a negated or antonym predicate
    reporting_reach: int = 3  # "officials said on Thursday": tokens back to the reporting verb
    setting_reach: int = 4  # words of the speech's setting between them ("said at a news briefing Thursday")
    opening_speaker_reach: int = 5  # "On Wednesday, Premier Ana Ruiz told reporters": words of the speaker
    negation_exception_chars: int = 8  # characters after a cue searched for "but"/"only"
    entity_swap_max: int = 3  # terms of a name swapped for another
    # Names and initials.
    acronym_min_len: int = 2
    acronym_max_len: int = 6
    long_form_min_words: int = 2
    prefix_negation_min_len: int = 6  # "unharmed": only words this long are split into un + word
    # Years: the range read as a year; a relative date this long ("last year") places a year.
    year_min: int = 1900
    year_max: int = 2100
    year_span_days: int = 300
    # Semantic model (multilingual-e5-small): the cosine at which two sentences are unrelated
    # (0 on the engine scale); pairs across scripts: the cosine they need, and how it is mapped
    # (cos + cross_shift - cross_floor) / cross_range.
    sem_floor: float = 0.82
    cross_min_cos: float = 0.84
    cross_shift: float = 0.04
    cross_floor: float = 0.80
    cross_range: float = 0.20
    embed_batch: int = 256  # texts per model call (semantic._batches; the vectors do not depend on it)
    # Precision (issue 12, round 6): a match inside one article (an article repeating itself)
    # only when nearly the same words; a cross-language match whose two sides both name people,
    # places or figures, none of them shared, only with a clear margin.
    within_match_min: float = 0.8
    # ... but a sentence and its translation in one article (a statement quoted in two languages)
    # is a match when the model scores the pair this high and one side has at most this many
    # times the other's words (align._within_translation)
    within_translation_min: float = 0.6
    within_translation_words: float = 1.7
    # A conflict inside one article likewise only between sentences whose words alone reach this
    # (issue 12, round 8: every within-article conflict on the real clusters paired two facts).
    within_conflict_min: float = 0.6
    # A match of a sentence that names no one and gives no figure is dropped when one of its
    # sentences has a better match in the other's article by this much (issue 12, round 8).
    unanchored_gap: float = 0.05
    # ... unless the vague sentence ranks it first and the two share this many specific words
    # besides names (align._vague_sides_choice).
    vague_shared_terms: int = 2
    # ... and across two languages (the model alone) such a match needs this score: the margin
    # xl_second_margin on the xl_match_base / xl_match_scale scale (0.42 + 4 * (0.99 - 0.975)).
    xl_unanchored_min: float = 0.48
    # ... and when neither sentence names anything or gives a figure, a margin clearly above 1
    # (closer than the mean of the nearest sentences): 0.42 + 4 * (1.0075 - 0.975) (issue 12,
    # stop 24: at a margin of 1 the pairs kept were mostly two vague lines on the topic, "It
    # did not elaborate" / "Much is still unclear"; no labelled match on the real clusters lost).
    xl_vague_min: float = 0.55
    # A same-language pair sharing at most this many words besides names has nothing to check either.
    thin_overlap_terms: int = 1
    # A same-language pair sharing at most thin_overlap_terms things (a word not common in the
    # cluster, or a name however many words long) and no figure is a match only from this score
    # on, whatever its rank: below it the model sees two statements on one topic (issue 12,
    # stop 23: precision).
    thin_match_min: float = 0.4
    # A cross-language match this far below one of its sentences' best match in the other's
    # article, with no figure in common, is a look-alike on the topic (issue 12, stop 22).
    xl_far_gap: float = 0.2
    # Specificity (issue 12, stop 22; engine.specificity): a term that at least common_share of
    # the cluster's sentences of one language carry, and at least common_min_sentences of them,
    # is common there (the topic's words; function words of a language without a stopword
    # list), if also in more than common_per_article sentences per article of that language on
    # average. A denial of a common word is no conflict.
    common_share: float = 0.15
    common_min_sentences: int = 3
    common_per_article: float = 1.5
    # A line of at most this many words ending with a colon introduces the next sentence (a
    # speaker's name and role before a quotation): no match of its own (issue 12, links/gold).
    lead_in_max_words: int = 8
    # Recall (issue 12, stop 20): the run of capitalised words whose initials begin an acronym
    # names it when they spell at least this share of its letters ("Orlen Valley" / "OVRC").
    short_form_min_share: float = 0.5
    # Recall (issue 12, stop 20): a sentence reporting what a named speaker said ("X vowed ...") and a
    # quotation the other report gives that speaker (its own attribution, or the last one within
    # speaker_carry sentences before, in a sentence with at least quoted_min_share of its words
    # quoted) share a claim when the reported words and the quotation share a word that no other
    # sentence of the cluster has (at most rare_word_sentences carry it). The name stands within
    # speaker_reach tokens before the reporting verb.
    speaker_reach: int = 3
    speaker_carry: int = 3
    quoted_min_share: float = 0.5
    rare_word_sentences: int = 2
    # Recall (issue 12, round 7): a same-language pair that is each other's best on words and
    # within agree_sem_rank of each other's best for the model scores lex + agree_sem_weight * model.
    agree_sem_weight: float = 0.4
    agree_sem_rank: int = 1
    # ... and on clauses (recall.clause_agreement, issue 12 stop 22): a claim stated in one clause
    # of a long sentence; clauses of fewer than clause_piece_terms terms join a neighbour; two
    # clauses, one the other's nearest for the model, sharing clause_agree_terms words besides
    # names and clause_agree_min on the word scale score up to clause_agree_cap.
    clause_piece_terms: int = 3
    clause_agree_min: float = 0.3
    clause_agree_terms: int = 2
    clause_agree_cap: float = 0.4
    cross_disjoint_min: float = 0.55
    # ... and where one gives names only and the other figures only (crosslingual.unlike_anchors:
    # nothing of one kind to compare), this score: a margin of about 0.995, each other's best.
    xl_unlike_anchors_min: float = 0.50
    # Cross-language pairs (engine.crosslingual; calibrated on real clusters with multilingual-e5-small):
    # the ratio margin of bitext mining over the xl_neighbours nearest sentences in the other
    # languages. A match: the best of each side in the other's article with a margin of at least
    # xl_match_margin, or only second best (0-based rank xl_match_rank) with xl_second_margin, and
    # a cosine of at least xl_cos_floor (a small other-language side makes ranks easy); its score
    # is xl_match_base at xl_match_margin plus xl_match_scale per unit of margin above it. A
    # sentence shorter than xl_second_min_chars states one claim: it takes no second best. A pair
    # that is not each other's best needs the cosine xl_second_cos (a margin says little there). A
    # sentence of xl_long_min_chars or more may hold several claims: a shorter sentence whose
    # best partner it is matches it from rank xl_long_rank of the long one, with xl_long_margin.
    xl_neighbours: int = 4
    xl_match_rank: int = 1
    xl_match_margin: float = 0.975
    xl_cos_floor: float = 0.80
    xl_second_margin: float = 0.97
    xl_second_min_chars: int = 70
    xl_second_cos: float = 0.83
    xl_long_rank: int = 3
    xl_long_min_chars: int = 140
    xl_long_margin: float = 0.985
    # A sentence of one claim stated as one clause of a long sentence (crosslingual.clauses: cut
    # at commas, brackets and dashes, pieces of xl_clause_min_chars or more): compared with that
    # clause, the long sentence is within the short one's rank xl_clause_rank, with
    # xl_long_margin and the cosine xl_clause_cos.
    xl_clause_min_chars: int = 30
    xl_clause_rank: int = 1
    xl_clause_cos: float = 0.82
    xl_match_base: float = 0.42
    xl_match_scale: float = 4.0
    # Close enough to be compared for facts that agree (never a match): within xl_fact_rank with a
    # margin of xl_fact_margin, scored xl_fact_score. A conflict resting on the model alone needs the
    # pair among the two best of each side (xl_conflict_rank; issue 12: the third and fourth nearest
    # are other details of the topic, their figures and weekdays those of other events), scored
    # xl_conflict_score.
    xl_fact_rank: int = 3
    xl_fact_margin: float = 0.95
    xl_fact_score: float = 0.25
    xl_conflict_rank: int = 1
    xl_conflict_score: float = 0.3
    # A pair stating one specific figure in one slot is compared for facts (so matched when they
    # agree) from this cosine on, whatever its rank.
    xl_figure_cos: float = 0.77
    # ... and scored this (between xl_fact_score and xl_conflict_score): above the pairs compared
    # on closeness alone, so a sentence's candidates in an article keep the one stating its figure.
    xl_figure_score: float = 0.26
    # Two counts of "people" only (no kind in common) are one slot only within this ratio.
    xl_people_ratio: float = 10.0
    # A slot's two statements (issue 14, stop 22): two sentences of two languages that fill one
    # slot (a count of a specific kind: the dead, the inhabitants) with values that disagree are
    # compared for a conflict when each is the other's nearest, by cosine from xl_slot_cos, among
    # the sentences of its article filling that slot, whatever else ranks nearer, and neither is
    # put up for a conflict in the other's article already.
    xl_slot_cos: float = 0.77
    # ... with values no further apart than this ratio (further apart: two groups of that kind).
    xl_slot_ratio: float = 3.0
    # Two ages (engine.xfacts) are one person's only this close (70 / 72); further apart, two people.
    xl_age_ratio: float = 1.1


TUNING = Tuning()
