"""Judging and the follow-up signal off the event loop: a worker process, a thread."""

import asyncio
import os
import threading

from interviewer.backends import Backend
from interviewer.conductor import offline as offline_conductor
from interviewer.conductor.offline import FOLLOW_UP_MAX_WORDS, OfflineConductor
from interviewer.content.loader import load_content
from interviewer.domain import engine
from interviewer.domain.judging import JudgeRequest
from interviewer.judge.offline import OfflineJudge
from interviewer.judge.worker import WorkerJudge
from interviewer.runner import InterviewRunner
from interviewer.store.transcripts import TranscriptStore
from tests.builders import T0, bank, scenario, session

SENTENCE = (
    "Regularisation adds a penalty on the size of the weights to the loss, which shrinks "
    "them and lowers variance at the cost of a little bias; L1 drives some exactly to zero. "
)


def shipped_request(answer: str) -> JudgeRequest:
    content = load_content()
    question = content.questions["breadth.bias_variance.definitions"]
    return JudgeRequest(
        round_kind=question.round,
        question=question.prompt,
        key_points=question.key_points,
        rubric=content.rubrics["breadth"],
        answer=answer,
    )


async def test_the_worker_gives_the_offline_judges_verdict_and_identity():
    judge = WorkerJudge()
    request = shipped_request(SENTENCE * 3)
    try:
        result = await judge.score(request)
        assert judge.process.pid is not None and judge.process.pid != os.getpid()
    finally:
        judge.process.close()
    assert result == OfflineJudge().score_now(request)
    assert judge.identity(request.rubric) == OfflineJudge().identity(request.rubric)


async def test_a_dead_worker_costs_time_not_verdicts():
    judge = WorkerJudge()
    request = shipped_request(SENTENCE)
    expected = OfflineJudge().score_now(request)
    assert await judge.score(request) == expected
    pid = judge.process.pid
    assert pid is not None
    os.kill(pid, 9)
    assert await judge.score(request) == expected  # scored in this process now
    assert await judge.score(request) == expected


async def test_the_event_loop_keeps_running_while_a_long_answer_is_judged(tmp_path):
    ticks = 0
    stop = asyncio.Event()

    async def ticker():
        nonlocal ticks
        while not stop.is_set():
            ticks += 1
            await asyncio.sleep(0.005)

    s = session(scenario([("breadth", 2)]))
    judge = WorkerJudge()
    runner = InterviewRunner(
        s, bank(4), Backend("offline", OfflineConductor(), judge, "t"), TranscriptStore(tmp_path)
    )
    await runner.begin()
    judge.process.start()
    long_answer = SENTENCE * 150  # about 4,500 words
    running = asyncio.create_task(ticker())
    try:
        await runner.answer(long_answer)
        before = ticks
        await runner.wait_for_judging()
        during = ticks - before
    finally:
        stop.set()
        await running
        judge.process.close()
    assert s.questions[0].scoring_runs[0].result.is_scored
    assert during >= 3  # a judge on the loop would have let it tick not once


async def test_the_follow_up_signal_runs_off_the_loop_and_only_for_bounded_answers(
    monkeypatch,
):
    threads = []
    real = offline_conductor._missed

    def recording(text, question):
        threads.append(threading.get_ident())
        return real(text, question)

    monkeypatch.setattr(offline_conductor, "_missed", recording)
    b = bank(4)
    conductor = OfflineConductor()

    def answered(text):
        s = session(scenario([("breadth", 2)]))
        action = engine.next_action(s, b, None, now=T0)
        asked = engine.apply_ask_question(s, action, b[action.question_id], "q", T0)
        engine.apply_answer(s, text, T0)
        return b[asked.question_id], asked

    signal = await conductor.assess(*answered("it penalises the absolute weight values"))
    assert threads and threads[0] != threading.get_ident()
    assert signal.missed_key_points and "first" not in signal.missed_key_points
    long = "the absolute weight values " * (FOLLOW_UP_MAX_WORDS // 4 + 1)  # past the bound
    assert (await conductor.assess(*answered(long))).missed_key_points == []
    assert len(threads) == 1
