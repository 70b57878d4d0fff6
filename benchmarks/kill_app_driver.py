"""The app, driven by Pilot in a process of its own, for bench_kill.py to kill.

    python benchmarks/kill_app_driver.py TEMPLATE COUNT SEED SCENARIO

Starts an interview in $INTERVIEWER_TRANSCRIPTS_DIR and answers COUNT questions with
TEMPLATE.format(n=...): each is typed into the editor, `SENT n` is printed, ctrl+s is
pressed, and `CONFIRMED n` is printed once the next question is on screen.
"""

import asyncio
import sys

from textual import events
from textual.widgets import TextArea

from interviewer.session_factory import (
    NewInterview,
    backend_for,
    content_for,
    create_session,
    make_runner,
    store_for,
)
from interviewer.settings import Settings
from interviewer.tui.app import build_app
from interviewer.tui.conversation import Conversation, flat_turns


def question_on_screen(conversation: Conversation, at_least: int) -> bool:
    turns = flat_turns(conversation.session)
    return (
        len(turns) >= at_least
        and turns[-1][1].role == "interviewer"
        and conversation.rendered >= len(turns)
    )


async def main(template: str, count: int, seed: int, scenario: str) -> None:
    settings = Settings()
    content, store, backend = content_for(settings), store_for(settings), backend_for(settings)
    session = create_session(content, NewInterview(scenario_id=scenario, seed=seed), backend)
    runner = make_runner(session, content, store, backend, command="start")
    app = build_app(settings, runner=runner, content=content, store=store, backend=backend)
    async with app.run_test(size=(100, 30)) as pilot:
        while not app.screen.query(Conversation):
            await asyncio.sleep(0.005)
        conversation = app.screen.query_one(Conversation)
        while not question_on_screen(conversation, 1):
            await asyncio.sleep(0.005)
        print("READY", session.id, flush=True)
        for n in range(1, count + 1):
            turns = len(flat_turns(conversation.session))
            app.screen.query_one("#answer", TextArea).insert(template.format(n=n))
            await pilot.pause()
            print("SENT", n, flush=True)
            app.post_message(events.Key("ctrl+s", None))
            while not question_on_screen(conversation, turns + 2):
                await asyncio.sleep(0.002)
            await pilot.pause()
            print("CONFIRMED", n, flush=True)
        await asyncio.sleep(60)  # until killed


if __name__ == "__main__":
    template, count, seed, scenario = sys.argv[1:5]
    asyncio.run(main(template, int(count), int(seed), scenario))
