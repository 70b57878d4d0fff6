"""The spread reading read by weight (interviewer/judge/spread.py; everyday8 wrote it,
everyday10 reads its shape by weight): an answer that states at least a quarter of the key
points carrying three quarters of the question's weight, and none of them wrong, has those
points' technical terms credited as far as it states each; a point under the bar is lent
nothing, and an answer that leaves a heavy point, or more than a quarter of the weight,
under it is read as before."""

import pytest

from interviewer.domain.question import KeyPoint
from interviewer.judge import spread
from interviewer.judge.matching import COVERED_AT, KeyPointMatch

# Weights 3, 3, 2, 1: the light point carries 1 of 9.
POINTS = [
    KeyPoint(id="a", text="The volume grows exponentially with dimension.", weight=3),
    KeyPoint(id="b", text="Distances to the nearest and farthest point become equal.", weight=3),
    KeyPoint(id="c", text="Remedies include feature selection and PCA.", weight=2),
    KeyPoint(id="d", text="A quick simulation checks the claim.", weight=1),
]
# Long enough for the points said in other words (spread.SPREAD_LENGTH).
LONG = 200


def matches(**coverage: float) -> list[KeyPointMatch]:
    return [KeyPointMatch(k, v, None) for k, v in coverage.items()]


def test_shipped_setting():
    # Chosen by cross-validation across question groups (tests/data/README.md, everyday10).
    assert spread.SPREAD_AT == 0.25 and spread.SPREAD_SHARE == 0.75


def test_a_light_point_left_under_the_bar_does_not_undo_the_rest():
    got = spread.lent(POINTS, matches(a=0.3, b=0.4, c=0.6, d=0.1), wrong=False, words=LONG)
    # Credited as far as each is stated against the covering bar, times SPREAD_LEND
    # (everyday11: 1.5), at most in full.
    lend = spread.SPREAD_LEND / COVERED_AT
    assert got == pytest.approx({"a": min(1.0, 0.3 * lend), "b": min(1.0, 0.4 * lend), "c": 1.0})
    assert "d" not in got


def test_a_heavy_point_left_under_the_bar_lends_nothing():
    # 3 of 9 under the bar: a vague answer or salad leaves that much untouched.
    assert spread.lent(POINTS, matches(a=0.1, b=0.4, c=0.6, d=0.4), wrong=False, words=LONG) == {}
    # ... and so does every point only brushed.
    assert spread.lent(POINTS, matches(a=0.2, b=0.2, c=0.2, d=0.2), wrong=False, words=LONG) == {}


def test_every_point_must_be_stated_with_the_old_share(monkeypatch):
    monkeypatch.setattr(spread, "SPREAD_SHARE", 1.0)
    assert spread.lent(POINTS, matches(a=0.3, b=0.4, c=0.6, d=0.1), wrong=False, words=LONG) == {}


def test_a_point_stated_wrong_or_the_terms_said_lend_nothing():
    stated = matches(a=0.3, b=0.4, c=0.6, d=0.1)
    assert spread.lent(POINTS, stated, wrong=True, words=LONG) == {}
    assert spread.lent(POINTS, stated, wrong=False, technical=0.9, words=LONG) == {}
    assert spread.lent(POINTS, stated, wrong=False, words=10) == {}


def test_off():
    with pytest.MonkeyPatch.context() as m:
        m.setattr(spread, "SPREAD_AT", 1.01)
        assert spread.lent(POINTS, matches(a=0.9, b=0.9, c=0.9, d=0.9), False, words=LONG) == {}
