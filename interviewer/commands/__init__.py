"""Handlers of the command-line subcommands: each module exposes run(args) -> int."""
