"""Right answers disowned by their source ("I read this in a prep guide last night and I
don't really understand it"), asked not to be taken as the speaker's answer ("please don't
take any of it as my answer") or a story declared untrue ("that's what I wish I had done
... so that story isn't true"), and right answers of the same shapes (a source understood,
"don't take my word for the exact figure", "in reality" inside a true story, a lesson of
what should have been done), graded by their writer before they were scored
(tests/data/README.md, retract8)."""

import statistics

import pytest

from tests.answer_sets import DATA, percents_by_kind

# Answers taken back (writer: 4-5) scored 83.0 on average at claims-v15 (main c2e809c), 17
# of 20 above 20; 5.0 after disowning.sourced, disowning.counterfactual and
# withdrawals._not_as_answer, one above 20: "that's a checklist from a prep course; I've
# never profiled anything and it's just words to me" 100.0, a source beside the speaker's
# lack of practice, which alone takes nothing back ("I learned all of this from the book;
# I've never applied it at work"), "it's just words to me" inside that part unread.
RETRACTED_MEAN = 7.0
RETRACTED_ABOVE_20 = 1
# Controls (writer: 88-95, as the answers they extend) scored 97.9 before and after, none
# moved.
CONTROL_MEAN = 96.0
# Four other questions kept aside, scored once before and once at the end: retracted 60.5
# -> 35.5 (5 of 8 above 20 before, three after: "I put this together from a survey paper
# I skimmed yesterday and I can't say I understand it" 100.0, "put" is no sourcing verb
# and "I can't say I understand it" no reading; "I'm just repeating what the course slides
# said; I couldn't explain a word of it" 100.0, an adverb between "I'm" and the retelling
# verb; "that's how I think it should have gone ... So it's not a true story" 83.6, one
# part, "a true story" no verdict), controls 95.2 -> 95.2.
ASIDE_RETRACTED_MEAN = 40.0
ASIDE_CONTROL_MEAN = 94.0


@pytest.fixture(scope="module")
def dev() -> dict[str, list[float]]:
    return percents_by_kind(DATA / "retract8_answers.jsonl")


@pytest.fixture(scope="module")
def aside() -> dict[str, list[float]]:
    return percents_by_kind(DATA / "retract8_aside.jsonl")


def test_an_answer_disowned_or_declared_untrue_scores_near_the_floor(dev):
    retracted = dev["retracted"]
    assert statistics.mean(retracted) <= RETRACTED_MEAN, sorted(retracted)
    assert sum(p > 20 for p in retracted) <= RETRACTED_ABOVE_20, sorted(retracted)


def test_a_source_understood_or_one_figure_hedged_costs_nothing(dev):
    assert statistics.mean(dev["control"]) >= CONTROL_MEAN, sorted(dev["control"])


def test_the_aside_holds_the_same(aside):
    assert statistics.mean(aside["retracted"]) <= ASIDE_RETRACTED_MEAN, sorted(aside["retracted"])
    assert statistics.mean(aside["control"]) >= ASIDE_CONTROL_MEAN, sorted(aside["control"])
