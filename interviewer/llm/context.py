"""How much a prompt may hold: the server's context window, and our share of it.

Servers truncate a prompt that does not fit silently, from the front, so the system prompt
and the rubric are what would be lost. Every prompt is therefore built to fit the window
the server really has (told with --context-tokens, discovered from the server, or a
conservative default for servers that do not say), minus the reply's max_tokens. Our token
counts use cl100k; a local model's tokenizer usually needs more tokens for the same text,
hence the slack on servers other than OpenAI's.
"""

from dataclasses import dataclass

# A local server that does not say: Ollama's long-time default and a common llama.cpp -c.
DEFAULT_LOCAL_CONTEXT = 4096
OPENAI_CONTEXT = 128_000  # every current OpenAI chat model has at least this
LOCAL_TOKENIZER_SLACK = 1.2  # local tokenizers count more than cl100k (SmolLM2: 1.05x on a rubric)
SAFETY_TOKENS = 48  # the chat template's own tokens


class ContextTooSmall(ValueError):
    """The parts of a prompt that are never cut do not fit the context window."""


@dataclass(frozen=True)
class ContextWindow:
    tokens: int
    source: str  # where the figure came from, shown by `doctor` and the header
    slack: float = 1.0

    def room(self, reply_tokens: int) -> int:
        """Prompt tokens (as we count them) that fit beside a reply of `reply_tokens`."""
        return max(0, int((self.tokens - reply_tokens - SAFETY_TOKENS) / self.slack))

    def describe(self) -> str:
        return f"{self.tokens} tokens ({self.source})"


def default_window(is_openai: bool) -> ContextWindow:
    if is_openai:
        return ContextWindow(OPENAI_CONTEXT, "OpenAI model")
    return ContextWindow(
        DEFAULT_LOCAL_CONTEXT,
        "default for servers that do not say; set --context-tokens",
        LOCAL_TOKENIZER_SLACK,
    )


def told_window(tokens: int, is_openai: bool) -> ContextWindow:
    return ContextWindow(tokens, "--context-tokens", 1.0 if is_openai else LOCAL_TOKENIZER_SLACK)
