"""The bias probes on the interview set (tests/data/interview_answers.jsonl, as
`interviewer calibrate FILE --probes --probe-sample 0` runs them): keyword salad, every
sentence negated and a retraction appended raise at most RAISED_SHARE of the answers they
rewrite and lower them on average; two key terms exchanged and padding still raise one and
five answers, each held there."""

import io
from pathlib import Path

import pytest

from interviewer.commands.calibrate import Requests, make_scorer, read_dataset, score_items
from interviewer.judge.offline import OfflineJudge
from interviewer.judge.probes import PROBES, ProbeInput, ProbeOutcome

SET = Path(__file__).parent / "data" / "interview_answers.jsonl"
# The probes the issue named; each rewrites every answer (swapped and negated: those graded
# at least half marks, probes.TURNED_FROM_GRADE).
NAMES = ("padded", "salad", "swapped", "negated", "retracted")


@pytest.fixture(scope="module")
def outcomes() -> dict[str, ProbeOutcome]:
    items, broken = read_dataset(SET, io.StringIO())
    assert broken == 0
    judge, build = OfflineJudge(), Requests()
    _, scored = score_items(items, judge, build)
    scorer = make_scorer(judge)
    out = {}
    for name in NAMES:
        rewrite, kind = PROBES[name]
        outcome = ProbeOutcome(name, kind)
        rewritten = []
        for i, item in enumerate(items):
            request = build(item)
            text = rewrite(
                ProbeInput(
                    answer=item.answer,
                    question=request.question,
                    key_texts=tuple(kp.text for kp in request.key_points),
                    index=i,
                    graded=item.score / item.max_score,
                )
            )
            if text is not None:
                rewritten.append((i, text))
        for (i, _), result in zip(
            rewritten, scorer([build(items[i], text) for i, text in rewritten]), strict=True
        ):
            after, before = result.fine_level(scored.rubrics[i]), scored.fine_level(i)
            assert after is not None and before is not None
            outcome.add(before, after)
        out[name] = outcome
    return out


@pytest.mark.parametrize("name", ("salad", "negated", "retracted"))
def test_a_probe_on_the_interview_set_passes(outcomes, name):
    outcome = outcomes[name]
    assert outcome.n > 0
    assert outcome.passed, outcome.as_dict()


def test_two_key_terms_exchanged_lower_the_interview_set_and_raise_one_answer_at_most(outcomes):
    # One of the 45 right answers still rises, by 0.0003 levels: dropout's excellent2 says
    # "when the model isn't overfitting" where its key point says "with little overfitting";
    # a term said under a denial earns no term credit, and "overfitting" exchanged with
    # "nets" lands in an affirmed place ("batch norm in conv overfitting"). Before the
    # probes turned only answers graded at least half marks, and the judge read the
    # denials and the second predicate below, 9 of 147 rose.
    outcome = outcomes["swapped"]
    assert outcome.raised <= 1 and outcome.mean_change < 0, outcome.as_dict()


def test_padding_lowers_the_interview_set_and_raises_five_answers_at_most(outcomes):
    # Five answers to the learning-rate question still rise when padded: the filler's "it
    # all depends on the circumstances at hand" names the word of its key point "the good
    # learning rate depends on batch size" (reading such a condition as saying nothing
    # lets the filler's "talk about at length" give UNT answers about lengths their word).
    outcome = outcomes["padded"]
    assert outcome.raised <= 5 and outcome.mean_change < 0, outcome.as_dict()
