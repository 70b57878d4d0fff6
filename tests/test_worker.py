"""Judging and the follow-up signal off the event loop: a worker process, a thread."""

import asyncio
import os
import sys
import threading
import time

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
from tests.answer_sets import request_for
from tests.builders import T0, bank, scenario, session

SENTENCE = (
    "Regularisation adds a penalty on the size of the weights to the loss, which shrinks "
    "them and lowers variance at the cost of a little bias; L1 drives some exactly to zero. "
)


def shipped_request(answer: str) -> JudgeRequest:
    content = load_content()
    question = content.questions["breadth.bias_variance.definitions"]
    return request_for(question, content.rubrics["breadth"], answer)


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


def _gone(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:  # a zombie awaiting its reaper is gone too
            return fh.read().split(")")[-1].split()[0] == "Z"
    except FileNotFoundError:
        return True


def test_a_worker_does_not_outlive_a_killed_interviewer(tmp_path):
    import subprocess
    import sys
    import time

    # The test holds the worker's input open, so only its parent's death can end it.
    read_end, write_end = os.pipe()
    code = (
        "import os, subprocess, sys, time\n"
        "w = subprocess.Popen([sys.executable, '-m', 'interviewer.judge.worker_process',"
        " str(os.getpid())], stdin=int(sys.argv[1]), stdout=subprocess.DEVNULL,"
        " stderr=open(sys.argv[2], 'w'))\n"
        "print(w.pid, flush=True); time.sleep(60)\n"
    )
    log = tmp_path / "worker.log"
    parent = subprocess.Popen(
        [sys.executable, "-c", code, str(read_end), str(log)],
        stdout=subprocess.PIPE,
        text=True,
        pass_fds=(read_end,),
    )
    os.close(read_end)
    try:
        assert parent.stdout is not None
        worker = int(parent.stdout.readline())
        time.sleep(0.5)
        assert not _gone(worker), log.read_text()
        parent.kill()
        parent.communicate(timeout=10)
        deadline = time.monotonic() + 20
        while not _gone(worker) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert _gone(worker), "the judge worker outlived its parent"
    finally:
        os.close(write_end)


def test_a_worker_whose_parent_is_already_gone_exits_at_once():
    import subprocess
    import sys

    read_end, write_end = os.pipe()  # input held open: it must not wait for it
    try:
        done = subprocess.run(
            [sys.executable, "-m", "interviewer.judge.worker_process", "1"],
            stdin=read_end,
            timeout=30,
        )
        assert done.returncode == 0
    finally:
        os.close(read_end)
        os.close(write_end)


async def test_abandoning_a_busy_worker_frees_the_thread_an_exit_would_wait_for():
    """A 50,000-character answer without a full stop is seconds of scoring: quitting
    cancels its task, and abandon() ends the worker, so the thread waiting on it (which
    the interpreter joins at exit) returns at once instead of when the verdict is done."""
    judge = WorkerJudge()
    # A worker that takes the request and never answers: scoring that outlasts the quit.
    judge.process.command = [sys.executable, "-c", "import time; time.sleep(30)"]
    scoring = asyncio.create_task(judge.score(shipped_request(SENTENCE)))
    for _ in range(1000):
        if judge.process.busy:
            break
        await asyncio.sleep(0.01)
    assert judge.process.busy
    scoring.cancel()
    judge.abandon()
    assert judge._waiter is not None
    started = time.monotonic()
    await asyncio.wait_for(asyncio.to_thread(judge._waiter.shutdown, True), timeout=10)
    assert time.monotonic() - started < 10
    assert judge.process.pid is None  # the worker is gone; a later request starts another


async def test_abandon_leaves_an_idle_worker_alone():
    judge = WorkerJudge()
    try:
        assert await judge.score(shipped_request(SENTENCE))
        pid = judge.process.pid
        judge.abandon()
        assert judge.process.pid == pid and pid is not None
        os.kill(pid, 0)  # still running: it is only closed at exit
    finally:
        judge.process.close()
