"""Home (issue 13 item 11, and the level and track pickers): the loop as it will be sat,
checkboxes told apart without colour, descriptions cut with an ellipsis."""

from pathlib import Path

import pytest
from textual.geometry import Region
from textual.widgets import OptionList, Select, SelectionList

from interviewer.content.loader import load_content
from interviewer.report import session_facts
from interviewer.settings import Settings
from interviewer.store.transcripts import TranscriptStore
from interviewer.tui.app import build_app
from interviewer.tui.home import HomeScreen, MarkedRadio, clip_lines
from interviewer.tui.interview import InterviewScreen
from tests.test_tui_support import SIZE, Rig, fixed_clock, offline_backend

SHIPPED = load_content()


def shipped_app(tmp_path: Path):
    store = TranscriptStore(tmp_path / "transcripts")
    return build_app(
        Settings(transcripts_dir=store.root, backend="offline"),
        content=SHIPPED,
        store=store,
        backend=offline_backend(),
        clock=fixed_clock,
        cursor_blink=False,
    )


async def settle(pilot, app) -> None:
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


def round_labels(screen: HomeScreen) -> list[str]:
    rounds = screen.query_one("#rounds", SelectionList)
    return [str(rounds.get_option_at_index(i).prompt) for i in range(rounds.option_count)]


async def test_the_level_picker_shows_the_loop_at_that_level_and_starts_it(tmp_path: Path):
    app = shipped_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        screen = app.screen
        assert isinstance(screen, HomeScreen)
        assert screen.query_one("#level", Select).value == "mid"
        assert not any(label.startswith("Leadership") for label in round_labels(screen))
        screen.query_one("#level", Select).value = "senior"
        await settle(pilot, app)
        assert any(label.startswith("Leadership") for label in round_labels(screen))
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        assert isinstance(app.screen, InterviewScreen)
        assert app.screen.session.scenario.level.value == "senior"


async def test_the_track_picker_appears_with_a_domain_round(tmp_path: Path):
    app = shipped_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        screen = app.screen
        track = screen.query_one("#track", Select)
        assert not track.display  # ml_engineer has no domain round
        screen.query_one("#scenario", Select).value = "ml_engineer_domain"
        await settle(pilot, app)
        assert track.display and track.value == "nlp"
        track.value = "cv"
        await settle(pilot, app)
        assert any("CV" in label for label in round_labels(screen))
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        assert isinstance(app.screen, InterviewScreen)
        session = app.screen.session
        assert session.scenario.tracks == ["cv"]
        assert "track CV" in session_facts(session)


async def test_checked_and_unchecked_boxes_differ_by_more_than_colour(tmp_path: Path):
    app = shipped_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        rounds = app.screen.query_one("#rounds", SelectionList)
        rounds.deselect(1)
        await pilot.pause()
        first, second = (rounds.render_line(y).text for y in (0, 1))
        assert first.startswith("▐X▌") and second.startswith("▐ ▌")
        mock, practice = app.screen.query(MarkedRadio)
        assert "●" in mock.render().plain and "●" not in practice.render().plain


def test_a_long_description_ends_in_an_ellipsis():
    text = "word " * 60
    clipped = clip_lines(text, 30, 3)
    assert len(clipped.splitlines()) == 3 and clipped.endswith("…")
    assert clip_lines("short enough", 30, 3) == "short enough"


async def test_a_long_title_in_recent_stays_on_one_line_with_an_ellipsis(tmp_path: Path) -> None:
    # Seen in tmux at 80x24: "Practice: Python and libraries" wrapped under the score.
    rig = Rig(tmp_path)
    session_id = await rig.finished_session("tiny_single")
    session = rig.store.open(session_id)
    session.scenario.title = "Practice: Python and libraries for data work"
    rig.store.compact(session)
    app = rig.app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        recent = app.screen.query_one("#recent", OptionList)
        width = recent.scrollable_content_region.width
        lines = [s.text.rstrip() for s in recent.render_lines(Region(0, 0, width, 3))]
        assert lines[0].startswith(" 67/100 03-14 09:30 Practice: Python") and lines[0].endswith(
            "…"
        ), lines
        assert not lines[1].strip(), lines  # no second line for the same session


@pytest.mark.parametrize("scenario", ["ml_engineer", "research_scientist", "ml_engineer_domain"])
async def test_every_round_and_mode_label_is_whole_at_80x24(tmp_path: Path, scenario) -> None:
    # Issue 13 item 11: Home cut its labels at 80x24 ("Project deep dive (with the math…":
    # a long title is cut, the questions and minutes after it are kept).
    app = shipped_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        app.screen.query_one("#scenario", Select).value = scenario
        await settle(pilot, app)
        rounds = app.screen.query_one("#rounds", SelectionList)
        shown = [rounds.render_line(y).text.rstrip() for y in range(rounds.option_count)]
        for line, label in zip(shown, round_labels(app.screen), strict=True):
            assert line.endswith(label) and label.endswith(" min)"), (line, label)
        for radio in app.screen.query(MarkedRadio):
            assert radio.size.width >= len(radio.render().plain.rstrip()), radio.label
