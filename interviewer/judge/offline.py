"""The offline judge: scores an answer against a rubric with no network and no model.

How an answer is read:
1. Sentences addressed to the grader ("ignore the rubric...") are cut out, and repeated
   sentences are kept once, so neither can move the score.
2. Answers with nothing to score (empty, one word, "fine", gibberish, the question said
   back) get level 1 on every criterion.
3. Sentences that do not speak to the question (state part of a key point, or name one
   of its specific terms) are set aside: filler can neither cover a key point nor show
   depth, but it still dilutes the share of the answer that is on topic.
4. Key points are matched sentence by sentence (matching.py). Coverage, the key points'
   technical terms used, the on-topic share and enough said make one quality figure.
5. Each criterion's level comes from the signal its rubric names (levels.py).
"""

import asyncio
import math

from interviewer.domain.judging import CriterionScore, JudgeRequest, JudgeResult, ScoreStatus
from interviewer.domain.question import KeyPoint
from interviewer.judge import behavioral, signals
from interviewer.judge.base import Judge
from interviewer.judge.coding import judged_request, merge, reads_code
from interviewer.judge.levels import Reading, criterion_score, missed_ids
from interviewer.judge.matching import (
    COVERED_AT,
    AnswerTerms,
    match_key_points,
    present,
    question_terms,
    states_part_of_a_key_point,
    term_match,
    weighted_terms,
)
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

METHOD = "lexical-v1"
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


def answer_quality(coverage: float, technical: float, relevance: float, words: int) -> float:
    """One figure in [0, 1]. Square roots: the first half of a point matters most."""
    parts = (
        math.sqrt(coverage),
        math.sqrt(technical),
        math.sqrt(relevance),
        min(1.0, words / ENOUGH_WORDS),
    )
    return sum(w * p for w, p in zip(QUALITY_WEIGHTS, parts, strict=True))


class OfflineJudge(Judge):
    kind = "offline"
    model = ""

    method = METHOD

    async def _score(self, request: JudgeRequest) -> JudgeResult:
        # Off the event loop: a long answer takes tens of milliseconds, and the UI must not wait.
        return await asyncio.to_thread(self.score_now, request)

    def score_now(self, request: JudgeRequest) -> JudgeResult:
        """Synchronous scoring (calibration runs thousands); never raises."""
        try:
            return self._evaluate(request)
        except Exception as exc:  # the judge says it failed; it never turns into a 0
            return JudgeResult.unscored(
                f"offline judge error: {type(exc).__name__}: {exc}", method=self.method
            )

    def _evaluate(self, request: JudgeRequest) -> JudgeResult:
        if reads_code(request.rubric):
            # Coding: the tests and the syntax tree score the code; the explanation the rest.
            prose = judged_request(request, quality_by_reading=False)
            judged = self._evaluate(prose) if prose and request.answer.strip() else None
            return merge(request, judged, f"{self.method}+tests")
        parts, dropped, repeated = _clean(request.answer)
        asked = question_terms(request.question)
        vocabulary = _vocabulary(request.key_points, asked)
        on_topic = _on_topic(parts, request, vocabulary)
        # The floors look at what speaks to the question: a one-word answer padded with
        # filler is still a one-word answer.
        basis = on_topic or parts
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
            return self._floor(request, reason)
        reading = self._read(request, parts, on_topic, asked, vocabulary)
        reading.dropped_instructions, reading.repeated = dropped, repeated
        criteria = [criterion_score(c, reading) for c in request.rubric.criteria]
        # Red flags (blame, pulling rank...) cap the criteria they name, however well told.
        flags = behavioral.raised_flags(request.rubric, reading.kept)
        criteria = behavioral.cap(request.rubric, criteria, flags)
        return JudgeResult(
            status=ScoreStatus.scored,
            criteria=criteria,
            covered_key_points=[m.key_point_id for m in reading.covered()],
            missed_key_points=missed_ids(request.key_points, reading.matches),
            feedback="\n".join(
                part for part in (*behavioral.feedback(flags), _feedback(reading, criteria)) if part
            ),
            method=self.method,
        )

    def _read(
        self,
        request: JudgeRequest,
        parts: list[Sentence],
        on_topic: list[Sentence],
        question_terms: frozenset[str],
        vocabulary: frozenset[str],
    ) -> Reading:
        # Off-topic sentences (filler) can neither cover a key point nor show depth.
        answer = AnswerTerms.of(request.answer, on_topic)
        matches = match_key_points(answer, request.key_points, request.question)
        total_weight = sum(kp.weight for kp in request.key_points)
        by_id = {m.key_point_id: m.coverage for m in matches}
        coverage = (
            sum(kp.weight * by_id[kp.id] for kp in request.key_points) / total_weight
            if total_weight
            else 0.0
        )
        # ... but they dilute the share of the answer that is on topic: a key-point word in
        # filler counts against the share like any other (unless nothing is on topic).
        answer_weights = weighted_terms(" ".join(s.text for s in parts), question_terms)
        total = sum(answer_weights.values())
        said = {t for s in on_topic for t in content_terms(s.text)}
        relevance = (
            sum(
                w * term_match(base_term(t), vocabulary)
                for t, w in answer_weights.items()
                if t in said or not on_topic
            )
            / total
            if total
            else 0.0
        )
        technical = _technical_recall(request.key_points, answer, question_terms)
        topical_words = sum(len(s.text.split()) for s in on_topic)
        if not on_topic and request.key_points:
            coverage, technical, topical_words = _read_as_a_whole(
                request, parts, question_terms, relevance
            )
        quality = answer_quality(
            coverage if request.key_points else relevance,
            coverage if technical is None else technical,
            relevance,
            topical_words,
        )
        return Reading(
            request=request,
            kept=parts,
            on_topic=on_topic,
            focused=_focused(on_topic, vocabulary),
            matches=matches,
            coverage=coverage,
            relevance=relevance,
            quality=quality,
            technical_recall=coverage if technical is None else technical,
            word_count=sum(len(s.text.split()) for s in parts),
            topical_words=topical_words,
        )

    def _floor(self, request: JudgeRequest, reason: str) -> JudgeResult:
        criteria = [
            CriterionScore(criterion_id=c.id, level=1, rationale=reason)
            for c in request.rubric.criteria
        ]
        missed = [kp.id for kp in sorted(request.key_points, key=lambda kp: -kp.weight)]
        return JudgeResult(
            status=ScoreStatus.scored,
            criteria=criteria,
            missed_key_points=missed,
            feedback=_floor_feedback(request, reason),
            method=self.method,
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
    for whole in sentences(answer):
        s = signals.without_instruction(whole)
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
    matches = match_key_points(AnswerTerms.of(s.text), request.key_points, request.question)
    return any(m.coverage >= COVERED_AT for m in matches)


def _topic_share(text: str, vocabulary: frozenset[str], synonym_weight: float = 1.0) -> float:
    """The share of the sentence's words (by rarity) that are the question's or its key
    points' terms; a word that is one only through a synonym counts `synonym_weight`."""
    pairs = content_word_terms(text)
    total = sum(rarity(w) for w, _ in pairs)
    if not total:
        return 0.0
    return (
        sum(
            rarity(w) * (1.0 if stem(w) == base_term(t) else synonym_weight)
            for w, t in pairs
            if base_term(t) in vocabulary
        )
        / total
    )


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
    key_points: list[KeyPoint], answer: AnswerTerms, question_terms: frozenset[str]
) -> float | None:
    """Share of the key points' rare (technical) words the answer uses, question words
    aside. By form only, even with word vectors: a technical term is meant to be said."""
    wanted: dict[str, float] = {}
    said: dict[str, float] = {}
    for kp in key_points:
        for t, w in weighted_terms(kp.text, question_terms).items():
            if w >= TECHNICAL_RARITY:
                wanted[t] = max(wanted.get(t, 0.0), w * kp.weight)
                said[t] = max(said.get(t, 0.0), present(t, kp.text, answer))
    total = sum(wanted.values())
    if not total:
        return None
    return sum(w * said[t] for t, w in wanted.items()) / total


def _short(text: str, limit: int = 110) -> str:
    text = " ".join(text.split()).rstrip(".")
    return text if len(text) <= limit else text[: limit - 1].rstrip(" ,;") + "…"


def _feedback(reading: Reading, criteria: list[CriterionScore]) -> str:
    kps = {kp.id: kp for kp in reading.request.key_points}
    lines = []
    covered = [kps[m.key_point_id] for m in reading.covered()]
    if covered:
        lines.append("Strong: " + "; ".join(_short(kp.text, 80) for kp in covered[:3]) + ".")
    missed = missed_ids(reading.request.key_points, reading.matches)
    if missed:
        lines.append("Missing: " + "; ".join(_short(kps[i].text) for i in missed[:3]) + ".")
    rubric = reading.request.rubric
    weak = [cs for cs in criteria if cs.level <= 2 and cs.criterion_id != rubric.criteria[0].id]
    for cs in weak[:2]:
        criterion = rubric.criterion(cs.criterion_id)
        lines.append(f"{criterion.name}: aim for — {_short(criterion.level_text(3), 140)}")
    if reading.dropped_instructions:
        lines.append("Instructions to the grader were ignored.")
    if reading.repeated:
        lines.append("Repeated sentences were counted once.")
    return "\n".join(lines)


def _floor_feedback(request: JudgeRequest, reason: str) -> str:
    points = sorted(request.key_points, key=lambda kp: -kp.weight)[:3]
    text = f"Scored at the floor: {reason}."
    if points:
        text += " A strong answer covers: " + "; ".join(_short(kp.text) for kp in points) + "."
    return text
