"""Running candidate code: a separate, limited process per run, and its test results.

Only this package runs candidate code, and only in a child process (harness.py); the
app's process never executes it.
"""
