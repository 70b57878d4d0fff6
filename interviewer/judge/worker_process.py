"""Where the judge worker process starts: light, so that it can tie its life to its
parent's before it loads anything.

A worker whose interviewer was killed must not go on loading a tokenizer nobody will use:
on Linux the kernel kills it with its parent (PR_SET_PDEATHSIG); elsewhere, and for a
parent gone before that was set, it exits at once, or at the end of its input.
"""

import os
import sys


def _die_with_parent(parent: int) -> None:
    try:
        import ctypes
        import signal

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except Exception:
        pass  # not Linux: the end of the input ends the worker
    if os.getppid() != parent:
        os._exit(0)  # the parent died before the line above took effect


def main() -> None:
    parent = int(sys.argv[1]) if len(sys.argv) > 1 else os.getppid()
    _die_with_parent(parent)
    pipe_in, pipe_out = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # nothing but verdicts may reach the pipe
    from interviewer.judge.worker import serve

    serve(pipe_in, pipe_out)


if __name__ == "__main__":
    main()
