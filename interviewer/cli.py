"""The command line. Each subcommand's handler lives in interviewer/commands/ and is
imported only when that subcommand runs, so `interviewer list` never pays for Textual."""

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from interviewer import __version__
from interviewer.startup import hold_gc, release_gc

ROUND_KINDS = "breadth,system_design,deep_dive,behavioral,python,coding,ml_coding,domain"


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def _backend_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--backend",
        choices=["offline", "openai"],
        help="default: openai when OPENAI_API_KEY or OPENAI_BASE_URL is set, else offline",
    )
    p.add_argument("--model", help="the interviewer's model (openai backend)")
    p.add_argument("--judge-model", help="the judge's model (openai backend)")
    p.add_argument(
        "--base-url", help="an OpenAI-compatible endpoint, e.g. http://127.0.0.1:11434/v1"
    )
    p.add_argument(
        "--judge-samples",
        type=int,
        default=1,
        metavar="N",
        help="LLM judge: score N times, keep the median and report the spread (default 1)",
    )
    p.add_argument(
        "--context-tokens",
        type=int,
        metavar="N",
        help=(
            "the server's context window in tokens (default: asked of the server, else "
            "4096 for servers other than OpenAI); also $INTERVIEWER_CONTEXT_TOKENS"
        ),
    )


def _fallback_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--fallback",
        choices=["offline"],
        help=(
            "when the model fails its check before the first question, go on with the "
            "offline engine instead of stopping (exit 2)"
        ),
    )


def _transcripts_option(p: argparse.ArgumentParser, *, top: bool = False) -> None:
    p.add_argument(
        "--transcripts-dir",
        metavar="DIR",
        # A subcommand's own default would overwrite the value given before the subcommand.
        default=None if top else argparse.SUPPRESS,
        help="where transcripts live (default: $INTERVIEWER_TRANSCRIPTS_DIR or ./transcripts)",
    )


def _content_option(p: argparse.ArgumentParser, *, top: bool = False) -> None:
    # Given before and after the subcommand, the folders go to two lists (argparse would
    # let the subcommand's list replace the other); settings_from_args joins them.
    p.add_argument(
        "--content-dir",
        action="append",
        dest="content_dirs" if top else "content_dirs_after",
        default=[] if top else argparse.SUPPRESS,
        metavar="DIR",
        help=(
            "your own rubrics/, scenarios/ and scenarios/bank/, layered over the shipped "
            "content (an id you define replaces the shipped one); repeatable; also "
            "$INTERVIEWER_CONTENT_PATH"
        ),
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="interviewer",
        description="A terminal mock interviewer for machine-learning engineering interviews.",
    )
    parser.add_argument("--version", action="version", version=f"interviewer {__version__}")
    _transcripts_option(parser, top=True)
    _content_option(parser, top=True)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("start", help="start a new interview")
    p.add_argument("--scenario", default=None, help="scenario id (default: ml_engineer)")
    p.add_argument("--rounds", help=f"only these round kinds, comma-separated ({ROUND_KINDS})")
    p.add_argument("--mode", choices=["mock", "practice"], default="mock")
    p.add_argument("--plain", action="store_true", help="stdin/stdout instead of the app")
    p.add_argument(
        "--project-file", metavar="PATH", help="your project or résumé, for the deep dive"
    )
    p.add_argument(
        "--level",
        choices=["junior", "mid", "senior", "staff"],
        help="the career level the loop is pitched at (default: the scenario's, usually mid)",
    )
    p.add_argument(
        "--track", help="the domain round's track: nlp, cv, recsys (default: the scenario's)"
    )
    p.add_argument("--seed", type=int, help="question selection seed (default: random)")
    p.add_argument("--candidate", default=None, help="whose history to use (default: $USER)")
    _backend_options(p)
    _fallback_option(p)
    _transcripts_option(p)
    _content_option(p)

    p = sub.add_parser(
        "list",
        help="past sessions, newest first (the newest 50; --limit N, --all)",
        description="Past sessions, newest first: the newest 50 unless --limit or --all says "
        "otherwise; how many older ones were left out is said on stderr.",
    )
    p.add_argument(
        "--json",
        action="store_true",
        help='one JSON document on stdout: {"sessions": [...], "broken": [...]}',
    )
    shown = p.add_mutually_exclusive_group()
    shown.add_argument(
        "--limit", type=_positive, default=50, metavar="N", help="the newest N (default: 50)"
    )
    shown.add_argument("--all", action="store_true", help="every session")
    _transcripts_option(p)

    p = sub.add_parser(
        "reindex", help="rebuild the history index from the transcripts (they stay untouched)"
    )
    _transcripts_option(p)

    for name, text in (
        ("replay", "step through a saved interview"),
        ("resume", "continue an interrupted interview"),
    ):
        p = sub.add_parser(name, help=text)
        p.add_argument("session", metavar="SESSION", help="a session id or a transcript path")
        p.add_argument("--plain", action="store_true")
        if name == "resume":
            _backend_options(p)
            _fallback_option(p)
            _content_option(p)
        _transcripts_option(p)

    p = sub.add_parser("report", help="the scorecard of a session")
    p.add_argument("session", metavar="SESSION")
    p.add_argument("--format", choices=["md", "json"], default="md")
    p.add_argument("-o", "--output", metavar="FILE")
    _transcripts_option(p)

    p = sub.add_parser("rescore", help="score a saved interview again (earlier runs are kept)")
    p.add_argument("session", metavar="SESSION")
    p.add_argument("--only-unscored", action="store_true", help="score only unscored answers")
    _backend_options(p)
    _transcripts_option(p)
    _content_option(p)

    p = sub.add_parser(
        "doctor",
        help="check the LLM endpoint: key, models, a tiny completion, structured output, context",
    )
    _backend_options(p)

    p = sub.add_parser("validate", help="check rubric, scenario and bank files")
    p.add_argument("paths", nargs="*", metavar="PATH")
    _content_option(p)

    p = sub.add_parser("bank", help="the question bank and its topic coverage")
    p.add_argument("--coverage", action="store_true")
    p.add_argument("--json", action="store_true")
    _content_option(p)

    p = sub.add_parser("calibrate", help="measure a judge against human grades")
    p.add_argument("dataset", metavar="DATASET.jsonl")
    p.add_argument("--json", action="store_true")
    p.add_argument("--probes", action="store_true", help="also run the bias probes")
    p.add_argument(
        "--probe-sample",
        type=int,
        default=100,
        metavar="N",
        help="answers the probes rewrite (default 100; 0 = every answer)",
    )
    p.add_argument("--limit", type=int, help="score only the first N answers")
    p.add_argument(
        "--dump",
        metavar="FILE.jsonl",
        help="write each answer's id, human score, judge score and status to FILE",
    )
    _backend_options(p)
    return parser


# subcommand -> module in interviewer.commands exposing run(args) -> int
HANDLERS = {
    None: "app",
    "start": "start",
    "list": "listing",
    "reindex": "listing",
    "replay": "sessions",
    "resume": "start",
    "report": "sessions",
    "rescore": "rescore",
    "doctor": "doctor",
    "validate": "validate",
    "bank": "bank",
    "calibrate": "calibrate",
}


# Commands that start an interview or the app: the collector waits for their first screen.
INTERACTIVE = {None, "start", "resume", "replay"}


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if argv is None and args.command in INTERACTIVE:  # the program itself, not a test
        hold_gc()
    try:
        module = importlib.import_module(f"interviewer.commands.{HANDLERS[args.command]}")
        return int(module.run(args))
    except KeyboardInterrupt:
        from interviewer.safe_text import echo

        echo("\ninterrupted", err=True)
        return 130
    except BrokenPipeError:
        # The reader went away (e.g. `interviewer bank | head`): not an error worth a traceback.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    finally:
        release_gc()


if __name__ == "__main__":
    raise SystemExit(main())
