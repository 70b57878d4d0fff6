"""The interviewer side: offline (bank-driven) and LLM-driven conductors."""
