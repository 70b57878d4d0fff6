"""The offline conductor: the interviewer's words come from the bank, no network.

Follow-ups probe the heaviest key point the answers missed, using the same coverage
signal the offline judge uses. The signal is computed in a worker thread, so the event
loop keeps drawing, and only for answers of a bounded size, so the next question never
waits long: reading costs tens of microseconds a word (up to a quarter of a millisecond on
questions with many key points), and an answer past FOLLOW_UP_MAX_WORDS has had its say.
The judge still reads all of it.
"""

import asyncio
from collections.abc import AsyncIterator

from interviewer.conductor.base import Conductor, SpeakRequest
from interviewer.conductor.project import project_question, without_quote
from interviewer.conductor.wording import opening_turn, round_intro_text
from interviewer.domain.engine import AnswerSignal
from interviewer.domain.question import Question, RoundKind
from interviewer.domain.session import AskedQuestion, Session, TurnKind

# About ten minutes of speech for one question, follow-ups included.
FOLLOW_UP_MAX_WORDS = 1500

PROJECT_REQUEST = (
    "Before we dig in, tell me about one project you worked on that you know well: the "
    "problem and why it mattered, what you personally did, the data, the model, and how "
    "you measured the result."
)
NO_MORE_HINTS = "That's all the help I can give on this one; go with your best reasoning."
UNKNOWN_FACT = "That isn't specified. Make a reasonable assumption, say it out loud, and carry on."


def round_intro(request: SpeakRequest) -> str:
    scenario = request.session.scenario
    spec = scenario.rounds[request.round_index]
    return round_intro_text(
        request.round_index + 1,
        len(scenario.rounds),
        spec.display_title,
        spec.questions,
        spec.time_budget_minutes,
    )


# An answer with at least this many distinct content words, of which fewer than this
# share are the question's (its prompt, key points, cues, follow-ups and hints), speaks to
# something else: the question is put again instead of probed. Only where an answer
# should use the question's words: a story (behavioral) or code may rightly not.
OFF_TOPIC_MIN_WORDS = 6
OFF_TOPIC_SHARE = 0.1
REDIRECTED_ROUNDS = frozenset(
    {
        RoundKind.breadth,
        RoundKind.python,
        RoundKind.system_design,
        RoundKind.domain,
        RoundKind.deep_dive,
    }
)


def off_topic(answer: str, question: Question) -> bool:
    """Whether the answer is about something else than the question."""
    if question.round not in REDIRECTED_ROUNDS:
        return False
    from interviewer.judge.text import base_term, content_terms

    said = {base_term(t) for t in content_terms(answer) if not t.isdigit()}
    if len(said) < OFF_TOPIC_MIN_WORDS:
        return False  # too short to tell; the judge deals with it
    about = [question.prompt, *question.hints]
    for kp in question.key_points:
        about += [kp.text, *kp.cues]
    about += [f.prompt for f in question.follow_ups]
    topic = {base_term(t) for t in content_terms(" ".join(about))}
    return len(said & topic) / len(said) < OFF_TOPIC_SHARE


def clarification_reply(question: Question, message: str) -> str:
    facts = [c.fact for c in question.clarifications if c.asked_in(message)]
    return " ".join(facts) if facts else UNKNOWN_FACT


class OfflineConductor(Conductor):
    name = "offline"

    def text_for(self, request: SpeakRequest) -> str:
        kind = request.kind
        if kind is TurnKind.project_request:
            body = PROJECT_REQUEST
        elif kind is TurnKind.question:
            assert request.question is not None
            body = self.asked_prompt(request.session, request.question)
        elif kind is TurnKind.follow_up:
            body = request.probe or "Can you go one level deeper on that?"
            if request.key_point_id == "" and request.probe:
                # A redirect puts the question again; the line it quoted from the
                # project was said once already.
                body = without_quote(body)
        elif kind is TurnKind.clarification:
            assert request.question is not None
            body = clarification_reply(request.question, request.candidate_message or "")
        elif kind is TurnKind.hint:
            body = f"Hint: {request.hint}" if request.hint else NO_MORE_HINTS
        else:
            raise ValueError(f"the conductor does not speak turns of kind {kind}")
        if request.starts_round:
            return opening_turn(round_intro(request), body)
        return body

    def asked_prompt(self, session: Session, question: Question) -> str:
        """A deep-dive question is asked about the candidate's project: its choices, its
        numbers, the sentence of the description that speaks to the question."""
        description = session.project_description
        if question.round is RoundKind.deep_dive and description:
            asked = [q.prompt for q in session.questions if q.question_id != question.id]
            return project_question(description, question, asked)
        return question.prompt

    async def speak(self, request: SpeakRequest) -> AsyncIterator[str]:
        yield self.text_for(request)

    async def assess(self, question: Question, asked: AskedQuestion) -> AnswerSignal:
        text = asked.answer_text()
        if len(text.split()) > FOLLOW_UP_MAX_WORDS:
            return AnswerSignal([])
        missed = await asyncio.to_thread(_missed, text, question)
        latest = asked.answers[-1].text if asked.answers else ""
        strayed = len(missed) == len(question.key_points) and await asyncio.to_thread(
            off_topic, latest, question
        )
        return AnswerSignal(missed, off_topic=strayed)

    def warm_up(self, question: Question | None = None) -> None:
        from interviewer.judge.text import rarity

        rarity("warm")
        if question is not None:
            # Reads the question's key points once, and its own words as an answer would:
            # a first answer, mostly in those words, is then checked from warm caches.
            _missed(" ".join([question.prompt, *(kp.text for kp in question.key_points)]), question)


def _missed(text: str, question: Question) -> list[str]:
    # Imported on first use: the matcher and its vocabulary are not needed to start.
    from interviewer.judge.matching import missed_key_points

    return missed_key_points(text, question.key_points, question.prompt)
