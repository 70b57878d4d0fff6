"""Judges: the judge interface, the offline judge, the LLM judge, calibration metrics."""
