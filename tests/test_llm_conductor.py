"""The LLM conductor: streamed turns in role, clarification facts on request, bank fallback."""

from interviewer.conductor.base import RESTART, SpeakRequest
from interviewer.conductor.llm_conductor import LLMConductor
from interviewer.domain import engine
from interviewer.domain.engine import AskQuestion
from interviewer.domain.question import Question
from interviewer.domain.session import TurnKind
from interviewer.llm.mock import MockLLM, MockReply
from interviewer.llm.openai_provider import OpenAICompatibleProvider
from interviewer.llm.retry import RetryPolicy
from tests import builders

FAST = RetryPolicy(max_retries=1, base_delay_s=0.01, total_deadline_s=10)


def design_question() -> Question:
    return Question.model_validate(
        {
            "id": "sd.feed",
            "round": "system_design",
            "prompt": "Design the ranking system for a news feed.",
            "topics": ["ranking"],
            "difficulty": "hard",
            "key_points": [
                {"id": "metrics", "text": "Defines online and offline metrics"},
                {"id": "data", "text": "Describes training data and labels"},
                {"id": "serving", "text": "Explains candidate generation then ranking"},
            ],
            "clarifications": [
                {"triggers": ["users", "scale"], "fact": "There are 50 million daily users."},
                {"triggers": ["latency"], "fact": "The feed must render within 200 ms."},
            ],
        }
    )


def session_with(question: Question, kind: str = "system_design", project: str | None = None):
    sc = builders.scenario([(kind, 2)])
    s = builders.session(sc, project=project)
    engine.apply_ask_question(s, AskQuestion(0, question.id, True), question, "Q?", builders.T0)
    return s


async def collect(conductor: LLMConductor, request: SpeakRequest) -> list[str]:
    return [chunk async for chunk in conductor.speak(request)]


async def test_a_question_is_streamed_in_chunks_from_the_model(server):
    api = OpenAICompatibleProvider("fake", base_url=server.url, policy=FAST)
    conductor = LLMConductor(api)
    q = builders.question("breadth.l1")
    s = builders.session(builders.scenario([("breadth", 2)]))
    chunks = await collect(conductor, SpeakRequest(TurnKind.question, s, 0, question=q))
    assert len(chunks) > 3
    assert q.prompt in "".join(chunks)
    assert conductor.fallbacks == []
    assert conductor.drain_usage()[0].role == "interviewer"


async def test_the_system_prompt_keeps_the_interviewer_in_role_and_the_rubric_private():
    api = MockLLM()
    conductor = LLMConductor(api)
    s = session_with(design_question())
    await collect(conductor, SpeakRequest(TurnKind.hint, s, 0, question=design_question()))
    system = api.history[0].messages[0].content
    assert api.history[0].messages[0].role == "system"
    assert "never reveal the rubric" in system
    assert "Never grade" in system
    assert "Correctness: Says true things." in system


async def test_clarification_reveals_only_the_facts_asked_about():
    api = MockLLM()
    conductor = LLMConductor(api)
    q = design_question()
    s = session_with(q)
    engine.apply_candidate_question(s, "How many users are there?", builders.T0)
    request = SpeakRequest(
        TurnKind.clarification, s, 0, question=q, candidate_message="How many users are there?"
    )
    await collect(conductor, request)
    sent = "\n".join(m.content for m in api.history[0].messages)
    assert "50 million daily users" in sent
    assert "200 ms" not in sent


async def test_the_deep_dive_works_from_the_project_description():
    api = MockLLM()
    conductor = LLMConductor(api)
    q = builders.question("dd.tradeoffs", "deep_dive")
    s = session_with(q, "deep_dive", project="Fraud detection with gradient boosting at a bank.")
    await collect(conductor, SpeakRequest(TurnKind.question, s, 0, question=q))
    assert "Fraud detection with gradient boosting" in api.history[0].messages[0].content


async def test_an_api_failure_falls_back_to_the_bank_text_and_is_recorded(server):
    server.enqueue(*[{"fault": "server_error"}] * 4)
    api = OpenAICompatibleProvider("fake", base_url=server.url, policy=FAST)
    conductor = LLMConductor(api)
    q = builders.question("breadth.l1")
    s = builders.session(builders.scenario([("breadth", 2)]))
    text = "".join(await collect(conductor, SpeakRequest(TurnKind.follow_up, s, 0, probe="Why?")))
    assert text == "Why?"
    assert [f.kind for f in conductor.fallbacks] == [TurnKind.follow_up]
    assert "HTTP 500" in conductor.fallbacks[0].reason
    assert q.prompt  # the interview goes on: nothing raised


async def test_a_stream_that_keeps_dropping_is_not_passed_off_as_a_whole_turn():
    api = MockLLM(policy=RetryPolicy(max_retries=1, base_delay_s=0.0))
    api.enqueue(MockReply("Tell me how you would", cut_after=8))
    api.enqueue(MockReply("Tell me how you would", cut_after=8))
    conductor = LLMConductor(api)
    s = builders.session(builders.scenario([("breadth", 2)]))
    request = SpeakRequest(TurnKind.follow_up, s, 0, probe="What is penalised?")
    chunks = await collect(conductor, request)
    assert chunks == ["Tell me ", RESTART, "What is penalised?"]  # withdrawn, not marked
    assert "connection dropped" not in "".join(chunks)
    assert len(conductor.fallbacks) == 1


async def test_the_prefix_is_byte_identical_across_calls_in_a_round():
    api = MockLLM()
    conductor = LLMConductor(api)
    q = design_question()
    s = session_with(q)
    for i in range(5):
        engine.apply_answer(s, f"answer number {i} about metrics", builders.T0)
        request = SpeakRequest(TurnKind.follow_up, s, 0, question=q, probe=f"probe {i}")
        await collect(conductor, request)
        engine.apply_follow_up(
            s, engine.AskFollowUp(q.id, "data", f"probe {i}"), f"probe {i}", builders.T0
        )
    systems = {call.messages[0].content for call in api.history}
    assert len(systems) == 1


def answered_design_session():
    q = design_question()
    s = session_with(q)
    engine.apply_answer(s, "I would define online and offline metrics first.", builders.T0)
    return q, s


async def test_assess_is_the_models_judgement_shown_the_offline_signal():
    api = MockLLM()
    api.enqueue('{"missed_key_points": ["serving", "invented", "serving"], "reason": "r"}')
    conductor = LLMConductor(api)
    q, s = answered_design_session()
    signal = await conductor.assess(q, s.questions[0])
    assert signal.missed_key_points == ["serving"]
    prompt = api.history[0].messages[-1].content
    assert "Key point `metrics` (weight 1) [word check: covered]" in prompt
    assert "Key point `data` (weight 1) [word check: missed]" in prompt
    assert api.history[0].response_schema is not None
    assert conductor.drain_usage()[0].role == "interviewer"


async def test_assess_falls_back_to_the_offline_signal_when_the_model_is_unusable():
    api = MockLLM(policy=RetryPolicy(max_retries=0))
    api.enqueue("I think they did fine!")
    conductor = LLMConductor(api)
    q, s = answered_design_session()
    signal = await conductor.assess(q, s.questions[0])
    assert signal.missed_key_points == ["data", "serving"]
    assert len(conductor.assessment_fallbacks) == 1


async def test_assess_against_the_server_default_follows_the_word_check(server):
    api = OpenAICompatibleProvider("fake", base_url=server.url, policy=FAST)
    q, s = answered_design_session()
    signal = await LLMConductor(api).assess(q, s.questions[0])
    assert signal.missed_key_points == ["data", "serving"]
    assert server.requests[0]["body"]["response_format"]["json_schema"]["name"] == "ProbeChoice"
