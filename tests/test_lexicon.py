"""The judge's word lists are data: validated strictly, read once, cached like content."""

import subprocess
import sys

import pytest

from interviewer.judge.lexicon import LEXICON_PATH, LexiconError, lexicon, read_lexicon


def test_the_shipped_lexicon_is_valid_and_covers_what_the_reader_needs():
    lex = read_lexicon(LEXICON_PATH)
    assert {"not", "no", "never"} <= set(lex.negators)
    assert "it is not true that" in lex.denial_frames
    assert any("wrong about all of" in r for r in lex.retract_all)
    assert any("heard of" in h for h in lex.hedges)
    assert all(len(group) >= 2 for group in lex.synonyms)
    assert all(len(group) >= 2 for group in lex.contrasts)
    # YAML 1.1 would read "no" as false; the lexicon is read as text.
    assert "no" in lex.negators


def test_a_broken_lexicon_names_the_file_and_the_field(tmp_path):
    path = tmp_path / "lexicon.yaml"
    text = LEXICON_PATH.read_text(encoding="utf-8")
    path.write_text(text.replace("negators: [not,", "negators: [not really,", 1), encoding="utf-8")
    with pytest.raises(LexiconError) as caught:
        read_lexicon(path)
    assert str(path) in str(caught.value) and "negators" in str(caught.value)
    path.write_text(text + "\nsurprise: [x]\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="surprise"):
        read_lexicon(path)
    path.write_text("synonyms: [[lonely]]\n", encoding="utf-8")
    with pytest.raises(LexiconError):
        read_lexicon(path)


def test_the_lexicon_is_cached_and_a_damaged_cache_is_ignored(tmp_path, monkeypatch):
    monkeypatch.setenv("INTERVIEWER_CACHE_DIR", str(tmp_path))
    lexicon.cache_clear()
    try:
        first = lexicon()
        cached = list(tmp_path.glob("lexicon-*.pickle"))
        assert len(cached) == 1
        lexicon.cache_clear()
        assert lexicon() == first
        cached[0].write_bytes(b"not a pickle")
        lexicon.cache_clear()
        assert lexicon() == first  # read from the YAML again
    finally:
        lexicon.cache_clear()


def test_importing_the_judge_reads_no_word_lists():
    # A fresh interpreter: importing the judge must not read the lists (or load YAML).
    code = (
        "import sys, interviewer.judge.offline as o, interviewer.judge.lexicon as x;"
        "print(x.lexicon.cache_info().currsize, 'yaml' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["0", "False"]


def test_a_word_listed_twice_names_the_field_and_the_word(tmp_path):
    path = tmp_path / "lexicon.yaml"
    text = LEXICON_PATH.read_text(encoding="utf-8")
    path.write_text(text.replace("retract_voids: [unanswered,", "retract_voids: [blank,"))
    with pytest.raises(LexiconError) as caught:
        read_lexicon(path)
    assert "retract_voids" in str(caught.value)
    assert "'blank' is listed twice" in str(caught.value)
