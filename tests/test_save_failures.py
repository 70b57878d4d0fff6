"""A save that failed is never reported as saved (issue 12, point 1): the runner raises
SaveFailed, keeps the session in memory, writes a rescue copy, and can retry or move."""

import asyncio

import pytest

from interviewer.judge.scripted import ScriptedJudge
from interviewer.runner import SaveFailed
from interviewer.store.transcripts import TranscriptStore
from tests.test_runner import make


def block(folder):
    """Make `folder` unusable (a file where it should be); returns how to undo that."""
    aside = folder.with_name(folder.name + "-aside")
    folder.rename(aside)
    folder.write_text("not a folder")

    def undo():
        folder.unlink()
        aside.rename(folder)

    return undo


def on_disk(path):
    """What the files hold: the transcript with its journal replayed."""
    return TranscriptStore(path.parent).load(path)


def answers_in(path):
    return [t.text for q in on_disk(path).questions for t in q.answers]


async def test_a_failed_save_raises_keeps_the_answer_and_writes_a_rescue_copy(tmp_path):
    runner, store, _ = make(tmp_path)
    runner.rescue_dirs = [tmp_path / "rescue"]
    first = await runner.begin()
    assert first is not None
    unblock = block(store.root)

    with pytest.raises(SaveFailed) as caught:
        await runner.answer("an answer the disk refused")
    failure = caught.value
    assert runner.unsaved is failure
    assert failure.path == store.path_for(runner.session.id)
    assert failure.rescued == tmp_path / "rescue" / f"{runner.session.id}.json"
    assert answers_in(failure.rescued) == ["an answer the disk refused"]
    assert runner.unsaved_answers() == "an answer the disk refused"
    assert "NOT SAVED" in failure.describe() and str(failure.rescued) in failure.describe()
    with pytest.raises(SaveFailed):
        runner.retry_save()  # still blocked

    unblock()
    runner.retry_save()
    assert runner.unsaved is None and runner.unsaved_answers() == ""
    assert answers_in(store.path_for(runner.session.id)) == ["an answer the disk refused"]
    nxt = await runner.begin()  # picks up where the failed save stopped: the next question
    assert nxt is not None and nxt.text != first.text
    await runner.wait_for_judging()
    saved = on_disk(store.path_for(runner.session.id))
    assert len(saved.questions) == 2 and saved.questions[0].scoring_runs


async def test_save_elsewhere_moves_the_session_for_good(tmp_path):
    runner, store, _ = make(tmp_path)
    runner.rescue_dirs = []
    await runner.begin()
    block(store.root)
    with pytest.raises(SaveFailed) as caught:
        await runner.answer("kept whatever happens")
    assert caught.value.rescued is None and "No copy could be saved" in caught.value.describe()

    chosen = tmp_path / "chosen"
    where = runner.save_elsewhere(chosen)
    assert where == chosen / f"{runner.session.id}.json" and runner.saved_to == where
    await runner.begin()
    await runner.answer("the second answer")
    await runner.wait_for_judging()
    assert answers_in(where) == ["kept whatever happens", "the second answer"]
    runner.close()


async def test_quit_raises_when_the_session_never_landed(tmp_path):
    runner, store, _ = make(tmp_path)
    runner.rescue_dirs = [tmp_path / "rescue"]
    await runner.begin()
    block(store.root)
    with pytest.raises(SaveFailed):
        await runner.answer("an answer")
    with pytest.raises(SaveFailed):
        await runner.quit(grace_seconds=0)


class GatedJudge(ScriptedJudge):
    """Gives its verdicts only once the test opens the gate."""

    def __init__(self) -> None:
        super().__init__()
        self.gate = asyncio.Event()

    async def _score(self, request):
        await self.gate.wait()
        return await super()._score(request)


async def test_a_verdict_that_cannot_be_saved_is_held_and_reported(tmp_path):
    judge = GatedJudge()
    runner, store, _ = make(tmp_path, judge=judge)
    runner.rescue_dirs = []
    await runner.begin()
    await runner.answer("an answer")  # saved; judging waits at the gate
    unblock = block(store.root)
    judge.gate.set()
    await runner.wait_for_judging()
    assert runner.unsaved is not None  # the verdict's save failed: said, not swallowed
    assert runner.session.questions[0].scoring_runs  # and the verdict is in memory
    unblock()
    runner.retry_save()
    assert on_disk(store.path_for(runner.session.id)).questions[0].scoring_runs
