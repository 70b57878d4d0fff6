"""Irregular plurals read as their word (lexicon `word_forms`, text.stem): "children" is
"child", "indices" is "index" (not "indicate")."""

import pytest

from interviewer.commands.calibrate import CalibrationItem, Requests
from interviewer.judge.lexicon import Lexicon
from interviewer.judge.offline import OfflineJudge
from interviewer.judge.text import term, term_similarity


@pytest.mark.parametrize(
    ("form", "word"),
    [("children", "child"), ("indices", "index"), ("vertices", "vertex"), ("matrices", "matrix")],
)
def test_an_irregular_plural_is_its_word(form: str, word: str) -> None:
    assert term(form) == term(word)


def test_indices_no_longer_stem_as_indicate() -> None:
    # The stemmer made "indices" and "indicate" one stem, and "index" another.
    assert term("indices") != term("indicate")


def test_leaves_stays_the_verb() -> None:
    # "leaves the prior out" keeps matching "leave"; "leaf" is not read into it, nor "half"
    # into "halving" ("keeps half of the configurations" is no successive halving).
    assert term("leaves") == term("leave")
    assert term_similarity(term("leaves"), term("leaf")) == 0.0
    assert term_similarity(term("halving"), term("half")) == 0.0
    assert term("halves") == term("half")


def test_a_form_needs_its_word() -> None:
    Lexicon.model_validate(_lexicon([["child", "children"]]))
    with pytest.raises(ValueError, match="word_forms"):
        Lexicon.model_validate(_lexicon([["children"]]))


def _lexicon(word_forms: list[list[str]]) -> dict[str, object]:
    return {
        "synonyms": [["big", "large"]],
        "word_forms": word_forms,
        "contrasts": [[["a"], ["b"]]],
        "negators": ["not"],
        "auxiliaries": ["is"],
        "verbs": ["run"],
        "past_auxiliaries": ["was"],
        "participles": ["run"],
        "have_forms": ["has"],
        "present_be": ["is"],
        "inflections": ["s"],
    }


def _level(question: str, reference: str, answer: str) -> float:
    item = CalibrationItem(
        id="x",
        group="g",
        question=question,
        reference=reference,
        answer=answer,
        score=5,
        max_score=5,
    )
    request = Requests()(item)
    level = OfflineJudge().score_now(request).fine_level(request.rubric)
    assert level is not None
    return level


def test_the_singular_states_what_the_plural_does() -> None:
    # At fa1b753 "one without a child" scored 1.78 and "one without children" 2.56.
    leaf = ("What is a leaf?", "A node that has no children.")
    assert _level(*leaf, "one without a child") == pytest.approx(
        _level(*leaf, "one without children"), abs=0.05
    )
    merge = (
        "How does merge sort work?",
        "It halves the array, sorts each half and merges the halves.",
    )
    assert _level(*merge, "split in half, sort each half, then merge") == pytest.approx(
        _level(*merge, "split into halves, sort the halves, then merge"), abs=0.05
    )


def test_a_wrong_word_still_states_nothing() -> None:
    # The control: a word that is neither form stays at the floor.
    assert _level("What is a leaf?", "A node that has no children.", "one that has no kids") < 1.2
