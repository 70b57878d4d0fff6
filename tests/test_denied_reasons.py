"""Denials the judge must carry to what they deny: a reason denied by the clause before it
("it is not because X"), and a verb that denies its object ("by preventing X")."""

from tests.answer_sets import judged_on

DROPOUT = "breadth.regularization.dropout_mechanics"
RIGHT = (
    "During training dropout zeroes each unit at random with probability p on every forward "
    "pass, and the kept activations are divided by 1 - p so the expected value matches "
    "inference, where dropout is off and the full network is used. It works by preventing "
    "co-adaptation, like averaging an ensemble of subnetworks that share weights."
)


def wrong_claims(answer: str) -> list[tuple[str, str]]:
    result, _ = judged_on(DROPOUT, answer)
    return [(m.key_point_id, m.misconception_id) for m in result.misconceptions]


def test_preventing_co_adaptation_states_the_point_right():
    assert wrong_claims(RIGHT) == []
    # Its opposite is still the point the wrong way round.
    encourages = RIGHT.replace("preventing co-adaptation", "encouraging units to co-adapt")
    assert wrong_claims(encourages) == [("why_it_works", "")]
    _, right = judged_on(DROPOUT, RIGHT)
    _, wrong = judged_on(DROPOUT, encourages)
    assert right is not None and wrong is not None and right > wrong + 20


def test_a_misconception_denied_as_the_reason_is_not_stated():
    denied = RIGHT + " It is not because it makes the network smaller."
    assert wrong_claims(denied) == []
    claimed = RIGHT + " It works because it makes the network smaller."
    assert ("why_it_works", "dropout_smaller_faster") in wrong_claims(claimed)
