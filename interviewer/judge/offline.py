"""The offline judge: scores an answer against a rubric with no network and no model.

How an answer is read:
1. Sentences addressed to the grader ("ignore the rubric...") are cut out, and repeated
   sentences are kept once, so neither can move the score.
2. The sentences are read as clauses (clauses.py). What the candidate disowns (hedged:
   "I don't know X"; taken back: "none of it is true"), lists of terms with no claim
   (keyword salad) and terms linked by no relation ("X is central to A, B and C":
   grammatical salad) say nothing; an answer with nothing else is scored at the floor.
3. Answers with nothing to score (empty, one word, "fine", gibberish, the question said
   back) get level 1 on every criterion.
4. Sentences that do not speak to the question (state part of a key point, or name one
   of its specific terms) are set aside: filler can neither cover a key point nor show
   depth, but it still dilutes the share of the answer that is on topic.
5. Each clause is checked against the key points (claims.py): one that states a key
   point the wrong way round (the other alternative, alternatives paired the other way,
   denied) or states a listed misconception covers nothing of it, costs the point's
   weight, and is named in the feedback with what is true.
6. Key points are matched unit by unit (matching.py), without the clauses that got them
   wrong. Coverage, the key points' technical terms used, the on-topic share and enough
   said make one quality figure.
7. Each criterion's level comes from the signal its rubric names (levels.py). An answer
   that covers no key point and states little of them beyond the question's own words
   (generic filler on the topic, an answer to a neighbouring question) is held at level 1
   on every criterion, however fluent (levels.NOTHING_STATED_BELOW).
"""

import asyncio
import gc
import math
from collections.abc import Sequence
from functools import lru_cache

from interviewer.domain.judging import (
    CriterionScore,
    JudgeRequest,
    JudgeResult,
    ScoreStatus,
    StatedMisconception,
)
from interviewer.domain.question import KeyPoint, Misconception
from interviewer.domain.rubric import OfflineSignal
from interviewer.judge import (
    asks,
    behavioral,
    claims,
    clauses,
    formulas,
    general,
    general_story,
    levels,
    matching,
    neighbours,
    signals,
    spread,
    twins,
    undone,
    vague,
)
from interviewer.judge.base import Judge
from interviewer.judge.claims import Stated
from interviewer.judge.clauses import Status, marked_terms
from interviewer.judge.coding import judged_request, merge, reads_code
from interviewer.judge.concepts import concept, term_concepts
from interviewer.judge.levels import Reading, criterion_score, missed_ids
from interviewer.judge.matching import (
    CONCEPT_MATCH,
    COVERED_AT,
    AnswerTerms,
    KeyPointMatch,
    coverage_beyond_question,
    match_key_point,
    match_key_points,
    own_words_coverage,
    present,
    question_terms,
    stated_text,
    states_part_of_a_key_point,
    stating_concepts,
    term_match,
    units_stating,
    weighted_terms,
)
from interviewer.judge.seen import as_seen
from interviewer.judge.text import (
    Sentence,
    base_term,
    content_terms,
    content_word_terms,
    content_words,
    rarity,
    sentences,
    stem,
    term,
    words,
)

# Stored with every score this judge gives, so that a transcript rescored later says which
# reading scored it: bumped when the reading changes scores (v3: criteria read beyond markers,
# swapped subjects, plain-words concepts, kinds of content a deep-dive point asks for; v5:
# misconceptions read in other words, a heaviest point read by its own words, more contrasts;
# v6: formulas, exchanges and overstatements, a misconception yielding only to its point
# stated elsewhere, denied reasons and denying verbs, stories missing a heaviest point,
# red flags of someone else's conduct; v7: answers written to fool a judge - grammatical
# salad, claims put in others' mouths or stated both ways, inner denials of a key point's
# claim, answers that state nothing beyond the question, notes to the grader, and the answer
# read as its reader sees it; v8: salad in sentences that only say terms belong or relate,
# claims offered as possibilities with another in their place, a whole answer taken back in
# the candidate's own words, domain criteria with nothing to read in their question read
# from it, stories shown on their question by the kinds of content its points ask for; v9:
# answers to a question anywhere else in the bank, answers that deny most of what they say,
# claims weighed both ways within a sentence, a modest credit for honest on-topic answers
# that say nothing specific, a clause lending its words only to the point it states best,
# more everyday words for recurring terms; v10: answers taken back by a passage of plain
# clauses, alternatives left open in the speaker's own words, infeasibility read as a
# denial, more everyday words, irregular plurals read as their word; v11: salad strung as
# sentences of association, a cue said only beside vague and empty words, warnings not read
# as misconceptions, Greek letters by their names, HTML character references as drawn, the
# gibberish floor asking for a share of the answer, ownership read only where a deep dive
# asks for the candidate's own part, more everyday words; v12: a whole answer taken back in
# one clause and clauses split before "I", claims left open by a verdict after a comma, a cue
# said in passing in a clause that judges, a pitfall named as a subject read as a warning,
# clauses whose verbs only relate their terms within a frame; v13: right answers in everyday
# words read by their spread, a denial reaching every disjunct, lists related wherever they
# sit, a claim its own sentence takes back, a whole answer disowned, a short story with no
# quantity read as general; v14: answers that explain a topic not held against story and
# coding prompts, take-backs in the second person or passive, put as a question or running
# forward, pseudo-cleft salad and lists cut at their last "and", an everyday answer's stated
# points credited further; v15: an everyday answer's lent points counted toward their
# coverage, a story told in everyday words crediting its covered points' terms; v16: answers
# disowned by their source, asked not to be taken as the answer or told as what the speaker
# wishes had happened taken back, an everyday answer's length read over its span on topic;
# v17: a story's point the speaker says they did not do or decided against read as undone,
# evaluative complements and shaping purposes over key terms read as salad, a short vague
# answer that names the asked question's terms and says nothing wrong given a small credit).
METHOD = "claims-v17"
# Overlaps closer than this are equal (they are sums of rarities).
TIE = 1e-9
# Why an answer whose every clause is disowned is scored at the floor.
DISOWNED = {
    Status.retracted: "the answer takes back what it said",
    Status.reported: "the answer only reports claims it puts in others' mouths and rejects",
    Status.undecided: "the answer says its claims both ways and commits to neither",
    Status.hedged: "the answer only says what the candidate does not know",
    Status.listed: "the answer is a list of terms, not sentences that say something",
    Status.vacuous: "the answer names the key points' terms but says nothing of them",
    Status.meta: "the answer says nothing about the question",
}
# How the quality figure weighs its parts (they sum to 1): key points covered, their
# technical terms used, share of the answer on topic, and enough said to make a point.
# The technical terms weigh most: a paraphrase that misses them says the point loosely.
QUALITY_WEIGHTS = (0.2, 0.55, 0.1, 0.15)
# On-topic words that make a complete short answer; fewer are scored in proportion.
ENOUGH_WORDS = 10
# Key-point words at least this rare (outside the ~300 commonest tokens) are technical terms.
TECHNICAL_RARITY = 0.5
# Words at least this rare (about rank 4,000 of the general vocabulary) are specific.
SPECIFIC_RARITY = 0.72
# A sentence is on topic when a third of its words (by rarity) are the question's or its
# key points' terms; or when a fifth are, and it also states a fifth of some key point or
# names a specific term. The lower bar alone let generic filler through.
QUESTION_SHARE = 0.34
MIXED_SHARE = 0.2
ON_TOPIC_SHARE = 0.2
# When no sentence clears those bars, sentences a tenth of whose words (by rarity) are the
# question's or key points' terms are read as the answer: a correct answer worded far
# from the reference reads so. A generic sentence that brushes one such word stays out.
LOOSE_SHARE = 0.1
# A one-word answer is scored, not floored, when it states this much of a key point.
ONE_WORD_SHARE = 0.5
# An answer that covers no key point and whose words (by rarity) are less than this share
# the question's or its key points' terms speaks about something else: it gets the floor,
# however confident. Chosen with OFF_TOPIC_COVERAGE by cross-validation across the question
# groups of the interview set and the plain-words set (benchmarks/cv_offline_judge.py
# tests/data/interview_answers.jsonl tests/data/plain_answers.jsonl --grid
# off_topic_coverage --metric spearman --folds 5: 0.25 on every fold's training groups;
# the interview set alone chose 0.2 before there was a coverage bar); 0 turns it off.
OFF_TOPIC_SHARE = 0.25
OFF_TOPIC = "the answer is about something else"
NEIGHBOUR = "the answer is about a neighbouring question, not the one asked"
# ... when the question's key points name at least this many terms: a one-line reference
# (the UNT short-answer set's, 3-17 terms; the bank's questions have 38 or more) is too
# thin for a right answer in other words to share its words.
OFF_TOPIC_VOCABULARY = 30
# ... and when its weighted coverage of the key points is under this: a right answer in
# everyday words states a little of many points ("we split users at random into two
# groups" for an A/B test: 0.27), an answer about something else next to nothing (the
# interview set's: 0.08 at most). Cross-validation picks 0.1 on 4 of 5 folds and 0.15 on
# the other (Spearman 0.766 either way); 0.15 ships because filler appended to an off-topic
# answer adds up to 0.03 of coverage, and 0.1 let it lift two off the floor. 1: any.
OFF_TOPIC_COVERAGE = 0.15
# ... unless it states part of every key point and this much of them in all (weighted):
# a right answer in everyday words touches each point a little ("of all the times it
# raised the alarm, how many were real?" for precision: 0.14 in all, every point above 0),
# while an answer about something else, padded with filler or not, leaves points untouched
# (every one in the answer sets does). Cross-validated across question groups of the
# pooled interview, plain-words (three sets), design and deep-dive, behavioral, fresh and
# paraphrased wrong, fluent-wrong, adversarial and everyday-words sets (544 answers, 125
# groups; benchmarks/cv_offline_judge.py ... --grid off_topic_every_point --folds 5
# --keep-right 10): Spearman 0.840 chose 0.1 on every fold (never: 0.838); balanced mean
# distance chose 0.05 on 4 of 5 folds by 0.001 (-10.265, 0.1 -10.266, never -10.280),
# and 0.05 lifts a wrong answer off the floor (learning rates reversed, 0.09 in all).
# 1: never.
EVERY_POINT_COVERAGE = 0.1


# ... and for a story (a behavioral answer, a deep dive: see STORY_SENTENCE_SHARE), whose
# key points describe what the candidate did ("the immediate action to limit damage
# (rollback, fallback, communication to affected people)"): their words are examples of
# what to show, not terms a story must use, so the key points covered weigh more than
# they do elsewhere. Chosen by cross-validation across question groups of the pooled
# interview, plain-words, fluent-wrong, adversarial and marker sets
# (benchmarks/cv_offline_judge.py ... --grid story_quality --folds 5): 0.35 on 4 of 5
# folds by Spearman and by mean distance, once a story at quality level 1 had its telling
# floored (levels.STORY_FLOOR_BY_QUALITY); before that floor, 0.65 on every fold.
STORY_QUALITY_WEIGHTS = (0.35, 0.4, 0.1, 0.15)


# How much of its fluency (on-topic share and length) an answer that states no key point
# keeps: that share, and the rest in proportion to how near its best-stated words come
# to stating a point (weighted coverage against the covering bar). 1: all of it. On the
# answer sets (cv grid `uncovered`, --metric mae) 0.75 is chosen on every fold (-10.25
# against -10.41), Spearman is indifferent; on the UNT dev file 1.0 is chosen on every
# fold, and 0.75 takes its cross-validated Pearson (grid `quality`) from 0.620 to 0.613.
# The level of the bar's answers moves by about a point: 1.0 ships.
UNCOVERED_FLUENCY = 1.0


# A misconception read in other words (claims.states_difference: by the claim's distinct
# words, no cue) yields to its key point stated at least this far, by any clause of the
# answer: a right answer in plain words shares words with the claims about its points
# ("a small slice of real users ... and watching errors" with "a canary sends all users
# ... and watches"), a wrong one states the point little or not at all. Chosen with
# claims.DIFFERS_SHARE by cross-validation across question groups
# (benchmarks/cv_offline_judge.py tests/data/{interview,plain_unseen,plain_breadth,
# design_dive_unseen,behavioral,fresh_wrong,paraphrased_wrong,plain,fluent_wrong,
# adversarial}_answers.jsonl --grid differs_yield --keep-right 10 --folds 5): 0.3 with the
# reading on, on 4 of 5 folds by --metric balanced_mae (-9.85 in-sample, -9.91
# cross-validated; reading off -10.16) and 3 of 5 by Spearman (0.834 against 0.833).
# Never yielding is best in-sample but lowers a right answer by more than 10 points.
# 1.01: never yields.
DIFFERENCE_YIELDS_AT = 0.3
# ... and whether the point must be stated that far by the answer without the sentence that
# states the claim: a sentence that says a misconception in everyday words shares the
# words of the point it gets wrong ("a network is the stronger choice ... it beats boosted
# trees on every kind of data, spreadsheet data included" says "stronger", "choice",
# "trees" and "data" of "tree ensembles are the stronger choice for tabular data"), and
# the claim must not yield to its own sentence. Off, the claim yields to the point however
# it is stated. A setting of benchmarks/cv_offline_judge.py's grid `differs_elsewhere`.
YIELDS_ELSEWHERE_ONLY = True


def answer_quality(
    coverage: float,
    technical: float,
    relevance: float,
    words: int,
    weights: tuple[float, float, float, float] | None = None,
    stated: bool = True,
) -> float:
    """One figure in [0, 1]. Square roots: the first half of a point matters most.
    `stated`: whether the answer states a key point (see UNCOVERED_FLUENCY)."""
    parts = (
        math.sqrt(coverage),
        math.sqrt(technical),
        math.sqrt(relevance),
        min(1.0, words / ENOUGH_WORDS),
    )
    chosen = QUALITY_WEIGHTS if weights is None else weights
    weighted = [w * p for w, p in zip(chosen, parts, strict=True)]
    if not stated:
        near = min(1.0, coverage / COVERED_AT)
        keep = UNCOVERED_FLUENCY + (1.0 - UNCOVERED_FLUENCY) * near
        weighted[2:] = [keep * w for w in weighted[2:]]
    return sum(weighted)


class OfflineJudge(Judge):
    kind = "offline"
    model = ""

    method = METHOD

    async def _score(self, request: JudgeRequest) -> JudgeResult:
        # Off the event loop: a long answer takes tens of milliseconds, and the UI must not wait.
        return await asyncio.to_thread(self.score_now, request)

    def score_now(self, request: JudgeRequest) -> JudgeResult:
        """Synchronous scoring (calibration runs thousands); never raises."""
        # The collector is paused while one answer is read: reading makes many short-lived
        # objects, and each collection they trigger would walk the judge's caches (hundreds
        # of thousands of objects, none in a cycle): half the time of a long answer went
        # there. The objects are freed by reference counting as usual.
        paused = gc.isenabled()
        gc.disable()
        try:
            return self._evaluate(request)
        except Exception as exc:  # the judge says it failed; it never turns into a 0
            return JudgeResult.unscored(
                f"offline judge error: {type(exc).__name__}: {exc}", method=self.method
            )
        finally:
            if paused:
                gc.enable()

    def _evaluate(self, request: JudgeRequest) -> JudgeResult:
        if reads_code(request.rubric):
            # Coding: the tests and the syntax tree score the code; the explanation the rest.
            prose = judged_request(request, quality_by_reading=False)
            judged = self._evaluate(prose) if prose and request.answer.strip() else None
            return merge(request, judged, f"{self.method}+tests")
        seen = as_seen(request.answer)
        if seen != request.answer:
            request = request.model_copy(update={"answer": seen})
        parts, dropped, repeated = _clean(request.answer)
        asked = question_terms(request.question)
        vocabulary = _vocabulary(request.key_points, asked)
        topic = clauses.topic_of(
            request.question,
            ((kp.text, m.claim) for kp in request.key_points for m in kp.misconceptions),
            (kp.text for kp in request.key_points),
        )
        read = clauses.read(parts, topic)
        disowned = read.disowned()
        if disowned is not None:
            return self._floor(request, DISOWNED[disowned])
        units, spans = _units(read)
        claimed = [c for c in read.asserted() if any(t.is_word for t in c.tokens)]
        on_topic = _on_topic(units, request, vocabulary)
        # The share of denials is read on what speaks to the question: filler beside the
        # denials ("it all depends on the circumstances") does not make them claims.
        mostly_denied = _mostly_denies(
            [c for u in on_topic for c in _clauses_in(u, read) if c.asserted and _has_words(c)]
        )
        # Every claimed unit is still read for what it gets wrong: a denial of a point is
        # named as the point said the wrong way round.
        claimed_units = units
        if mostly_denied:
            units = _undenied(units, read)
            kept = {u.start for u in units}
            on_topic = [u for u in on_topic if u.start in kept]
        disowned = read.disowned(ignore=read.asserted())
        if disowned is not None and not _mostly_disowned(
            read, on_topic, units if _tells_a_story(request) else ()
        ):
            # One clause hedged in passing ("so I can't explain the model in terms of the
            # original columns") among many claimed ones does not disown the answer.
            disowned = None
        only_denied = bool(claimed) and all(c.framed for c in claimed)
        stating = units
        if mostly_denied and not only_denied:
            only_denied = True  # what is left states a point, or the answer is floored
        if not only_denied and _examples_as_one(request) and _only_denies(claimed):
            # A story told only in denials ("I did not roll anything back", "there was
            # no A/B test") tells none of what the question asks for, whatever words of
            # its points the denials name.
            only_denied = True
            stating = [u for u in units if not _denied_unit(u, read)]
        if (disowned is not None or only_denied) and not _states_a_point(stating, request):
            # Filler beside what was disowned does not make an answer of it; nor do
            # denials ("it is not true that X" for every X) none of which is a point the
            # question asks for. A wrong claim made on the way is still named.
            why = (
                DISOWNED[disowned]
                if disowned is not None
                else "the answer only says what is not so"
            )
            _, wrong = _claims(request, read, claimed_units, asked, topic)
            return self._floor(request, why, [_stated(w, request.answer) for w in wrong])
        # The floors look at what speaks to the question: a one-word answer padded with
        # filler is still a one-word answer.
        basis = on_topic or units
        answer_terms = [base_term(t) for s in basis for t in content_terms(s.text)]
        text = " ".join(s.text for s in basis)
        reason = signals.floor_reason(
            text, asked, answer_terms, vocabulary, _one_word_key_point(text, request)
        )
        topical_terms = [base_term(t) for s in on_topic for t in content_terms(s.text)]
        if (
            not reason
            and topical_terms
            and signals.repeats_question(topical_terms, asked, vocabulary)
        ):
            reason = "the answer only repeats the question"
        if reason:
            # Floored, but a wrong claim made in the question's own words is still named.
            _, wrong = _claims(request, read, claimed_units, asked, topic)
            return self._floor(request, reason, [_stated(w, request.answer) for w in wrong])
        reading = self._read(
            request, parts, units, spans, on_topic, read, asked, vocabulary, topic, claimed_units
        )
        off_topic = _off_topic(reading, vocabulary)
        neighbour = not off_topic and _answers_a_neighbour(request, parts, reading)
        reading.dropped_instructions, reading.repeated = dropped, repeated
        if off_topic and vague.vague(
            reading, read, bool(behavioral.raised_flags(request.rubric, reading.kept))
        ):
            # Said in the question's own terms, nothing wrong: vague, not off topic.
            return self._vague(request)
        if off_topic or neighbour:
            floored = self._floor(
                request,
                OFF_TOPIC if off_topic else NEIGHBOUR,
                [_stated(w, request.answer) for w in reading.wrong],
            )
            notes = _notes(dropped, repeated)
            if notes:
                floored = floored.model_copy(update={"feedback": f"{floored.feedback}\n{notes}"})
            return floored
        criteria = [criterion_score(c, reading) for c in request.rubric.criteria]
        # Red flags (blame, pulling rank...) cap the criteria they name, however well told.
        flags = behavioral.raised_flags(request.rubric, reading.kept)
        criteria = behavioral.cap(request.rubric, criteria, flags)
        if (
            general.GENERAL_CREDIT > 0
            and len(vocabulary) >= OFF_TOPIC_VOCABULARY
            and all(c.level == 1 for c in criteria)
            and general.general(reading, read, bool(flags))
        ):
            # An honest general answer: part of the way to level 2 on every count. Not
            # for a one-line reference (the UNT set's): its answers are one-line
            # definitions graded for correctness, where a general one is a wrong one
            # (dev Pearson 0.618 -> 0.616 when they were read so).
            criteria = [
                c.model_copy(update={"progress": max(c.progress or 0.0, general.GENERAL_CREDIT)})
                for c in criteria
            ]
        if _story_rubric(request) and general_story.general_story(
            " ".join(s.text for s in reading.kept), reading.word_count
        ):
            # What the answer says, not a figure in words to the grader ("score this 4").
            criteria = _as_general_story(criteria, request)
        return JudgeResult(
            status=ScoreStatus.scored,
            criteria=criteria,
            covered_key_points=[m.key_point_id for m in reading.covered()],
            missed_key_points=missed_ids(request.key_points, reading.matches),
            misconceptions=[_stated(w, request.answer) for w in reading.wrong],
            feedback="\n".join(
                part for part in (*behavioral.feedback(flags), _feedback(reading, criteria)) if part
            ),
            method=self.method,
        )

    def _read(
        self,
        request: JudgeRequest,
        parts: list[Sentence],
        units: list[Sentence],
        spans: dict[int, list[tuple[int, int]]],
        on_topic: list[Sentence],
        read: clauses.Reading,
        question_terms: frozenset[str],
        vocabulary: frozenset[str],
        topic: clauses.Topic,
        claimed_units: list[Sentence],
    ) -> Reading:
        # Off-topic sentences (filler) can neither cover a key point nor show depth.
        answer = AnswerTerms.of(request.answer, on_topic, [spans[s.start] for s in on_topic])
        # Every claimed clause is read for wrong claims: one that speaks to no key point
        # in the judge's words ("only global bestsellers can be shown") may still state
        # a misconception.
        drops, wrong = _claims(request, read, claimed_units, question_terms, topic)
        story = _tells_a_story(request)
        examples = _examples_as_one(request)
        matches = match_key_points(answer, request.key_points, request.question, drops, examples)
        told = _narration(request, units, on_topic, read, vocabulary) if story and not wrong else []
        if len(told) >= NARRATED_AT_LEAST and _states_beyond_the_lightest(request, matches):
            # The story is shown to answer this question: what it narrates speaks to it.
            on_topic = sorted([*on_topic, *told], key=lambda s: s.start)
            answer = AnswerTerms.of(request.answer, on_topic, [spans[s.start] for s in on_topic])
            matches = match_key_points(
                answer, request.key_points, request.question, drops, examples
            )
        # A point that asks for a kind of content (figures before and after, a cost
        # accepted) is stated by a sentence that has it, in whatever words; in an answer
        # that states no point of fact, only when it names the question's topic and says
        # nothing wrong of it (a story whose claims about the question are false has not
        # shown that its figures are the question's).
        matches, by_kind = asks.credit(
            request.key_points,
            units,
            matches,
            request.question,
            _named_terms(units, vocabulary) if asks.TOPIC_TERMS > 0 and not wrong else 0,
        )
        # A point denied but also stated right elsewhere is an unclear reading, not an
        # error (a listed misconception, or alternatives the other way round, always is).
        covered = {m.key_point_id for m in matches if m.coverage >= COVERED_AT}
        yields = {m.key_point_id for m in matches if m.coverage >= DIFFERENCE_YIELDS_AT}
        wrong = [
            w
            for w in wrong
            if not (w.by_denial and w.key_point.id in covered)
            and not (
                w.by_difference
                and w.key_point.id in yields
                and _stated_elsewhere(w, answer, request, question_terms, drops, examples)
            )
        ]
        if story and UNDONE_IN_STORIES:
            # A story's point said not done in another form of its word ("so I didn't
            # recommend anything"): the point the wrong way round, by denial (undone.py).
            denials = [
                (kp, clause)
                for kp, clause in undone.said_undone(
                    request.key_points, request.question, read.asserted()
                )
                if not any(w.key_point is kp for w in wrong)
            ]
            # ... unless the point is stated elsewhere ("I didn't recommend launching at
            # once; I recommended a two-week extension"): read again without the denial,
            # which may itself say the point's cue ("I didn't look for the root cause").
            elsewhere = _covered_without(request, answer, drops, examples, denials)
            wrong += [
                Stated(kp, None, clause, by_denial=True)
                for kp, clause in denials
                if kp.id not in elsewhere
            ]
        # A point stated the wrong way round is not covered, whatever else was said of it.
        matches = [
            KeyPointMatch(m.key_point_id, 0.0, None)
            if any(w.key_point.id == m.key_point_id for w in wrong)
            else m
            for m in matches
        ]
        heaviest_own = _heaviest_own(request, answer, matches, drops, by_kind, question_terms)
        total_weight = sum(kp.weight for kp in request.key_points)
        coverage = _weighted_coverage(request.key_points, matches)
        # ... but they dilute the share of the answer that is on topic: a key-point word in
        # filler counts against the share like any other (unless nothing is on topic).
        answer_weights = weighted_terms(" ".join(s.text for s in parts), question_terms)
        total = sum(answer_weights.values())
        # A clause that states a point wrong speaks to the question, but not for the
        # answer: its words count neither as on topic nor toward the answer's length.
        errors = [span for w in wrong for span in w.clause.spans]
        right_texts = [_without(s, errors) for s in on_topic]
        said = {t for text in right_texts for t in marked_terms(text)}
        relevance = (
            sum(
                w * _on_topic_term(t, vocabulary)
                for t, w in answer_weights.items()
                if t in said or not on_topic
            )
            / total
            if total
            else 0.0
        )
        spread_points: frozenset[str] = frozenset()
        # What the answer states counts its technical terms said in other words too.
        technical, stated = _technical_recalls(
            request.key_points, answer, question_terms, drops, by_kind
        )
        # An answer in everyday words that states part of every key point and none wrong
        # has said what their technical terms name, as far as it states each point
        # (spread.py); not against a one-line reference (the UNT set's), too thin for its
        # points to show breadth, nor for a story, whose points are things to show, not
        # terms (a story's false claims are its conduct, which no listed misconception
        # names: "we skipped the simple stuff and went straight to a transformer").
        if technical is not None and len(vocabulary) >= OFF_TOPIC_VOCABULARY and not story:
            # Its length is what speaks to the question: filler appended to a short answer
            # is no paraphrase (the interview set's padded probe). With SPREAD_SPAN, the
            # sentences between its first and last on-topic ones count too (spread.span_words).
            said_words = spread.span_words(units, on_topic)
            lent = spread.lent(request.key_points, matches, bool(wrong), technical, said_words)
            spread_points = frozenset(lent)
            if lent:
                _, stated = _technical_recalls(
                    request.key_points, answer, question_terms, drops, by_kind, lent
                )
                # ... and its points count toward their coverage as far as they are lent.
                matches = spread.covered_as_lent(matches, lent)
                coverage = _weighted_coverage(request.key_points, matches)
        # What the words state before a story's covered points lend their terms: where the
        # judge reads a story at a high level in the key points' own words, a heaviest point
        # it finds nothing of was left out (levels.STORY_ABSENT_READ_AT); a story it reads
        # high only through that lend may have told the point in words it does not read.
        worded = stated
        if technical is not None and len(vocabulary) >= OFF_TOPIC_VOCABULARY and story:
            # A story's covered points have shown what their terms name (spread.told).
            shown = spread.told(request.key_points, matches, bool(wrong), technical)
            if shown:
                _, stated = _technical_recalls(
                    request.key_points, answer, question_terms, drops, by_kind, shown
                )
        topical_words = sum(len(text.split()) for text in right_texts)
        if not on_topic and request.key_points:
            coverage, technical, topical_words = _read_as_a_whole(
                request, units, question_terms, relevance
            )
            stated = worded = technical
        # A wrong claim about a key point counts against it (and its terms) as a right one
        # counts for it.
        wrong_weight = sum(kp.weight for kp in request.key_points if _got_wrong(kp, wrong))
        if total_weight and wrong_weight:
            coverage = max(0.0, coverage - wrong_weight / total_weight)
            if technical is not None:
                technical = max(0.0, technical - wrong_weight / total_weight)
            if stated is not None:
                stated = max(0.0, stated - wrong_weight / total_weight)
            if worded is not None:
                worded = max(0.0, worded - wrong_weight / total_weight)
        word_count = sum(len(s.text.split()) for s in parts)
        speaks = min(1.0, topical_words / word_count) if word_count else 0.0
        # ... only once the story states one of the question's key points: a story that
        # states none has not shown that its sentences speak to this question.
        tells = any(m.coverage >= COVERED_AT for m in matches)

        def quality_of(terms: float | None) -> float:
            return answer_quality(
                coverage if request.key_points else relevance,
                coverage if terms is None else terms,
                max(relevance, speaks) if tells and story else relevance,
                topical_words,
                STORY_QUALITY_WEIGHTS if story else None,
                stated=not request.key_points or tells,
            )

        quality = quality_of(stated)
        listed = {c.start for c in read.clauses if c.headed_list}
        kept = [u for u in units if u.start not in listed]
        beyond = None
        if (
            on_topic
            and levels.NOTHING_STATED_BELOW > 0
            and len(vocabulary) >= OFF_TOPIC_VOCABULARY
            and not any(m.coverage >= COVERED_AT for m in matches)
        ):
            # An answer that covers no point: how much it states beyond the question's words
            # (a one-line reference, as in the UNT set, is too thin to read so).
            beyond = coverage_beyond_question(request.key_points, answer, question_terms, drops)
            if total_weight and wrong_weight:
                beyond = max(0.0, beyond - wrong_weight / total_weight)
        return Reading(
            request=request,
            kept=kept,
            on_topic=on_topic,
            focused=_focused([u for u in on_topic if u.start not in listed], vocabulary),
            matches=matches,
            coverage=coverage,
            relevance=relevance,
            quality=quality,
            technical_recall=coverage if technical is None else technical,
            word_count=word_count,
            topical_words=topical_words,
            speaks_share=speaks,
            wrong=wrong,
            heaviest_own=heaviest_own,
            worded_quality=quality if worded == stated else quality_of(worded),
            beyond_question=beyond,
            spread=spread_points,
        )

    def _vague(self, request: JudgeRequest) -> JudgeResult:
        reason = "the answer speaks to the question but says nothing specific of it"
        criteria = [
            CriterionScore(
                criterion_id=c.id, level=1, progress=vague.VAGUE_CREDIT, rationale=reason
            )
            for c in request.rubric.criteria
        ]
        return JudgeResult(
            status=ScoreStatus.scored,
            criteria=criteria,
            missed_key_points=[
                kp.id for kp in sorted(request.key_points, key=lambda kp: -kp.weight)
            ],
            feedback=_floor_feedback(request, reason, verdict="Scored low"),
            method=self.method,
        )

    def _floor(
        self,
        request: JudgeRequest,
        reason: str,
        wrong: list[StatedMisconception] | None = None,
    ) -> JudgeResult:
        criteria = [
            CriterionScore(criterion_id=c.id, level=1, rationale=reason)
            for c in request.rubric.criteria
        ]
        missed = [kp.id for kp in sorted(request.key_points, key=lambda kp: -kp.weight)]
        feedback = _floor_feedback(request, reason)
        for found in (wrong or [])[:3]:
            feedback += f"\nYou said: \u201c{_short(found.quote, 120)}\u201d. {found.correction}"
        return JudgeResult(
            status=ScoreStatus.scored,
            criteria=criteria,
            missed_key_points=missed,
            misconceptions=wrong or [],
            feedback=feedback,
            method=self.method,
        )


def _covered_without(
    request: JudgeRequest,
    answer: AnswerTerms,
    drops: dict[str, frozenset[int]],
    examples: bool,
    denials: Sequence[tuple[KeyPoint, clauses.Clause]],
) -> set[str]:
    """The points covered once the clauses that say them not done count for none."""
    if not denials:
        return set()
    without = dict(drops)
    for kp, clause in denials:
        without[kp.id] = frozenset(without.get(kp.id, frozenset())) | {a for a, _ in clause.spans}
    matches = match_key_points(answer, request.key_points, request.question, without, examples)
    return {m.key_point_id for m in matches if m.coverage >= COVERED_AT}


# Whether a story's key point said not done (in another form of its word, or in its cue:
# undone.py) is read as the point got wrong. Off until session 21: it brought holdout14's
# stakeholder story of bad practice from 54.8 to 7.8, but lowered a right story in
# behavioral_answers from 97.0 to 60.6 ("I didn't ask for a favour", which the point itself
# turns down) and three others (a negator that was not the speaker's: "files nobody
# deleted", "the calls we made didn't change"). With the denial read only as the speaker's
# and only of what a point asks for, no right answer of tests/data moves (conduct_answers
# in tests/data/README.md).
UNDONE_IN_STORIES = True


# A story (a behavioral answer, a deep dive into the candidate's project) is told in the
# candidate's own words: its share of key-point words stays low however closely it keeps
# to the question ("I rolled the ordering back within the hour" for "the immediate action
# to limit damage"). For such rubrics the quality figure reads the on-topic share as the
# larger of that and the share of the answer's words in sentences that speak to the
# question, once it states one of the question's key points. A setting of
# benchmarks/cv_offline_judge.py's grid `explains`.
STORY_SENTENCE_SHARE = True
_STORY_SIGNALS = frozenset({OfflineSignal.star, OfflineSignal.ownership})


# Whether a story (behavioral, deep dive) that states one of its question's key points
# beyond the lightest, in sentences on topic, and says nothing wrong, has its sentences
# that narrate what the candidate did (clauses.narrates) read as on topic too, when they
# brush the question's terms (LOOSE_SHARE): a story told in everyday words says its
# points in sentences that share few words with the key points ("I switched the page
# back to the old best-sellers list the same afternoon"), and they could neither cover a
# point nor count as speaking to the question. A story that states no such point (an
# answer to another question, fluent filler) is read as before. A setting of
# benchmarks/cv_offline_judge.py's grid `narration`.
NARRATION_ON_TOPIC = True
# ... when it narrates at least this many such sentences: a story tells several things the
# candidate did, where a vague answer sums them up in one ("We tried to handle it by
# cleaning the data and checking the performance"). A setting of the same grid.
NARRATED_AT_LEAST = 2


def _narration(
    request: JudgeRequest,
    units: list[Sentence],
    on_topic: list[Sentence],
    read: clauses.Reading,
    vocabulary: frozenset[str],
) -> list[Sentence]:
    """The claimed units off the question's vocabulary that narrate what the candidate
    did, deny nothing, and brush the question's terms (see NARRATION_ON_TOPIC)."""
    if not NARRATION_ON_TOPIC or not vocabulary:
        return []
    have = {u.start for u in on_topic}
    out = []
    for u in units:
        if u.start in have:
            continue
        inside = _clauses_in(u, read)
        # What was not done narrates no action ("so we didn't need to check them").
        if (
            any(c.asserted and clauses.narrates(c) for c in inside)
            and not any(c.negated or c.denied for c in inside)
            and _topic_share(u.text, vocabulary, synonym_weight=0.5) >= LOOSE_SHARE
        ):
            out.append(u)
    return out


def _weighted_coverage(key_points: Sequence[KeyPoint], matches: Sequence[KeyPointMatch]) -> float:
    total = sum(kp.weight for kp in key_points)
    by_id = {m.key_point_id: m.coverage for m in matches}
    return sum(kp.weight * by_id[kp.id] for kp in key_points) / total if total else 0.0


def _states_beyond_the_lightest(request: JudgeRequest, matches: list[KeyPointMatch]) -> bool:
    """Whether a key point heavier than the question's lightest is covered: setting the
    scene or saying how it ended is not yet answering (asks.BEYOND_THE_LIGHTEST)."""
    lightest = min((kp.weight for kp in request.key_points), default=0)
    heavier = {kp.id for kp in request.key_points if kp.weight > lightest}
    return any(m.coverage >= COVERED_AT and m.key_point_id in heavier for m in matches)


def _heaviest_own(
    request: JudgeRequest,
    answer: AnswerTerms,
    matches: list[KeyPointMatch],
    drops: dict[str, frozenset[int]],
    by_kind: dict[str, float],
    asked: frozenset[str],
) -> dict[str, float]:
    """Per heaviest key point (of a question whose points are not all as heavy), how much
    of it the answer states in its own words (matching.own_words_coverage), as far as
    levels.HEAVY_OWN_WORDS_AT needs to know: not for a point already missed by its
    coverage, and its places (HEAVY_OWN_PLACES) read only when its words fall short of
    the bar (reading them is a second match of the answer). Not for a point that asks for
    a kind of content the answer supplied (asks.credit): its words describe that content,
    which may be said in any."""
    points = request.key_points
    if len(points) < 2 or levels.HEAVY_OWN_WORDS_AT <= 0:
        return {}
    top = max(kp.weight for kp in points)
    if all(kp.weight == top for kp in points):
        return {}
    coverage = {m.key_point_id: m.coverage for m in matches}
    own: dict[str, float] = {}
    for kp in points:
        if kp.weight != top or kp.id in by_kind:
            continue
        if coverage.get(kp.id, 0.0) < levels.HEAVY_POINT_STATED_AT:
            continue  # missed, whatever its own words say
        drop = drops.get(kp.id, frozenset())
        stated = own_words_coverage(kp, points, answer, asked, drop)
        if stated is None:
            continue
        if HEAVY_OWN_PLACES and stated < levels.HEAVY_OWN_WORDS_AT:
            others = _serving_others(kp, request, matches, answer, asked)
            alone = match_key_points(answer.without(drop | others), [kp], request.question)
            stated = max(stated, alone[0].coverage)
        own[kp.id] = stated
    return own


# Whether a heaviest point's words said where no other key point is stated (outside the
# units that state another covered point on their own) count as its own too: a point said
# in everyday words in a sentence of its own shares words with the others, not the place
# where they are said. A setting of benchmarks/cv_offline_judge.py's grid `heavy_own` (see
# levels.HEAVY_OWN_WORDS_AT): Spearman and balanced_mae chose it on 5 of 5 folds. Off,
# the right answers in plain words of tests/data/plain_unseen_answers.jsonl fall 1.2
# points (83.2 -> 82.0), on 0.6.
HEAVY_OWN_PLACES = True


def _serving_others(
    kp: KeyPoint,
    request: JudgeRequest,
    matches: list[KeyPointMatch],
    answer: AnswerTerms,
    asked: frozenset[str],
) -> frozenset[int]:
    """The start offsets of the clauses of the units that state another covered key point
    on their own."""
    if not answer.pieces:
        return frozenset()
    covered = {m.key_point_id for m in matches if m.coverage >= COVERED_AT}
    units: set[int] = set()
    for other in request.key_points:
        if other.id != kp.id and other.id in covered:
            units |= units_stating(other, answer, asked)
    return frozenset(p.start for i in units for p in answer.pieces[i])


# A story is told in several clauses: one or two denied ones may be its point ("nobody
# needed the tool; I had assumed demand that wasn't there" is why a project failed). Set
# at 4 before any data (the shortest story told in denials in tests/data has 5).
DENIED_STORY_CLAUSES = 4


def _only_denies(claimed: Sequence[clauses.Clause]) -> bool:
    """Whether every claimed clause that hangs on no other denies what it says. A clause
    opened by "or" offers an alternative to the one before it ("I did not roll anything
    back | or tell anyone"): it is read with that one."""
    main = [c for c in claimed if not c.subordinate and c.opener != "or"]
    return len(main) >= DENIED_STORY_CLAUSES and all(c.negated or c.framed for c in main)


# An answer that denies most of what it says ("the goal is not X", "we never A/B tested
# it", "nobody measured Y", "there is no Z") tells what is not so; a right answer denies a
# wrong option now and then ("we did not use accuracy because..."), a minority of its
# clauses (at most half in every right answer of tests/data). In such an answer a denied
# clause covers nothing, however its denial's reach is parsed: "Precision and recall are
# not what I would measure" does not state them. A share of the clauses that hang on no
# other, of at least DENIED_STORY_CLAUSES of them. Chosen by cross-validation across
# question groups (cv_offline_judge.py --grid mostly_denied): see the README.
MOSTLY_DENIED_SHARE = 0.6


def _mostly_denies(claimed: Sequence[clauses.Clause]) -> bool:
    main = [c for c in claimed if not c.subordinate and c.opener != "or"]
    if len(main) < DENIED_STORY_CLAUSES or not MOSTLY_DENIED_SHARE:
        return False
    return sum(1 for c in main if c.negated or c.framed) >= MOSTLY_DENIED_SHARE * len(main)


def _undenied(units: list[Sentence], read: clauses.Reading) -> list[Sentence]:
    """The units that are not denials: a unit whose clauses that hang on no other deny
    what they say, at least half of them, says what is not so, with what hangs on its
    denials ("..., so each mini-batch trains a different network") and what it coordinates
    with them ("it is not useful to treat the session as a sequence, and sequence models
    like GRU4Rec or SASRec do not predict the next item"). A unit is kept or left whole:
    a clause cut out of its sentence loses the denial it is read under."""
    kept = []
    for unit in units:
        inside = [
            c
            for c in _clauses_in(unit, read)
            if not c.subordinate and c.opener not in ("or", "nor") and _has_words(c)
        ]
        denied = sum(1 for c in inside if c.negated or c.framed)
        if not inside or 2 * denied < len(inside):
            kept.append(unit)
    return kept


def _has_words(clause: clauses.Clause) -> bool:
    return any(t.is_word for t in clause.tokens)


def _denied_unit(unit: Sentence, read: clauses.Reading) -> bool:
    """Whether the unit's clauses that hang on no other all deny what they say."""
    inside = [c for c in _clauses_in(unit, read) if not c.subordinate and c.opener != "or"]
    return bool(inside) and all(c.negated or c.framed for c in inside)


def _tells_a_story(request: JudgeRequest) -> bool:
    return STORY_SENTENCE_SHARE and any(
        c.offline_signal in _STORY_SIGNALS for c in request.rubric.criteria
    )


def _story_rubric(request: JudgeRequest) -> bool:
    """Whether the answer is read as a story (behavioral, deep dive): its rubric reads the
    story's shape (STAR) or who did what (ownership)."""
    return any(c.offline_signal in _STORY_SIGNALS for c in request.rubric.criteria)


def _as_general_story(
    criteria: list[CriterionScore], request: JudgeRequest
) -> list[CriterionScore]:
    """A story told only at the level of its stages (general_story.py), read as a general
    answer is: level 1 with a general answer's progress on every criterion, when it reads
    higher than that; one that reads lower already keeps its reading."""
    most = general_story.credit()
    read = JudgeResult(status=ScoreStatus.scored, criteria=criteria).fine_level(request.rubric)
    if read is None or read <= 1.0 + most:
        return criteria
    why = "a short story with no quantity: how many, how long or how much is not said"
    return [
        c.model_copy(update={"level": 1, "progress": most, "rationale": f"{c.rationale}; {why}"})
        for c in criteria
    ]


def _examples_as_one(request: JudgeRequest) -> bool:
    """Whether the question's key points list examples of a behaviour, one of which shows
    it (matching.EXAMPLES_AS_ONE): a behavioral story's, not a deep dive's (its lists name
    the parts of the candidate's own project that belong in the answer)."""
    return matching.EXAMPLES_AS_ONE and any(
        c.offline_signal is OfflineSignal.star for c in request.rubric.criteria
    )


def _off_topic(reading: Reading, vocabulary: frozenset[str]) -> bool:
    """Whether the answer speaks about something else (see OFF_TOPIC_SHARE)."""
    return (
        len(vocabulary) >= OFF_TOPIC_VOCABULARY
        and not reading.covered()
        and reading.relevance < OFF_TOPIC_SHARE
        and reading.coverage < OFF_TOPIC_COVERAGE
        and not _touches_every_point(reading)
    )


def _answers_a_neighbour(request: JudgeRequest, parts: list[Sentence], reading: Reading) -> bool:
    """Whether the answer answers a neighbouring question of the bank (neighbours.py): all
    of it is read, off-topic sentences too, since that is where a neighbour's words are.
    Stories are not read so: a behavioral family's questions probe neighbouring
    competencies, and one story rightly tells several of them."""
    if _tells_a_story(request):
        return False
    text = " ".join(s.text for s in parts)
    return neighbours.answers_a_neighbour(request, text, reading.coverage)


def _touches_every_point(reading: Reading) -> bool:
    """Whether the answer states part of every key point, and enough of them in all
    (EVERY_POINT_COVERAGE): it speaks to the question, in other words than its key points'."""
    return (
        bool(reading.matches)
        and reading.coverage >= EVERY_POINT_COVERAGE
        and all(m.coverage > 0 for m in reading.matches)
    )


def _mostly_disowned(
    read: clauses.Reading, on_topic: list[Sentence], story: Sequence[Sentence] = ()
) -> bool:
    """Whether what the answer hedges, retracts or only lists is at least as long as what
    it claims on topic: filler beside a retraction or "I don't know X" is short or speaks
    to nothing; an answer that hedges one clause in passing says most of what it says as
    claims about the question. `story`: the claimed units of a story (a behavioral answer,
    a deep dive), whose sentences that narrate what the candidate did count as claimed
    whatever their words: a story told in everyday words reads mostly off the question's
    vocabulary ("I sat with the finance lead and went through the numbers line by line"),
    and one clause read as vacuous or hedged in passing ("the impact was about a day of
    work", "I don't remember the exact number") outweighed the whole story and floored
    it. Filler beside a hedge ("I always take ownership...") narrates nothing."""
    disowned = sum(sum(1 for t in c.tokens if t.is_word) for c in read.clauses if not c.asserted)
    counted = {u.start for u in on_topic}
    told = {c.start for c in read.clauses if c.asserted and clauses.narrates(c)}
    claimed = sum(len(words(u.text)) for u in on_topic) + sum(
        len(words(u.text))
        for u in story
        if u.start not in counted and any(c.start in told for c in _clauses_in(u, read))
    )
    return disowned >= claimed


def _clauses_in(unit: Sentence, read: clauses.Reading) -> list[clauses.Clause]:
    """The clauses that start inside a unit (a sentence, or one clause)."""
    end = unit.start + len(unit.text)
    return [c for c in read.clauses if unit.start <= c.start < end]


def _units(read: clauses.Reading) -> tuple[list[Sentence], dict[int, list[tuple[int, int]]]]:
    """What the answer claims, as units to score: a sentence whose clauses are all
    claimed, else each claimed clause on its own; with each unit's clause spans."""
    units: list[Sentence] = []
    spans: dict[int, list[tuple[int, int]]] = {}
    for index, sentence in enumerate(read.sentences):
        parts = [c for c in read.of_sentence(index) if any(t.is_word for t in c.tokens)]
        if not parts:
            continue
        if all(c.asserted for c in parts) and not any(c.headed_list for c in parts):
            units.append(sentence)
            spans[sentence.start] = [(c.start, c.start + len(c.text)) for c in parts]
            continue
        for c in parts:
            if c.asserted:
                units.append(c.as_sentence())
                spans[c.start] = [(c.start, c.start + len(c.text))]
    return units, spans


def _claims(
    request: JudgeRequest,
    read: clauses.Reading,
    on_topic: list[Sentence],
    asked: frozenset[str],
    topic: clauses.Topic,
) -> tuple[dict[str, frozenset[int]], list[Stated]]:
    """Per key point, the clauses that may not count for it (they state it the wrong way
    round, state a misconception about it, or are a list that already served another
    point), and the wrong claims found."""
    starts = {s.start for s in on_topic}
    ends = {s.start: s.start + len(s.text) for s in on_topic}
    # A claim said beside its twin counts for no point, but what it gets wrong is read.
    readable = [c for c in read.clauses if c.asserted or c.twinned]
    inside = [
        c
        for c in clauses.claims(readable)
        if c.twinned or c.start in starts or any(a <= c.start < ends[a] for a in starts)
    ]
    said = [claims.clause_terms(c, asked, topic) for c in inside]
    drops: dict[str, set[int]] = {kp.id: set() for kp in request.key_points}
    wrong: list[Stated] = []
    wrong_clauses: set[int] = set()
    question = topic
    texts = {kp.id: kp.text for kp in request.key_points}
    # What is true, for reading a claim against: every key point with its cues, and every
    # correction.
    points = (
        *texts.values(),
        *(cue for kp in request.key_points for cue in kp.cues),
        *(m.correction for kp in request.key_points for m in kp.misconceptions),
    )
    # What each sentence affirms, all its claims together: the context a clause's wrong
    # claim is read in ("you pick the best average score, | and that average is unbiased").
    affirmed: dict[int, frozenset[str]] = {}
    for ct in said:
        index = ct.clause.sentence
        affirmed[index] = affirmed.get(index, frozenset()) | ct.affirmed
    for ct in said:
        if ct.clause.pitfall:
            # "probs[:, labels] is a common bug" warns of the misconception it names: it
            # states neither that nor any point the wrong way round.
            continue
        # A key point the clause shares no term or group of alternatives with is read for
        # nothing by its units (claims.touches: half the pairs of a long answer), only
        # for its misconceptions and by the clause's head.
        right = {
            k: claims.support(ct, t, question, asked)
            if claims.touches(ct, t, question, asked)
            else 0.0
            for k, t in texts.items()
        }
        best = max(right.values(), default=0.0)
        head = (
            claims.clause_terms(ct.clause.members[0], asked, question)
            if claims.reads_heads(ct)
            else None
        )
        for kp in request.key_points:
            near = claims.touches(ct, kp.text, question, asked)
            if near and claims.overstates(ct, kp.text, question, asked):
                # The point said to hold without exception where it holds only sometimes
                # or under a condition: read as the point said wrong, which yields to the
                # point stated right elsewhere, as a denial does.
                wrong.append(Stated(kp, None, ct.clause, by_denial=True))
                wrong_clauses.update(a for a, _ in ct.clause.spans)
                continue
            if near and claims.affirms_turned_down(ct, kp.text, question, asked):
                # It says what the point turns down: it does not count for the point,
                # whatever of its words or cues it says.
                drops[kp.id].update(a for a, _ in ct.clause.spans)
            found = next(
                (
                    m
                    for m in kp.misconceptions
                    if _says_cue(ct, m, question, asked)
                    or claims.states_claim(ct, m, best, question, asked)
                ),
                None,
            )
            differs = (
                found is None
                and (
                    found := next(
                        (
                            m
                            for m in kp.misconceptions
                            if claims.states_difference(
                                ct,
                                affirmed[ct.clause.sentence],
                                m,
                                kp,
                                points,
                                question,
                                asked,
                                best,
                            )
                        ),
                        None,
                    )
                )
                is not None
            )
            if found is not None:
                wrong.append(Stated(kp, found, ct.clause, by_difference=differs))
                if not differs:
                    wrong_clauses.update(a for a, _ in ct.clause.spans)
                    continue
                # Read in other words, the claim yields to its point stated (by any clause,
                # this one too) as far as DIFFERENCE_YIELDS_AT: so the clause still counts
                # for what it states, and is read for the point the wrong way round.
            by_roles, by_denial = (
                claims.against(ct, kp.text, question, asked, head)
                if near
                else (claims.heads_against(ct, kp.text, question, asked, head), 0.0)
            )
            if not ct.clause.negated and (
                by_roles > right[kp.id] + TIE
                or (near and _says_of_another(ct, kp, right[kp.id], request, asked, topic))
            ):
                # It says more of the point the other way round than the right way
                # ("switching off neurons at prediction time" against "... during
                # training"), or says it of another alternative: whatever its words or
                # cues, it does not state the point. (A denied clause names the other
                # alternative to deny it: "using nothing that happened after the cutoff".)
                drops[kp.id].update(a for a, _ in ct.clause.spans)
            reversed_ = max(by_roles, by_denial)
            if reversed_ < claims.COVERED_AT or reversed_ <= best + TIE:
                continue
            # The point said the wrong way round: named after the listed misconception
            # the clause states best, if it states one.
            named = claims.closest_misconception(ct, kp, question, asked)
            if named is not None or not any(
                w.key_point is kp and w.misconception is None for w in wrong
            ):
                denial = by_roles < claims.COVERED_AT or by_roles <= best + TIE
                wrong.append(Stated(kp, named, ct.clause, by_denial=denial and named is None))
            wrong_clauses.update(a for a, _ in ct.clause.spans)
    # Two sides offered as alternatives ("too high a rate either overshoots and diverges or
    # makes training slow", "X, or maybe it Y"), one of which states a point while the
    # other states a point the wrong way round by its alternatives: the claim is said both
    # ways, so neither side counts, and the wrong one is named.
    for offered in twins.offered_alternatives(inside):
        if not (
            twins.names_alternatives(offered.first) or twins.names_alternatives(offered.second)
        ):
            continue  # neither side can state a point the other way round by alternatives
        read_sides = [_side_terms(text, asked, topic) for text in (offered.first, offered.second)]
        sides = [side for side in read_sides if side is not None]
        if len(sides) < 2:
            continue
        states = [
            max((claims.support(side, t, question, asked) for t in texts.values()), default=0.0)
            for side in sides
        ]
        for k, side in enumerate(sides):
            if states[1 - k] < claims.COVERED_AT:
                continue
            reversed_point = next(
                (
                    point
                    for point in request.key_points
                    if claims.against(side, point.text, question, asked)[0] >= claims.COVERED_AT
                    and claims.support(side, point.text, question, asked) < claims.COVERED_AT
                ),
                None,
            )
            if reversed_point is None:
                continue
            if not any(w.key_point is reversed_point and w.misconception is None for w in wrong):
                wrong.append(Stated(reversed_point, None, offered.clause))
            wrong_clauses.update(a for a, _ in offered.clause.spans)
            break
    # A clause that denies one of a point's own claims ("at inference dropout is not turned
    # off, so the full network runs") keeps the point from being covered by the answer's
    # other clauses, unless one of them affirms that claim too ("X is not Y; X is Z" and
    # its point "X is Z"): then the denial is an unclear reading, and yields as before.
    # What the denial's own colon goes on to say ("Recall is not TP over actual positives:
    # it is TP / (TP + FN)...") elaborates the claim it denied, and buys nothing back.
    for ct in said:
        for kp in () if ct.clause.pitfall else request.key_points:
            if not claims.touches(ct, kp.text, question, asked):
                continue  # it denies none of the point's claims
            denied = claims.denied_claims(ct, kp.text, question, asked)
            if not any(
                not any(
                    claims.affirms(o, unit, reached)
                    for o in said
                    if o is not ct and not _elaborates(o.clause, ct.clause)
                )
                for unit, reached in denied
            ):
                continue
            at = next(
                (k for k, w in enumerate(wrong) if w.key_point is kp and w.misconception is None),
                None,
            )
            if at is None:
                wrong.append(Stated(kp, None, ct.clause))
            elif wrong[at].by_denial:
                wrong[at] = Stated(kp, None, ct.clause)
            wrong_clauses.update(a for a, _ in ct.clause.spans)
    # A key point's formula written with a sign, a bound, a number or an order changed
    # ("z / (1 - lambda)", "y - y_hat") states the point wrong, whatever its words say.
    for kp, clause in _misread_formulas(request, on_topic, said):
        if not any(w.key_point is kp and w.clause is clause for w in wrong):
            wrong.append(Stated(kp, None, clause))
        wrong_clauses.update(a for a, _ in clause.spans)
    # A misconception may span a sentence's clauses ("grow it deeper | so it sees more"),
    # or a short answer's sentences ("...; signatures make that fast"): each sentence, and
    # the whole answer, none of it under a denial, is read whole for them too.
    already = {
        (w.key_point.id, w.misconception.id)
        for w in wrong
        if w.misconception and not w.by_difference
    }
    groups = [
        [c for c in read.of_sentence(index) if any(t.is_word for t in c.tokens)]
        for index in range(len(read.sentences))
    ]
    groups.append([c for group in groups for c in group])
    # A sentence's clauses up to a dash or a semicolon are read whole too: "the labels
    # came from a heuristic, so they had no noise and didn't need checking - that's the
    # advantage of automatic labels" states its claim before the dash, which the rest of
    # the sentence's words dilute.
    for index in range(len(read.sentences)):
        groups.extend(_runs(groups[index], request.answer))
    for parts in groups:
        parts = [c for c in parts if not c.pitfall]  # a warning states no misconception
        if len(parts) < 2 or not all(c.asserted and not c.framed for c in parts):
            continue
        if all((kp.id, m.id) in already for kp in request.key_points for m in kp.misconceptions):
            continue  # no misconception left to read it for
        whole = claims.clause_terms(clauses.merge(parts), asked, topic)
        # How much of a key point it states, worked out only for a misconception whose
        # claim it says enough of (states_claim): most wholes say none.
        best_of_whole = _BestSupport(whole, tuple(texts.values()), question, asked)
        for kp in request.key_points:
            for m in kp.misconceptions:
                if (kp.id, m.id) in already:
                    continue
                cued = _says_cue(whole, m, question, asked)
                if cued or claims.states_claim(whole, m, best_of_whole, question, asked):
                    wrong.append(Stated(kp, m, whole.clause))
                    wrong_clauses.update(a for a, _ in whole.clause.spans)
                    already.add((kp.id, m.id))
    # A clause that gets a point wrong states nothing right, and uses no term well.
    for kept in drops.values():
        kept.update(wrong_clauses)
    # A list of terms after a claim ("I'd use a, b, c, d, e") states at most one point.
    for ct in said:
        if not ct.clause.headed_list or not request.key_points:
            continue
        served = max(
            request.key_points, key=lambda kp: claims.support(ct, kp.text, question, asked)
        )
        for kp in request.key_points:
            if kp is not served:
                drops[kp.id].update(a for a, _ in ct.clause.spans)
    return {k: frozenset(v) for k, v in drops.items()}, wrong


def _runs(group: list[clauses.Clause], answer: str) -> list[list[clauses.Clause]]:
    """The sentence's runs of two or more clauses between dashes and semicolons, when it
    has more than one run."""
    runs: list[list[clauses.Clause]] = [[]]
    for clause in group:
        if runs[-1] and answer[: clause.start].rstrip()[-1:] in _RUN_BREAKS:
            runs.append([])
        runs[-1].append(clause)
    return [run for run in runs if len(run) > 1] if len(runs) > 1 else []


_RUN_BREAKS = frozenset(";-\u2013\u2014")


class _BestSupport:
    """How much of the best-stated key point a clause states (claims.support), worked out
    the first time it is asked for, then kept."""

    def __init__(
        self,
        said: claims.ClauseTerms,
        texts: tuple[str, ...],
        topic: clauses.Topic,
        asked: frozenset[str],
    ) -> None:
        self._args = (said, texts, topic, asked)
        self._value: float | None = None

    def __call__(self) -> float:
        if self._value is None:
            said, texts, topic, asked = self._args
            self._value = max((claims.support(said, t, topic, asked) for t in texts), default=0)
        return self._value


def _elaborates(clause: clauses.Clause, denial: clauses.Clause) -> bool:
    """Whether the clause goes on from the denial after its colon, in its sentence."""
    return (
        clause.sentence == denial.sentence and clause.start > denial.start and clause.opener == ":"
    )


def _side_terms(
    text: str, asked: frozenset[str], topic: clauses.Topic
) -> claims.ClauseTerms | None:
    """One side of a claim offered both ways, read as a claim of its own."""
    read = clauses.read([Sentence(text, 0)], topic)
    if not read.clauses:
        return None
    return claims.clause_terms(clauses.merge(read.clauses), asked, topic)


def _misread_formulas(
    request: JudgeRequest, on_topic: list[Sentence], said: list[claims.ClauseTerms]
) -> list[tuple[KeyPoint, clauses.Clause]]:
    """The key points whose formula an on-topic sentence writes changed, each with the
    clause where the changed formula starts. A formula the answer also writes as the
    point does, or writes as another point (or cue) of the question does, counts for
    nothing here."""
    truths = {
        kp.id: tuple(f.symbols for t in (kp.text, *kp.cues) for f in formulas.formulas(t))
        for kp in request.key_points
    }
    if not any(truths.values()):
        return []
    every = {t for found in truths.values() for t in found}
    out: list[tuple[KeyPoint, clauses.Clause]] = []
    for sentence in on_topic:
        written = formulas.written(sentence.text) if formulas.formulas(sentence.text) else None
        if written is None:
            continue
        for kp in request.key_points:
            for found in formulas.misread(sentence.text, truths[kp.id]):
                if found.truth in written or found.said in every:
                    continue
                at = sentence.start + found.start
                clause = next(
                    (ct.clause for ct in said if any(a <= at < b for a, b in ct.clause.spans)),
                    None,
                )
                if clause is not None:
                    out.append((kp, clause))
                    break
    return out


def _says_cue(
    ct: claims.ClauseTerms, m: Misconception, topic: clauses.Topic, asked: frozenset[str]
) -> bool:
    """Whether the clause says one of the misconception's cues about what its claim is
    about: "SARSA uses the action actually taken next" names another algorithm than
    "Q-learning's target uses the action actually taken next", and states SARSA's point."""
    return claims.says_cue(ct, m) and not claims.names_other(ct, m.claim, topic, asked)


def _says_of_another(
    ct: claims.ClauseTerms,
    kp: KeyPoint,
    right: float,
    request: JudgeRequest,
    asked: frozenset[str],
    topic: clauses.Topic,
) -> bool:
    """Whether the clause would cover the key point on its own, in its words, concepts or
    cues, while naming only another alternative where the point names one ("precision:
    out of all the real positives, what share was flagged" against "precision divides by
    what was flagged"): the point said of the wrong thing. `right`: how much of the point
    the clause states the right way round (claims.support)."""
    if right >= claims.COVERED_AT or not claims.names_other(ct, kp.text, topic, asked):
        return False
    alone = match_key_points(ct.clause.text, [kp], request.question)[0]
    return alone.coverage >= COVERED_AT


def _without(sentence: Sentence, spans: list[tuple[int, int]]) -> str:
    """The sentence's text with the given spans of the answer (clauses) left out."""
    text = sentence.text
    for start, end in sorted(spans, reverse=True):
        a = max(start - sentence.start, 0)
        b = min(end - sentence.start, len(text))
        if a < b:
            text = f"{text[:a]} {text[b:]}"
    return text


def _stated_elsewhere(
    found: Stated,
    answer: AnswerTerms,
    request: JudgeRequest,
    asked: frozenset[str],
    drops: dict[str, frozenset[int]],
    examples: bool,
) -> bool:
    """Whether the key point of a misconception read in other words is stated, as far as
    DIFFERENCE_YIELDS_AT, by the answer without the unit (sentence) that states the
    misconception (see YIELDS_ELSEWHERE_ONLY)."""
    if not YIELDS_ELSEWHERE_ONLY:
        return True
    kp = found.key_point
    starts = {a for a, _ in found.clause.spans}
    drop = set(drops.get(kp.id, frozenset()))
    for unit in answer.pieces:
        if any(p.start in starts for p in unit):
            drop.update(p.start for p in unit)
    return match_key_point(kp, answer, asked, frozenset(drop), examples).coverage >= (
        DIFFERENCE_YIELDS_AT
    )


def _got_wrong(kp: KeyPoint, wrong: list[Stated]) -> bool:
    return any(w.key_point is kp for w in wrong)


def _stated(found: Stated, answer: str) -> StatedMisconception:
    quote = answer[found.clause.start : found.clause.stop]
    if found.misconception is not None:
        return StatedMisconception(
            key_point_id=found.key_point.id,
            misconception_id=found.misconception.id,
            quote=quote,
            claim=found.misconception.claim,
            correction=found.misconception.correction,
        )
    return StatedMisconception(
        key_point_id=found.key_point.id, quote=quote, correction=found.key_point.text
    )


def _states_a_point(units: list[Sentence], request: JudgeRequest) -> bool:
    """Whether some unit, on its own, covers a key point."""
    return any(
        m.coverage >= COVERED_AT
        for u in units
        for m in match_key_points(AnswerTerms.of(u.text), request.key_points, request.question)
    )


def _one_word_key_point(text: str, request: JudgeRequest) -> bool:
    """A one-word answer that states most of a key point by the key point's own words
    (not a cue): the short answer a short key point asks for."""
    return len(words(text)) == 1 and states_part_of_a_key_point(
        text, request.key_points, request.question, ONE_WORD_SHARE, cues=False
    )


def _read_as_a_whole(
    request: JudgeRequest, parts: list[Sentence], question_terms: frozenset[str], relevance: float
) -> tuple[float, float | None, int]:
    # `parts`: what the answer claims (its units).
    """Coverage, technical recall and on-topic words of an answer none of whose sentences
    is clearly on topic (a correct answer in words far from the key points' reads so).
    It is read as a whole, discounted by how far its words fall short of the on-topic
    bar: generic filler stays near nothing, and padding only lowers the share."""
    discount = min(1.0, relevance / QUESTION_SHARE)
    whole = AnswerTerms.of(request.answer, parts)
    by_id = {
        m.key_point_id: m.coverage
        for m in match_key_points(whole, request.key_points, request.question)
    }
    total_weight = sum(kp.weight for kp in request.key_points)
    coverage = sum(kp.weight * by_id[kp.id] for kp in request.key_points) / total_weight
    technical = _technical_recall(request.key_points, whole, question_terms)
    words = sum(len(s.text.split()) for s in parts)
    return (
        discount * coverage,
        None if technical is None else discount * technical,
        round(discount * words),
    )


def _clean(answer: str) -> tuple[list[Sentence], bool, bool]:
    """The answer's sentences minus instructions to the grader and repeats."""
    kept: list[Sentence] = []
    seen: set[tuple[str, ...]] = set()
    dropped = repeated = False
    label = False  # the sentence before was a note to the grader ending in a colon
    for whole in sentences(answer):
        s = None if label else signals.without_instruction(whole)
        if s is not whole and not label and _takes_back_answer(whole.text):
            # "You can disregard everything above; I was reciting": the candidate takes
            # their own answer back, which asks for no score - read it, do not drop it.
            s = whole
        # "Note to the grader:" said on its own introduces what it says to the grader.
        label = s is None and whole.text.rstrip().endswith(":")
        if s is not whole:
            dropped = True
        if s is None:
            # A label such as "IMPORTANT:" belonged to the instruction that followed it.
            if kept and kept[-1].text.endswith(":") and len(kept[-1].text.split()) <= 2:
                kept.pop()
            continue
        key = tuple(content_terms(s.text)) or (s.text.lower(),)
        if key in seen:
            repeated = True
            continue
        seen.add(key)
        kept.append(s)
    return kept, dropped, repeated


def _takes_back_answer(text: str) -> bool:
    """Whether a sentence the instruction filter would drop takes the answer back whole
    (and asks the grader for nothing): "please ignore everything above"."""
    from interviewer.judge import retractions, withdrawals

    if signals.to_the_grader(text):
        return False
    return retractions.takes_back_whole(
        text
    ) or withdrawals.DISCLAIMS in withdrawals.sentence_kinds(text)


def _on_topic(
    parts: list[Sentence], request: JudgeRequest, vocabulary: frozenset[str]
) -> list[Sentence]:
    """Sentences that speak to the question. A sentence counts when enough of its own
    words (by rarity) are the question's or its key points' terms, or when it states part
    of a key point or names a specific term and is not mostly about something else, or
    when it states half of a key point on its own (whatever else it says). Filler that
    brushes against a few everyday words of a long key point does not. When none does,
    the sentences that clear the loose bar (`LOOSE_SHARE`) are read instead."""
    if not vocabulary:
        return parts
    kept = [s for s in parts if _speaks_to(s, request, vocabulary)]
    # The loose bar gives a synonym half a word's weight: idiom ("talk at length") in
    # filler must not pass for the topic ("size") when nothing else speaks to it.
    return kept or [
        s for s in parts if _topic_share(s.text, vocabulary, synonym_weight=0.5) >= LOOSE_SHARE
    ]


def _speaks_to(s: Sentence, request: JudgeRequest, vocabulary: frozenset[str]) -> bool:
    share = _topic_share(s.text, vocabulary)
    if share >= QUESTION_SHARE:
        return True
    if share >= MIXED_SHARE and (
        _names_specific_term(s, vocabulary)
        or states_part_of_a_key_point(s.text, request.key_points, request.question, ON_TOPIC_SHARE)
    ):
        return True
    # One covered point is enough: the rest are not matched.
    alone, asked = AnswerTerms.of(s.text), question_terms(request.question)
    return any(
        match_key_point(kp, alone, asked).coverage >= COVERED_AT for kp in request.key_points
    )


# How much a word that names a key-point term's concept in everyday words counts toward
# the share of a sentence (and of the answer) that is on topic: a concept is looser than
# a synonym, and filler names everyday concepts too ("it is important", "it depends").
CONCEPT_TOPIC_WEIGHT = 1.0


def _topic_share(text: str, vocabulary: frozenset[str], synonym_weight: float = 1.0) -> float:
    """The share of the sentence's words (by rarity) that are the question's or its key
    points' terms; a word that is one only through a synonym counts `synonym_weight`, one
    that names the concept of one in everyday words ("piles" for "categories", concepts.py)
    that times CONCEPT_TOPIC_WEIGHT."""
    pairs = content_word_terms(text)
    total = sum(rarity(w) for w, _ in pairs)
    if not total:
        return 0.0
    named = _vocabulary_concepts(vocabulary)
    return (
        sum(
            rarity(w)
            * (
                (1.0 if stem(w) == base_term(t) else synonym_weight)
                if base_term(t) in vocabulary
                else synonym_weight * CONCEPT_TOPIC_WEIGHT
            )
            for w, t in pairs
            if base_term(t) in vocabulary or concept(base_term(t)) in named
        )
        / total
    )


@lru_cache(maxsize=256)
def _vocabulary_concepts(vocabulary: frozenset[str]) -> frozenset[str | None]:
    """The concepts the question's and key points' terms name (concepts.py)."""
    return frozenset(c for t in vocabulary if (c := concept(t)) is not None)


def _on_topic_term(t: str, vocabulary: frozenset[str]) -> float:
    """How much a term of the answer is one of the question's or its key points' terms:
    by form (or misspelt), else CONCEPT_TOPIC_WEIGHT when it names the concept of one."""
    m = term_match(base_term(t), vocabulary)
    if m < CONCEPT_TOPIC_WEIGHT and concept(base_term(t)) in _vocabulary_concepts(vocabulary):
        return CONCEPT_TOPIC_WEIGHT
    return m


def _named_terms(units: list[Sentence], vocabulary: frozenset[str]) -> int:
    """How many distinct terms of the question and its key points the answer names, in
    its rare words (TECHNICAL_RARITY: "the" and "model" name nothing): by form, or by the
    concept of one of them, each once."""
    named = _vocabulary_concepts(vocabulary)
    found: set[str] = set()
    for u in units:
        for w, t in content_word_terms(u.text):
            if rarity(w) < TECHNICAL_RARITY:
                continue
            b = base_term(t)
            if b in vocabulary:
                found.add(b)
            elif (c := concept(b)) is not None and c in named:
                found.add(c)
    return len(found)


def _names_specific_term(sentence: Sentence, vocabulary: frozenset[str]) -> bool:
    return any(
        term(w) in vocabulary and rarity(w) >= SPECIFIC_RARITY for w in content_words(sentence.text)
    )


def _focused(on_topic: list[Sentence], vocabulary: frozenset[str]) -> list[Sentence]:
    """On-topic sentences that name one of the question's specific (rare) terms.

    Generic filler can brush against everyday words of a key point; it rarely names a
    specific one, so "because" or "for example" in filler earns nothing."""
    return [s for s in on_topic if _names_specific_term(s, vocabulary)]


def _vocabulary(key_points: list[KeyPoint], question_terms: frozenset[str]) -> frozenset[str]:
    """The question's and key points' terms, negated or not (both are on topic)."""
    terms = set(question_terms)
    for kp in key_points:
        terms.update(base_term(t) for t in content_terms(kp.text))
        for cue in kp.cues:
            terms.update(base_term(t) for t in content_terms(cue, phrase=True))
    return frozenset(terms)


def _technical_recall(
    key_points: list[KeyPoint],
    answer: AnswerTerms,
    question_terms: frozenset[str],
    drops: dict[str, frozenset[int]] | None = None,
) -> float | None:
    """Share of the key points' rare (technical) words the answer uses, question words
    aside, by form: a technical term is meant to be said (the terminology criterion). A
    clause that gets a key point wrong does not count as using its terms."""
    return _technical_recalls(key_points, answer, question_terms, drops)[0]


def _technical_recalls(
    key_points: list[KeyPoint],
    answer: AnswerTerms,
    question_terms: frozenset[str],
    drops: dict[str, frozenset[int]] | None = None,
    by_kind: dict[str, float] | None = None,
    lent: dict[str, float] | None = None,
) -> tuple[float | None, float | None]:
    """The technical recall by form (see _technical_recall), and the same counting a term
    whose concept is named in other words by a unit that states its key point (what the
    answer states: "kept aside" data is validation data), or the terms of a point that
    asks for a kind of content as far as a unit with that content states it (`by_kind`,
    asks.credit: "before and after" is said by "from 14 hours to under 2")."""
    wanted: dict[str, float] = {}
    said: dict[str, float] = {}
    stated: dict[str, float] = {}
    for kp in key_points:
        seen = answer.without((drops or {}).get(kp.id, frozenset()))
        named: frozenset[str] | None = None  # read only when a term needs it
        for t, w in weighted_terms(stated_text(kp.text), question_terms).items():
            if w < TECHNICAL_RARITY:
                continue
            wanted[t] = max(wanted.get(t, 0.0), w * kp.weight)
            found = present(t, kp.text, seen)
            said[t] = max(said.get(t, 0.0), found)
            if found < CONCEPT_MATCH and (cs := term_concepts(t, kp.text)):
                if named is None:
                    named = stating_concepts(kp, seen, question_terms)
                if cs & named:
                    found = CONCEPT_MATCH
            found = max(found, (by_kind or {}).get(kp.id, 0.0), (lent or {}).get(kp.id, 0.0))
            stated[t] = max(stated.get(t, 0.0), found)
    total = sum(wanted.values())
    if not total:
        return None, None
    return (
        sum(w * said[t] for t, w in wanted.items()) / total,
        sum(w * stated[t] for t, w in wanted.items()) / total,
    )


def _short(text: str, limit: int = 110) -> str:
    text = " ".join(text.split()).rstrip(".")
    return text if len(text) <= limit else text[: limit - 1].rstrip(" ,;") + "…"


# Said to an answer held at level 1 for stating nothing beyond the question's words.
NOTHING_STATED = (
    "This states none of the question's key points beyond its own words: it could be said "
    "of any question on the topic, so every criterion stays at the lowest level."
)


def _feedback(reading: Reading, criteria: list[CriterionScore]) -> str:
    kps = {kp.id: kp for kp in reading.request.key_points}
    lines = []
    covered = [kps[m.key_point_id] for m in reading.covered()]
    if covered:
        lines.append("Strong: " + "; ".join(_short(kp.text, 80) for kp in covered[:3]) + ".")
    if reading.states_nothing:
        lines.append(NOTHING_STATED)
    missed = missed_ids(reading.request.key_points, reading.matches)
    if missed:
        lines.append("Missing: " + "; ".join(_short(kps[i].text) for i in missed[:3]) + ".")
    for found in reading.wrong[:3]:
        answer = reading.request.answer
        quote = _short(answer[found.clause.start : found.clause.stop], 120)
        if found.misconception is not None:
            lines.append(f"You said: \u201c{quote}\u201d. {found.misconception.correction}")
        else:
            lines.append(
                f"You said: \u201c{quote}\u201d. But: {_short(found.key_point.text, 140)}."
            )
    rubric = reading.request.rubric
    weak = [cs for cs in criteria if cs.level <= 2 and cs.criterion_id != rubric.criteria[0].id]
    for cs in weak[:2]:
        criterion = rubric.criterion(cs.criterion_id)
        lines.append(f"{criterion.name}: aim for — {_short(criterion.level_text(3), 140)}")
    notes = _notes(reading.dropped_instructions, reading.repeated)
    if notes:
        lines.append(notes)
    return "\n".join(lines)


def _notes(dropped_instructions: bool, repeated: bool) -> str:
    """What the judge set aside before reading, said in the feedback."""
    lines = []
    if dropped_instructions:
        lines.append("Instructions to the grader were ignored.")
    if repeated:
        lines.append("Repeated sentences were counted once.")
    return "\n".join(lines)


def _floor_feedback(
    request: JudgeRequest, reason: str, verdict: str = "Scored at the floor"
) -> str:
    points = sorted(request.key_points, key=lambda kp: -kp.weight)[:3]
    text = f"{verdict}: {reason}."
    if points:
        text += " A strong answer covers: " + "; ".join(_short(kp.text) for kp in points) + "."
    return text
