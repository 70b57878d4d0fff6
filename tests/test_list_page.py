"""`interviewer list` shows the newest 50 sessions (--limit N, --all), and a page reads and
checks only its own rows: its cost does not grow with the history."""

import json
import os
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from interviewer.cli import main
from interviewer.store import index as index_module
from interviewer.store.transcripts import TranscriptStore
from tests.test_index import scored_session

SESSIONS = 53


@pytest.fixture(scope="module")
def template() -> dict:
    return json.loads(scored_session("template").model_dump_json())


def write_session(root: Path, template: dict, n: int, sid: str | None = None) -> str:
    """A copy of the template with its own id, n hours after the first one."""
    data = json.loads(json.dumps(template))
    start = datetime.fromisoformat(data["created_at"])
    when = (start + timedelta(hours=n)).isoformat()
    data["id"] = sid or f"20260101-p{n:03d}"
    data["created_at"] = data["updated_at"] = when
    root.mkdir(parents=True, exist_ok=True)
    (root / f"{data['id']}.json").write_text(json.dumps(data))
    return data["id"]


@pytest.fixture
def folder(tmp_path, template, monkeypatch) -> Path:
    root = tmp_path / "t"
    for n in range(SESSIONS):
        write_session(root, template, n)
    monkeypatch.setenv("INTERVIEWER_TRANSCRIPTS_DIR", str(root))
    return root


def listed(capsys, *args: str) -> tuple[list[str], str]:
    assert main(["list", "--json", *args]) == 0
    out, err = capsys.readouterr()
    return [row["id"] for row in json.loads(out)["sessions"]], err


def newest_ids(count: int, first: int = SESSIONS - 1) -> list[str]:
    return [f"20260101-p{n:03d}" for n in range(first, first - count, -1)]


def test_the_default_page_is_the_newest_50_and_says_what_it_left_out(folder, capsys):
    ids, err = listed(capsys)
    assert ids == newest_ids(50)
    assert err.strip() == "… 3 older sessions not shown: `interviewer list --all` (or --limit N)"
    assert main(["list"]) == 0  # the table too
    out, err = capsys.readouterr()
    assert len(out.splitlines()) == 50 and "3 older sessions not shown" in err


def test_limit_and_all(folder, capsys):
    ids, err = listed(capsys, "--limit", "5")
    assert ids == newest_ids(5) and "48 older sessions not shown" in err
    ids, err = listed(capsys, "--all")
    assert ids == newest_ids(SESSIONS) and err == ""
    ids, err = listed(capsys, "--limit", "1000")
    assert ids == newest_ids(SESSIONS) and err == ""
    ids, err = listed(capsys, "--limit", "52")
    assert err.strip().startswith("… 1 older session not shown")


@pytest.mark.parametrize("bad", ["0", "-3", "many"])
def test_a_limit_that_is_not_a_positive_number_is_refused(folder, capsys, bad):
    with pytest.raises(SystemExit) as exited:
        main(["list", "--limit", bad])
    assert exited.value.code == 2 and "--limit" in capsys.readouterr().err


def test_a_changed_transcript_among_the_shown_rows_is_read_again(folder, capsys):
    listed(capsys)  # builds the index
    changed = scored_session("20260101-p050", level=1)  # was level 3
    changed.created_at = changed.updated_at = datetime.fromisoformat(
        json.loads((folder / "20260101-p050.json").read_text())["created_at"]
    )
    (folder / "20260101-p050.json").write_text(changed.model_dump_json())
    os.utime(folder / "20260101-p050.json", ns=(7, 7))  # figures unlike the index's
    assert main(["list", "--json", "--limit", "5"]) == 0
    rows = {r["id"]: r for r in json.loads(capsys.readouterr().out)["sessions"]}
    assert rows["20260101-p050"]["overall"] == pytest.approx(0)
    assert rows["20260101-p051"]["overall"] == pytest.approx(66.7)


def test_a_new_transcript_appears_and_a_removed_one_disappears(folder, template, capsys):
    listed(capsys)
    newest = write_session(folder, template, 500, sid="20260301-new")
    (folder / "20260101-p052.json").unlink()
    ids, err = listed(capsys, "--limit", "3")
    assert ids == [newest, "20260101-p051", "20260101-p050"]
    assert "50 older sessions not shown" in err
    # A removed row from the middle of the page: the page fills from older ones.
    (folder / "20260101-p050.json").unlink()
    ids, _ = listed(capsys, "--limit", "3")
    assert ids == [newest, "20260101-p051", "20260101-p049"]


def test_rows_not_shown_are_neither_stated_nor_read(folder, capsys, monkeypatch):
    listed(capsys)  # builds the index
    # The oldest session changes on disk: only a listing that shows it may notice.
    old = folder / "20260101-p000.json"
    data = json.loads(old.read_text())
    data["backend"] = "changed"
    old.write_text(json.dumps(data))
    os.utime(old, ns=(9, 9))

    read: list[str] = []
    real_load = TranscriptStore.load

    def counting_load(self, path):
        read.append(path.name)
        return real_load(self, path)

    stated: list[str] = []
    real_stat = os.stat

    def counting_stat(path, *args, **kwargs):
        if str(path).endswith(".json"):
            stated.append(Path(path).name)
        return real_stat(path, *args, **kwargs)

    def no_scan(root):
        raise AssertionError("a page must not stat the whole folder")

    monkeypatch.setattr(TranscriptStore, "load", counting_load)
    monkeypatch.setattr(os, "stat", counting_stat)
    with monkeypatch.context() as m:
        m.setattr(index_module, "scan", no_scan)
        ids, _ = listed(capsys, "--limit", "10")
    assert read == []
    assert set(stated) <= {f"{sid}.json" for sid in ids} and stated  # the page's rows only
    # --all shows it, so it is checked and read again: the counters can see it.
    rows = json.loads(main(["list", "--json", "--all"]) == 0 and capsys.readouterr().out)
    assert read == ["20260101-p000.json"] and "20260101-p000.json" in stated
    [oldest] = [r for r in rows["sessions"] if r["id"] == "20260101-p000"]
    assert oldest["backend"] == "changed"


def test_a_page_agrees_with_the_whole_listing_on_copies_and_broken_files(folder):
    root = folder
    # A copy of a shown session under another name, and a transcript cut short.
    (root / "copy-of-p051.json").write_text((root / "20260101-p051.json").read_text())
    good = (root / "20260101-p049.json").read_text()
    (root / "20260101-p049.json").write_text("{")
    whole = TranscriptStore(root).summaries()
    assert any("copy-of-p051" in str(e.path) for e in whole.broken)
    for limit in (1, 3, 50, 100):
        page = TranscriptStore(root).newest(limit)
        assert [s.id for s in page.sessions] == [s.id for s in whole.sessions[:limit]]
        assert page.total == whole.total == SESSIONS - 1
        assert [(e.path, e.reason) for e in page.broken] == [
            (e.path, e.reason) for e in whole.broken
        ]
    # Broken files are shown on every page, so they are checked on every page: repaired,
    # it is a session again.
    (root / "20260101-p049.json").write_text(good)
    os.utime(root / "20260101-p049.json", ns=(3, 3))
    page = TranscriptStore(root).newest(5)
    assert "20260101-p049" in [s.id for s in page.sessions]
    assert [e.path.name for e in page.broken] == ["copy-of-p051.json"]
