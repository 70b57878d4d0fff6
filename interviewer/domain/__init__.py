"""Pure domain: pydantic models and the interview engine. No I/O, no UI, no network."""
