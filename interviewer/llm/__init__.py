"""LLM providers: the provider interface, the OpenAI-compatible provider, retries, token budgets."""
