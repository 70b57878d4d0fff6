"""The offline judge: scores an answer against a rubric with no network and no model.

How an answer is read:
1. Sentences addressed to the grader ("ignore the rubric...") are dropped, and repeated
   sentences are kept once, so neither can move the score.
2. Answers with nothing to score (empty, one word, "fine", gibberish, the question said
   back) get level 1 on every criterion.
3. Key points are matched sentence by sentence (see matching.py); their weighted coverage
   and the share of the answer that is on topic make one quality figure in [0, 1].
4. Each criterion's level comes from the signal its rubric names: coverage and
   terminology from the key points, the other signals from markers found in on-topic
   sentences only. Signals that describe how an answer explains (depth, examples,
   trade-offs, communication) are capped one level above coverage: a well-argued answer
   to a different question is still a weak answer.
"""

import asyncio
import math
from collections.abc import Callable
from dataclasses import dataclass

from interviewer.domain.judging import CriterionScore, JudgeRequest, JudgeResult, ScoreStatus
from interviewer.domain.question import KeyPoint
from interviewer.domain.rubric import Criterion, OfflineSignal
from interviewer.judge import signals
from interviewer.judge.base import Judge
from interviewer.judge.matching import (
    COVERED_AT,
    AnswerTerms,
    KeyPointMatch,
    match_key_points,
    states_part_of_a_key_point,
    term_match,
    weighted_terms,
)
from interviewer.judge.text import Sentence, content_terms, content_words, rarity, sentences, term

METHOD = "lexical-v1"
# Quality = mostly key-point coverage, partly how much of the answer is on topic.
# How the quality figure weighs its parts (they sum to 1): key points covered, their
# technical terms used, share of the answer on topic, and enough said to make a point.
QUALITY_WEIGHTS = (0.35, 0.4, 0.1, 0.15)
# On-topic words that make a complete short answer; fewer are scored in proportion.
ENOUGH_WORDS = 10
# Quality thresholds for levels 2, 3 and 4.
QUALITY_LEVELS = (0.45, 0.65, 0.85)
# Key-point words at least this rare (outside the ~300 commonest tokens) are technical terms.
TECHNICAL_RARITY = 0.5
LONG_ANSWER_WORDS = 400
# Words at least this rare (about rank 4,000 of the general vocabulary) are specific.
SPECIFIC_RARITY = 0.72
# Share of a key point a sentence must state to count as on topic.
ON_TOPIC_SHARE = 0.2
QUESTION_SHARE = 0.34
MIXED_SHARE = 0.2


def answer_quality(coverage: float, technical: float, relevance: float, words: int) -> float:
    """One figure in [0, 1]. Square roots: the first half of a point matters most."""
    parts = (
        math.sqrt(coverage),
        math.sqrt(technical),
        math.sqrt(relevance),
        min(1.0, words / ENOUGH_WORDS),
    )
    return sum(w * p for w, p in zip(QUALITY_WEIGHTS, parts, strict=True))


def level_for(value: float, thresholds: tuple[float, float, float]) -> int:
    return 1 + sum(1 for t in thresholds if value >= t)


@dataclass
class Reading:
    """What the judge read from one answer; every criterion's level is derived from it."""

    request: JudgeRequest
    kept: list[Sentence]
    on_topic: list[Sentence]
    focused: list[Sentence]  # on topic and naming a specific term: where markers count
    matches: list[KeyPointMatch]
    coverage: float
    relevance: float
    quality: float
    technical_recall: float
    word_count: int
    topical_words: int
    dropped_instructions: bool = False
    repeated: bool = False

    @property
    def quality_level(self) -> int:
        return level_for(self.quality, QUALITY_LEVELS)

    def covered(self) -> list[KeyPointMatch]:
        return [m for m in self.matches if m.coverage >= COVERED_AT]


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
        parts, dropped, repeated = _clean(request.answer)
        question_terms = frozenset(content_terms(request.question))
        vocabulary = _vocabulary(request.key_points, question_terms)
        answer_terms = [t for s in parts for t in content_terms(s.text)]
        reason = signals.floor_reason(
            " ".join(s.text for s in parts), question_terms, answer_terms, vocabulary
        )
        on_topic = _on_topic(parts, request, vocabulary)
        topical_terms = [t for s in on_topic for t in content_terms(s.text)]
        if (
            not reason
            and topical_terms
            and signals.repeats_question(topical_terms, question_terms, vocabulary)
        ):
            reason = "the answer only repeats the question"
        if reason:
            return self._floor(request, reason)
        reading = self._read(request, parts, on_topic, question_terms, vocabulary)
        reading.dropped_instructions, reading.repeated = dropped, repeated
        criteria = [_criterion_score(c, reading) for c in request.rubric.criteria]
        return JudgeResult(
            status=ScoreStatus.scored,
            criteria=criteria,
            covered_key_points=[m.key_point_id for m in reading.covered()],
            missed_key_points=_missed(request.key_points, reading.matches),
            feedback=_feedback(reading, criteria),
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
        # ... but they dilute the share of the answer that is on topic.
        answer_weights = weighted_terms(" ".join(s.text for s in parts), question_terms)
        total = sum(answer_weights.values())
        relevance = (
            sum(w * term_match(t, vocabulary) for t, w in answer_weights.items()) / total
            if total
            else 0.0
        )
        technical = _technical_recall(request.key_points, answer, question_terms)
        topical_words = sum(len(s.text.split()) for s in on_topic)
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
    of a key point or names a specific term and is not mostly about something else.
    Filler that brushes against a few everyday words of a long key point does not."""
    if not vocabulary:
        return parts
    kept = []
    for s in parts:
        weights = weighted_terms(s.text, frozenset())
        total = sum(weights.values())
        share = sum(w for t, w in weights.items() if t in vocabulary) / total if total else 0.0
        if share >= QUESTION_SHARE or (
            share >= MIXED_SHARE
            and (
                _names_specific_term(s, vocabulary)
                or states_part_of_a_key_point(
                    s.text, request.key_points, request.question, ON_TOPIC_SHARE
                )
            )
        ):
            kept.append(s)
    return kept


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
    terms = set(question_terms)
    for kp in key_points:
        terms.update(content_terms(kp.text))
        for cue in kp.cues:
            terms.update(content_terms(cue))
    return frozenset(terms)


def _technical_recall(
    key_points: list[KeyPoint], answer: AnswerTerms, question_terms: frozenset[str]
) -> float | None:
    """Share of the key points' rare (technical) words the answer uses, question words aside."""
    wanted: dict[str, float] = {}
    for kp in key_points:
        for t, w in weighted_terms(kp.text, question_terms).items():
            if w >= TECHNICAL_RARITY:
                wanted[t] = max(wanted.get(t, 0.0), w * kp.weight)
    total = sum(wanted.values())
    if not total:
        return None
    return sum(w * term_match(t, answer.all_terms) for t, w in wanted.items()) / total


def _missed(key_points: list[KeyPoint], matches: list[KeyPointMatch]) -> list[str]:
    coverage = {m.key_point_id: m.coverage for m in matches}
    missed = [kp for kp in key_points if coverage.get(kp.id, 0.0) < COVERED_AT]
    missed.sort(key=lambda kp: -kp.weight)
    return [kp.id for kp in missed]


def _capped(level: int, reading: Reading) -> int:
    """How-it-is-explained levels: at most one above coverage, and 1 when nothing of
    substance is said (no sentence on topic, or coverage at level 1)."""
    if not reading.on_topic or reading.quality_level == 1:
        return 1
    return max(1, min(level, reading.quality_level + 1))


def _coverage(reading: Reading) -> tuple[int, list[str], str]:
    evidence = [m.evidence for m in reading.covered() if m.evidence]
    rationale = (
        f"{len(reading.covered())} of {len(reading.matches)} key points covered "
        f"(weighted coverage {reading.coverage:.2f}, on-topic share {reading.relevance:.2f})"
    )
    return reading.quality_level, evidence, rationale


def _terminology(reading: Reading) -> tuple[int, list[str], str]:
    level = level_for(math.sqrt(reading.technical_recall), (0.3, 0.5, 0.7))
    level = min(level, reading.quality_level + 1)
    evidence = [m.evidence for m in reading.covered() if m.evidence]
    return level, evidence, f"uses {reading.technical_recall:.0%} of the key technical terms"


def _marker_level(count: int) -> int:
    return 1 + min(3, count)


def _depth(reading: Reading) -> tuple[int, list[str], str]:
    found = signals.find(signals.CAUSAL, reading.focused)
    level = min(reading.quality_level, found.count + 2)
    return level, found.sentences, f"{found.count} causal explanations on topic"


def _examples(reading: Reading) -> tuple[int, list[str], str]:
    ex = signals.find(signals.EXAMPLE, reading.focused)
    tr = signals.find(signals.TRADEOFF, reading.focused)
    level = _capped(_marker_level(ex.count + tr.count), reading)
    return level, ex.sentences + tr.sentences, f"{ex.count} examples, {tr.count} trade-off markers"


def _tradeoffs(reading: Reading) -> tuple[int, list[str], str]:
    tr = signals.find(signals.TRADEOFF, reading.focused)
    level = _capped(level_for(tr.count, (1, 2, 4)), reading)
    return level, tr.sentences, f"{tr.count} alternatives or costs weighed"


def _communication(reading: Reading) -> tuple[int, list[str], str]:
    notes = []
    level = 3
    if reading.relevance < 0.25:
        level, notes = 2, ["much of it is off the question"]
    if reading.word_count > LONG_ANSWER_WORDS:
        level, notes = min(level, 2), [*notes, "long"]
    if reading.repeated:
        level, notes = min(level, 2), [*notes, "repeats itself"]
    signposts = signals.find(signals.SIGNPOST, reading.focused)
    if level == 3 and reading.relevance >= 0.5 and (signposts.count or reading.word_count <= 120):
        level = 4
    level = _capped(level, reading)
    return level, signposts.sentences, ", ".join(notes) or "focused on the question"


def _star(reading: Reading) -> tuple[int, list[str], str]:
    parts = [
        signals.find(p, reading.kept)
        for p in (signals.SITUATION, signals.TASK, signals.ACTION, signals.RESULT)
    ]
    present = sum(1 for p in parts if p.count)
    evidence = [p.sentences[0] for p in parts if p.sentences]
    return max(1, present), evidence, f"{present} of situation, task, action, result present"


def _ownership(reading: Reading) -> tuple[int, list[str], str]:
    # "I" counts when it does something ("I built", "I decided"); "I enjoy hiking" does not.
    mine = signals.find(signals.ACTION, reading.kept)
    ours = signals.find(signals.TEAM_PERSON, reading.kept)
    if mine.count == 0:
        level = 1
    else:
        share = mine.count / (mine.count + ours.count)
        level = 2 if share < 0.4 else (3 if share < 0.7 or mine.count < 2 else 4)
    rationale = f"{mine.count} things the candidate did vs {ours.count} team references"
    return level, mine.sentences, rationale


def _results(reading: Reading) -> tuple[int, list[str], str]:
    measures = signals.find(signals.MEASURE, reading.kept)
    outcomes = signals.find(signals.RESULT, reading.kept)
    if measures.count >= 2:
        level = 4
    elif measures.count == 1:
        level = 3
    else:
        level = 2 if outcomes.count else 1
    evidence = measures.sentences or outcomes.sentences
    return level, evidence, f"{measures.count} measured outcomes"


def _stages(reading: Reading) -> tuple[int, list[str], str]:
    staged = [kp for kp in reading.request.key_points if kp.stage]
    if staged:
        coverage = {m.key_point_id: m for m in reading.matches}
        stages = {kp.stage or "" for kp in staged}
        walked = {kp.stage or "" for kp in staged if coverage[kp.id].coverage >= COVERED_AT}
        evidence = [e for kp in staged if kp.stage in walked and (e := coverage[kp.id].evidence)]
        share = len(walked) / len(stages)
    else:
        hits = {name: signals.find(p, reading.focused) for name, p in signals.STAGES.items()}
        walked = {name for name, f in hits.items() if f.count}
        evidence = [f.sentences[0] for f in hits.values() if f.sentences]
        share = len(walked) / len(signals.STAGES)
    level = _capped(level_for(share, (0.25, 0.5, 0.75)), reading)
    return level, evidence, f"stages walked: {', '.join(sorted(walked)) or 'none'}"


_SIGNALS: dict[OfflineSignal, Callable[[Reading], tuple[int, list[str], str]]] = {
    OfflineSignal.coverage: _coverage,
    OfflineSignal.terminology: _terminology,
    OfflineSignal.depth: _depth,
    OfflineSignal.examples: _examples,
    OfflineSignal.tradeoffs: _tradeoffs,
    OfflineSignal.communication: _communication,
    OfflineSignal.star: _star,
    OfflineSignal.ownership: _ownership,
    OfflineSignal.results: _results,
    OfflineSignal.stages: _stages,
}


def _criterion_score(criterion: Criterion, reading: Reading) -> CriterionScore:
    level, evidence, rationale = _SIGNALS[criterion.offline_signal](reading)
    unique = list(dict.fromkeys(evidence))[:3]
    return CriterionScore(
        criterion_id=criterion.id, level=max(1, min(4, level)), evidence=unique, rationale=rationale
    )


def _short(text: str, limit: int = 110) -> str:
    text = " ".join(text.split()).rstrip(".")
    return text if len(text) <= limit else text[: limit - 1].rstrip(" ,;") + "…"


def _feedback(reading: Reading, criteria: list[CriterionScore]) -> str:
    kps = {kp.id: kp for kp in reading.request.key_points}
    lines = []
    covered = [kps[m.key_point_id] for m in reading.covered()]
    if covered:
        lines.append("Strong: " + "; ".join(_short(kp.text, 80) for kp in covered[:3]) + ".")
    missed = _missed(reading.request.key_points, reading.matches)
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
