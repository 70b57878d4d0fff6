"""Calibration metrics on hand-computed cases, and the `calibrate` command end to end."""

import json
import math

import pytest

from interviewer.cli import main
from interviewer.commands.calibrate import calibration_rubric, reference_key_points
from interviewer.domain.judging import CriterionScore, JudgeResult, ScoreStatus
from interviewer.judge.calibration import (
    agreement,
    leave_one_group_out,
    pearson,
    quadratic_weighted_kappa,
    ranks,
    rmse,
    spearman,
)


def test_pearson_on_exact_lines_and_constants():
    assert pearson([1, 2, 3], [2, 4, 6]) == pytest.approx(1.0)
    assert pearson([1, 2, 3], [3, 2, 1]) == pytest.approx(-1.0)
    assert pearson([1, 1, 1], [1, 2, 3]) == 0.0
    # x = [1, 2, 3, 4], y = [1, 3, 2, 4]: sxy = 4, sxx = syy = 5, r = 0.8
    assert pearson([1, 2, 3, 4], [1, 3, 2, 4]) == pytest.approx(0.8)


def test_spearman_uses_mean_ranks_for_ties():
    assert ranks([10, 20, 20, 30]) == [1.0, 2.5, 2.5, 4.0]
    assert spearman([1, 2, 3, 4], [1, 4, 9, 16]) == pytest.approx(1.0)


def test_quadratic_weighted_kappa_by_hand():
    assert quadratic_weighted_kappa([0, 1, 2], [0, 1, 2], 0, 2) == pytest.approx(1.0)
    # observed (0,0), (1,2), (2,2); numerator 1/4, chance 15/12 -> 1 - 0.25 / 1.25
    assert quadratic_weighted_kappa([0, 1, 2], [0, 2, 2], 0, 2) == pytest.approx(0.8)
    assert quadratic_weighted_kappa([0, 1], [0, 0], 0, 1) == pytest.approx(0.0)


def test_leave_one_group_out_predicts_without_the_group():
    xs = [1.0, 2.0, 1.0, 2.0]
    ys = [2.0, 4.0, 2.0, 4.0]
    predicted = leave_one_group_out(xs, ys, ["a", "a", "b", "b"])
    assert predicted == pytest.approx(ys)
    assert rmse(predicted, ys) == pytest.approx(0.0)
    # Group b alone shows a different line; a's line (y = 2x) predicts it.
    skewed = leave_one_group_out(xs, [2.0, 4.0, 3.0, 3.0], ["a", "a", "b", "b"])
    assert skewed[2:] == pytest.approx([2.0, 4.0])


def test_agreement_rounds_onto_the_human_scale():
    metrics = agreement([1, 2, 1, 2], [2, 4, 2, 4], ["a", "a", "b", "b"], 5.0, seconds=2.0)
    assert metrics.exact == 1.0 and metrics.within1 == 1.0
    assert metrics.qwk == pytest.approx(1.0)
    assert metrics.answers_per_second == pytest.approx(2.0)
    assert metrics.n == 4 and metrics.unscored == 0


def test_fine_level_adds_each_criterions_progress_by_weight():
    rubric = calibration_rubric()
    weights = {c.id: c.weight for c in rubric.criteria}
    total = sum(weights.values())
    first, last = rubric.criteria[0].id, rubric.criteria[-1].id

    def result(progress: dict[str, float], level: int = 2) -> JudgeResult:
        return JudgeResult(
            status=ScoreStatus.scored,
            criteria=[
                CriterionScore(criterion_id=c.id, level=level, progress=progress.get(c.id))
                for c in rubric.criteria
            ],
        )

    plain = result({})
    assert plain.fine_level(rubric) == plain.weighted_level(rubric) == 2.0
    halfway = result({first: 0.5, last: 0.25})
    expected = 2.0 + (0.5 * weights[first] + 0.25 * weights[last]) / total
    assert halfway.fine_level(rubric) == pytest.approx(expected)
    assert halfway.weighted_level(rubric) == 2.0
    # The top level has no next level to progress toward: the scale stays 1-4.
    assert result({first: 0.9}, level=4).fine_level(rubric) == 4.0
    assert JudgeResult.unscored("no reply").fine_level(rubric) is None


def test_reference_becomes_one_key_point_per_sentence():
    points = reference_key_points("Ordered by priority. A heap gives O(log n) inserts.")
    assert [p.text for p in points] == ["Ordered by priority.", "A heap gives O(log n) inserts."]
    assert reference_key_points("1")[0].text.startswith("1")


def write_dataset(path, broken: bool = True) -> None:
    rows = []
    for group, question, reference, answers in (
        (
            "g1",
            "What is a stack?",
            "A last-in first-out structure where push and pop work at the top.",
            [
                ("A stack is last-in first-out: push and pop both work at the top.", 5.0),
                ("A structure where you push and pop items.", 3.5),
                ("A list of things.", 1.0),
            ],
        ),
        (
            "g2",
            "What does a hash table give you?",
            "Average constant-time lookup by hashing keys into buckets.",
            [
                ("Constant time lookup on average, since keys are hashed into buckets.", 5.0),
                ("Fast lookup of keys.", 3.0),
                ("fine", 0.0),
            ],
        ),
    ):
        for i, (answer, score) in enumerate(answers):
            rows.append(
                json.dumps(
                    {
                        "id": f"{group}.{i}",
                        "group": group,
                        "question": question,
                        "reference": reference,
                        "answer": answer,
                        "score": score,
                        "max_score": 5.0,
                    }
                )
            )
    if broken:
        rows.insert(2, '{"id": "x", "group": "g1", "question": "q"}')
        rows.insert(4, "not json at all")
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")


def test_calibrate_reports_json_and_skips_broken_lines(tmp_path, capsys):
    dataset = tmp_path / "tiny.jsonl"
    write_dataset(dataset)
    assert main(["calibrate", str(dataset), "--json"]) == 0
    out, err = capsys.readouterr()
    report = json.loads(out)
    for key in ("pearson", "spearman", "rmse", "qwk", "exact", "within1"):
        assert key in report and math.isfinite(report[key])
    assert report["n"] == 6 and report["unscored"] == 0
    assert report["answers_per_second"] > 0
    assert report["method"] == "claims-v17"
    assert report["broken_lines"] == 2
    assert report["pearson"] > 0.8
    assert "tiny.jsonl:3: skipped" in err and "tiny.jsonl:5: skipped" in err
    assert "scoring [" not in err  # no progress bar when stderr is not a terminal


def test_calibrate_table_limit_and_probes(tmp_path, capsys):
    dataset = tmp_path / "tiny.jsonl"
    write_dataset(dataset, broken=False)
    assert main(["calibrate", str(dataset), "--limit", "4", "--probes"]) == 0
    out = capsys.readouterr().out
    assert "answers scored" in out and " 4\n" in out
    for probe in ("padded", "repeated", "instruction", "question", "fine", "gibberish"):
        assert probe in out
    assert "FAIL" not in out


def test_calibrate_probes_in_json(tmp_path, capsys):
    dataset = tmp_path / "tiny.jsonl"
    write_dataset(dataset, broken=False)
    assert main(["calibrate", str(dataset), "--json", "--probes"]) == 0
    probes = json.loads(capsys.readouterr().out)["probes"]
    assert probes["instruction"]["raised"] == 0
    assert probes["fine"]["at_floor"] == probes["fine"]["n"] > 0
    assert all(p["passed"] for p in probes.values())


def test_calibrate_missing_file(tmp_path, capsys):
    assert main(["calibrate", str(tmp_path / "nope.jsonl")]) == 2
    assert "no such file" in capsys.readouterr().err


def write_bank_dataset(path) -> None:
    rows = [
        {
            "id": "dropout.good",
            "group": "breadth.regularization.dropout_mechanics",
            "question_id": "breadth.regularization.dropout_mechanics",
            "kind": "excellent",
            "answer": (
                "During training each unit is zeroed with probability p on every forward pass, "
                "and the kept activations are divided by 1 - p; at inference dropout is turned "
                "off and the full network is used. It stops units co-adapting, like an "
                "ensemble of subnetworks that share weights."
            ),
            "score": 90.0,
            "max_score": 100.0,
        },
        {
            "id": "dropout.salad",
            "group": "breadth.regularization.dropout_mechanics",
            "question_id": "breadth.regularization.dropout_mechanics",
            "kind": "salad",
            "answer": "Dropout, probability p, thinned network, inverted dropout, ensemble, eval.",
            "score": 5.0,
            "max_score": 100.0,
        },
        {
            "id": "dropout.wrong",
            "group": "breadth.regularization.dropout_mechanics",
            "question_id": "breadth.regularization.dropout_mechanics",
            "kind": "wrong",
            "variant": "reversed",
            "answer": (
                "During inference each unit is zeroed with probability p on every forward "
                "pass, while during training dropout is turned off and the full network is used."
            ),
            "score": 5.0,
            "max_score": 100.0,
        },
    ]
    lines = [json.dumps(r) for r in rows]
    lines.append(json.dumps({**rows[0], "id": "x", "question_id": "no.such.question"}))
    lines.append(json.dumps({**rows[0], "id": "y", "question": "What?", "reference": "R."}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_calibrate_scores_bank_questions_with_their_own_key_points_and_rubric(tmp_path, capsys):
    dataset = tmp_path / "bank.jsonl"
    dump = tmp_path / "dump.jsonl"
    write_bank_dataset(dataset)
    assert main(["calibrate", str(dataset), "--json", "--dump", str(dump)]) == 0
    out, err = capsys.readouterr()
    report = json.loads(out)
    assert report["n"] == 3 and report["broken_lines"] == 2
    assert "no question 'no.such.question' in the bank" in err
    assert "exclusive" in err
    kinds = report["kinds"]
    assert set(kinds) == {"excellent", "salad", "wrong"}
    assert kinds["excellent"]["judge"] > kinds["wrong"]["judge"] + 20
    assert kinds["excellent"]["judge"] > kinds["salad"]["judge"] + 20
    rows = [json.loads(line) for line in dump.read_text().splitlines()]
    assert [r["id"] for r in rows] == ["dropout.good", "dropout.salad", "dropout.wrong"]
    for row in rows:
        assert set(row) >= {"id", "score", "judge_percent", "judge_fine_level", "status"}
        assert row["status"] == "scored"
        assert 0 <= row["judge_percent"] <= 100
        assert row["judge_fine_level"] == pytest.approx(1 + row["judge_percent"] / 100 * 3, 0.01)


def test_calibrate_prints_the_kinds_table(tmp_path, capsys):
    dataset = tmp_path / "bank.jsonl"
    write_bank_dataset(dataset)
    assert main(["calibrate", str(dataset)]) == 0
    out = capsys.readouterr().out
    assert "by kind of answer" in out and "excellent" in out and "Spearman rho" in out


def test_claim_probes_rewrite_answers_as_described():
    from interviewer.judge.probes import (
        both_ways,
        disowned,
        keyword_salad,
        negated,
        retracted,
        swapped,
        two_ways,
    )

    answer = "A stack is last-in first-out. Push adds to the top."
    assert keyword_salad(answer) == "stack, last, first, push, adds, top"
    assert negated(answer) == (
        "It is not true that a stack is last-in first-out. It is not true that push adds to "
        "the top."
    )
    assert retracted(answer, 0).startswith(answer) and "wrong" in retracted(answer, 0)
    assert retracted(answer, 1) != retracted(answer, 0)
    assert swapped("Push adds to the top, pop removes from the top.", ["push and pop"]) == (
        "Pop adds to the top, push removes from the top."
    )
    assert swapped("Nothing relevant here.", ["push and pop"]) is None
    assert disowned(answer, 0) == (
        "Some people say that a stack is last-in first-out, but that is a myth. Some people "
        "say that push adds to the top, but that is a myth."
    )
    assert disowned(answer, 1) != disowned(answer, 0)
    assert both_ways(answer, 1).startswith("a stack is last-in first-out, or maybe not")
    assert two_ways(answer) == (
        "A stack is last-in first-out. Or maybe not. Push adds to the top. Or maybe not."
    )
    assert two_ways("Too high a rate diverges.") == (
        "Too high a rate diverges. Or maybe too low a rate diverges."
    )


def test_calibrate_runs_the_claim_probes(tmp_path, capsys):
    dataset = tmp_path / "tiny.jsonl"
    write_dataset(dataset, broken=False)
    assert main(["calibrate", str(dataset), "--json", "--probes"]) == 0
    probes = json.loads(capsys.readouterr().out)["probes"]
    claim_probes = ("salad", "swapped", "negated", "retracted", "disowned", "both_ways", "two_ways")
    for name in (*claim_probes, "lowercase"):
        assert name in probes
        assert {"mean_change", "raised", "lowered", "n"} <= set(probes[name])
    assert probes["retracted"]["raised"] == 0 and probes["retracted"]["mean_change"] < 0
    assert probes["negated"]["mean_change"] < 0
    assert probes["disowned"]["raised"] == 0 and probes["disowned"]["mean_change"] < 0
    assert probes["both_ways"]["raised"] == 0 and probes["both_ways"]["mean_change"] < 0
    assert probes["two_ways"]["mean_change"] <= 0


def test_probes_that_turn_claims_round_skip_answers_graded_wrong():
    # Negated, disowned or with two key terms exchanged, a wrong answer is no wrong answer
    # ("It is not true that bagging reduces bias"): those probes rewrite only answers graded
    # at least TURNED_FROM_GRADE of the top mark, when the grade is known.
    from interviewer.judge.probes import PROBES, TURNED_FROM_GRADE, ProbeInput

    def probe(graded: float | None) -> ProbeInput:
        return ProbeInput(
            answer="Bagging reduces variance, while boosting reduces bias.",
            question="Bagging or boosting?",
            key_texts=("Bagging reduces variance and boosting reduces bias.",),
            index=0,
            graded=graded,
        )

    for name in ("negated", "disowned", "swapped"):
        rewrite = PROBES[name][0]
        assert rewrite(probe(TURNED_FROM_GRADE - 0.1)) is None, name
        assert rewrite(probe(TURNED_FROM_GRADE)) is not None, name
        assert rewrite(probe(None)) is not None, name
    # Probes that turn nothing round, or say both sides, rewrite every answer.
    for name in ("salad", "retracted", "padded", "both_ways", "two_ways"):
        assert PROBES[name][0](probe(0.0)) is not None, name
