"""The compiled content cache: served when nothing changed, rebuilt when anything did."""

import os
from pathlib import Path

import pytest

from interviewer.content import cache, loader
from interviewer.content.loader import content_roots, load_content

QUESTION = """\
questions:
  - id: mine.caching.why
    round: breadth
    prompt: Why would you cache a compiled artefact instead of rebuilding it each time?
    topics: [caching_basics]
    difficulty: easy
    key_points:
      - id: cost
        text: Rebuilding costs time on every start while the inputs rarely change.
        weight: 2
      - id: key
        text: The cache key must cover every input so a change is never missed.
      - id: invalidation
        text: A stale entry is worse than none, so anything unreadable is rebuilt.
"""


@pytest.fixture
def user_root(tmp_path):
    root = tmp_path / "mine"
    (root / "scenarios" / "bank" / "breadth").mkdir(parents=True)
    (root / "scenarios" / "bank" / "breadth" / "mine.yaml").write_text(QUESTION)
    return root


@pytest.fixture
def parses(monkeypatch):
    """Each load that actually read the YAML files."""
    calls = []
    real = loader._load

    def counting(roots):
        calls.append(list(roots))
        return real(roots)

    monkeypatch.setattr(loader, "_load", counting)
    return calls


def test_the_second_load_is_served_from_the_cache(user_root, parses):
    roots = content_roots([user_root])
    first = load_content(roots)
    second = load_content(roots)
    assert len(parses) == 1
    assert second.questions == first.questions and second.scenarios == first.scenarios
    assert second.rubrics == first.rubrics and second.notices == first.notices
    assert "mine.caching.why" in second.questions
    [cached] = cache.cache_dir().glob("content-*.pickle")
    assert cached.stat().st_mode & 0o777 == 0o600


def test_a_changed_file_is_read_again(user_root, parses):
    roots = content_roots([user_root])
    load_content(roots)
    path = user_root / "scenarios" / "bank" / "breadth" / "mine.yaml"
    path.write_text(QUESTION.replace("each time", "on every start"))
    content = load_content(roots)
    assert len(parses) == 2
    assert content.questions["mine.caching.why"].prompt.endswith("on every start?")


def test_a_new_file_a_new_layer_or_a_broken_file_changes_the_key(user_root, parses):
    load_content(content_roots([]))
    load_content(content_roots([user_root]))  # another layer
    assert len(parses) == 2
    broken = user_root / "scenarios" / "bank" / "breadth" / "broken.yaml"
    broken.write_text("questions: [\n")
    content = load_content(content_roots([user_root]))
    assert len(parses) == 3
    assert any(e.path.name == "broken.yaml" for e in content.errors)
    again = load_content(content_roots([user_root]))  # errors are served from the cache too
    assert len(parses) == 3 and [str(e) for e in again.errors] == [str(e) for e in content.errors]


@pytest.mark.parametrize("damage", [b"", b"not a pickle at all", b"\x80\x05garbage"])
def test_a_damaged_cache_is_ignored_and_replaced(user_root, parses, damage):
    roots = content_roots([user_root])
    expected = load_content(roots)
    [cached] = cache.cache_dir().glob("content-*.pickle")
    cached.write_bytes(damage)
    assert load_content(roots).questions == expected.questions
    assert len(parses) == 2
    load_content(roots)
    assert len(parses) == 2  # replaced by a good one


def test_a_cache_file_others_could_have_written_is_not_loaded(user_root, parses):
    roots = content_roots([user_root])
    load_content(roots)
    [cached] = cache.cache_dir().glob("content-*.pickle")
    os.chmod(cached, 0o666)
    load_content(roots)
    assert len(parses) == 2


def test_an_unwritable_cache_folder_costs_time_not_content(user_root, parses, monkeypatch):
    blocker = Path(os.environ["HOME"]) / "not-a-folder"
    blocker.write_text("a file where the cache folder would go")
    monkeypatch.setenv("INTERVIEWER_CACHE_DIR", str(blocker / "cache"))
    roots = content_roots([user_root])
    assert "mine.caching.why" in load_content(roots).questions
    assert "mine.caching.why" in load_content(roots).questions
    assert len(parses) == 2


def test_a_change_in_the_code_that_reads_content_rebuilds(user_root, parses, monkeypatch):
    roots = content_roots([user_root])
    load_content(roots)
    real = cache._code_fingerprint
    monkeypatch.setattr(cache, "_code_fingerprint", lambda: real() + b"edited")
    load_content(roots)
    assert len(parses) == 2
