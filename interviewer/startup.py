"""Start-up without the cyclic garbage collector: what a start allocates (the models, the
content, the app's widgets) lives as long as the program, yet the collector went over it
again and again, about a seventh of the way to the first question. It is held off until
the first screen is shown, then the survivors are frozen out of its sight (gc.freeze), so
later collections, during the interview, skip them too."""

import gc

_held = False


def hold_gc() -> None:
    global _held
    if gc.isenabled():
        gc.disable()
        _held = True


def release_gc() -> None:
    """Idempotent; called when the first screen is up (and in the end in any case)."""
    global _held
    if _held:
        _held = False
        gc.freeze()
        gc.enable()
