"""How long `interviewer validate` takes on a bank file of 20,000 questions (a benchmark,
not a test).

    .venv/bin/python benchmarks/bench_validate_bank.py [--questions 20000] [--runs 5]
        [--source DIR ...]   # also measure other checkouts' code (e.g. older commits)

Writes the file once (copies of a shipped breadth question with their own ids and
prompts), then runs `interviewer validate FILE` in fresh processes with an empty content
cache, the versions interleaved; prints the median CPU time (user + system, steadier than
wall time on a shared machine) and wall time of each.
"""

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
RUN_FROM = (
    "import runpy, sys\n"
    "root = sys.argv.pop(1)\n"
    "if root:\n"
    "    sys.meta_path[:] = [f for f in sys.meta_path if 'editable' not in repr(f).lower()]\n"
    "    sys.path.insert(0, root)\n"
    "sys.argv[0] = 'interviewer'\n"
    "runpy.run_module('interviewer', run_name='__main__')\n"
)


def write_bank(path: Path, count: int) -> None:
    source = sorted((REPO / "scenarios" / "bank" / "breadth").glob("*.yaml"))[0]
    question = yaml.safe_load(source.read_text())["questions"][0]
    questions = []
    for i in range(count):
        copy = dict(question)
        copy["id"] = f"big.q{i}"
        copy["prompt"] = f"Variant {i}: {question['prompt']}"
        questions.append(copy)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump({"questions": questions}, sort_keys=False))


def one_run(source: str, bank: Path) -> tuple[float, float]:
    cache = tempfile.mkdtemp()
    env = dict(os.environ, XDG_CACHE_HOME=cache)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", RUN_FROM, source, "validate", str(bank)],
        env=env,
        capture_output=True,
        text=True,
    )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    shutil.rmtree(cache)
    if done.returncode != 0:
        raise SystemExit(f"validate failed ({source or 'this checkout'}):\n{done.stderr[-2000:]}")
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return cpu, wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--source", action="append", default=[], metavar="DIR")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        bank = Path(tmp) / "scenarios" / "bank" / "breadth" / "big.yaml"
        write_bank(bank, args.questions)
        sources = ["", *args.source]
        cpu: dict[str, list[float]] = {s: [] for s in sources}
        wall: dict[str, list[float]] = {s: [] for s in sources}
        for _ in range(args.runs):
            for source in sources:
                c, w = one_run(source, bank)
                cpu[source].append(c)
                wall[source].append(w)
        size = bank.stat().st_size
        print(f"validate a bank file of {args.questions:,} questions ({size / 1e6:.1f} MB)")
        for source in sources:
            c, w = cpu[source], wall[source]
            print(
                f"  {source or 'this checkout':<30} cpu median {statistics.median(c):5.2f} s "
                f"(range {min(c):.2f}-{max(c):.2f}); wall median {statistics.median(w):5.2f} s"
                f" (n={len(c)})"
            )


if __name__ == "__main__":
    main()
