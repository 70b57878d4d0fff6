"""The candidate's project description, read for the offline deep dive.

The description is split into sentences (each remembering the section it sits in: a
Markdown heading or a "Label:" line start) and its stated choices ("we chose X over Y",
"we used X instead of Y", or a method the description names). A deep-dive question from
the bank is then asked about the project: a question about choices names the choice and
what it could have been instead ("You chose Tweedie loss. Why that rather than a Poisson
or gamma loss ...?"); any other quotes the sentence of the description that speaks to its
topic, preferring one with numbers. The words this reads by are data, in deep_dive.yaml.
"""

import re
from collections.abc import Collection
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from typing import Any

from interviewer.domain.engine import AnswerSignal
from interviewer.domain.question import KeyPoint, Question
from interviewer.domain.session import AskedQuestion

TITLE_WORDS = 12  # a first line longer than this is a description, not a title
MAX_QUOTE = 170  # characters of a sentence quoted back; longer ones end in an ellipsis
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_LABEL = re.compile(r"^\s*(?:\*\*|__)?([A-Za-z][\w /&'-]{0,30}?)(?:\*\*|__)?\s*:\s+(.*)$")
_BULLET = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_MARKUP = re.compile(r"(\*\*|__|`)")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(])")
_NUMBER = re.compile(r"\d")
_WORD = re.compile(r"[a-z0-9][a-z0-9/+.-]*")
_DETERMINERS = frozenset(
    ["a", "an", "the", "our", "my", "their", "its", "this", "that", "these", "those", "one", "two"]
)


@dataclass(frozen=True)
class Sentence:
    section: str  # the heading or label it sits under ("" for none)
    text: str  # as written, markup removed


@dataclass(frozen=True)
class Choice:
    what: str  # "gradient-boosted trees (LightGBM)"
    over: str = ""  # what it was chosen over, when the description says
    sentence: str = ""
    connective: str = "over"  # how the description said it: over, instead of, rather than


@dataclass
class ProjectBrief:
    """What the offline interviewer takes from a project description."""

    title: str
    sentences: list[Sentence] = field(default_factory=list)
    choices: list[Choice] = field(default_factory=list)


@cache
def data() -> dict[str, Any]:
    import yaml  # only when a deep dive needs it: start-up reads compiled content, not YAML

    text = resources.files("interviewer.conductor").joinpath("deep_dive.yaml").read_text("utf-8")
    loaded: dict[str, Any] = yaml.safe_load(text)
    return loaded


def overview_key_points() -> list[KeyPoint]:
    """What the opening description is scored against (the request asks for these)."""
    return [KeyPoint.model_validate(kp) for kp in data()["overview_key_points"]]


def plain(text: str) -> str:
    return " ".join(_MARKUP.sub("", text).split())


def short(text: str, limit: int) -> str:
    """`text` up to `limit` characters, cut at a word and ending in an ellipsis if cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:-(")
    return cut + "…"


@cache
def read_brief(description: str) -> ProjectBrief:
    title = ""
    section = ""
    sentences: list[Sentence] = []
    for raw in description.splitlines():
        if not raw.strip():
            continue
        heading = _HEADING.match(raw)
        if heading:
            section = plain(heading.group(1))
            title = title or section
            continue
        line = _BULLET.sub("", raw)
        label = _LABEL.match(line)
        where = section
        if label and len(label.group(1).split()) <= 4:
            where, line = plain(label.group(1)), label.group(2)
        text = plain(line)
        if not title:
            title = text
            if not label and _is_title(text):
                continue  # a short first line of its own is the title, not a sentence
        sentences += [Sentence(where, s) for s in _SENTENCE_END.split(text) if s.strip()]
    return ProjectBrief(short(title, 60), sentences, find_choices(sentences))


def _is_title(line: str) -> bool:
    """A first line that names the project ("Fraud detection for card payments"), not a
    description typed as one paragraph (which is read for its sentences too)."""
    return len(line.split()) <= TITLE_WORDS and not _SENTENCE_END.search(line + " X")


def _phrase_end(words: list[str]) -> list[str]:
    """The words of a choice up to where its reason starts (at most six)."""
    ends = set(data()["choice_ends"]) | {w.split()[0] for w in data()["over_words"]}
    kept: list[str] = []
    for word in words:
        if kept and word.lower().strip(",;:") in ends:
            break
        kept.append(word)
        if word.endswith((",", ";", ":")) or len(kept) == 6:
            break
    return [w.strip(",;:") for w in kept]


def find_choices(sentences: list[Sentence]) -> list[Choice]:
    verbs = sorted(data()["choice_verbs"], key=len, reverse=True)
    overs = sorted(data()["over_words"], key=len, reverse=True)
    verb_re = re.compile(
        r"\b(?:we|i|they|the team)\s+(?:" + "|".join(map(re.escape, verbs)) + r")\s+(.*)",
        re.IGNORECASE,
    )
    over_re = re.compile(r"\b(" + "|".join(map(re.escape, overs)) + r")\s+(.*)", re.IGNORECASE)
    later = [o for o in overs if " " in o]  # "instead of", "rather than": not a bare "over"
    later_re = re.compile(r"\b(" + "|".join(map(re.escape, later)) + r")\s+(.*)", re.IGNORECASE)
    found: list[Choice] = []
    for sentence in sentences:
        match = verb_re.search(sentence.text)
        if match:
            rest = match.group(1).rstrip(".")
            what = " ".join(_phrase_end(rest.split()))
            over = ""
            after = rest[len(what) :].strip()
            # "X over Y" right after the choice; "instead of Y" anywhere after it.
            over_match = over_re.match(after) or later_re.search(after)
            connective = "over"
            if over_match:
                connective = over_match.group(1).lower()
                over = " ".join(_phrase_end(over_match.group(2).rstrip(".").split()))
            if what:
                found.append(Choice(what, over, sentence.text, connective))
        found += _named_methods(sentence.text, found)
    return found


def _named_methods(text: str, found: list[Choice]) -> list[Choice]:
    """The methods a sentence names though not as "we chose" ("LightGBM with a Tweedie
    loss, chosen over a deep sequence model"): each named as written up to where its
    reason starts ("a Tweedie loss"); one that follows "over", "instead of" or "rather
    than" is what a choice of its kind was chosen over, not a choice."""
    lowered = text.lower()
    overs = sorted(data()["over_words"], key=len, reverse=True)
    rejected_re = re.compile(
        r"\b(" + "|".join(map(re.escape, overs)) + r")\s+((?:[\w-]+\s+){0,3})$", re.IGNORECASE
    )
    here: list[Choice] = []
    for entry in data()["alternatives"]:
        for name in entry["names"]:
            named = re.search(rf"\b((?:an?|the)\s+)?{re.escape(name)}\b", lowered)
            said = " ".join(f"{c.what} {c.over}".lower() for c in [*found, *here])
            if named is None or name in said:
                continue
            rejected = rejected_re.search(text[: named.start()])
            if rejected:
                start = rejected.end(1)
                phrase = " ".join(_phrase_end(text[start:].split()))
                _attach_over(here or found, phrase, rejected.group(1).lower())
                break
            phrase = " ".join(_phrase_end(text[named.start() :].split()))
            if "(" in phrase and ")" not in phrase:
                phrase = phrase[: phrase.index("(")].strip()  # "(train on months 1-12"
            here.append(Choice(phrase or text[named.start() : named.end()], "", text))
            break
    return here


def _attach_over(choices: list[Choice], over: str, connective: str) -> None:
    """`over` was turned down: it belongs to the first choice of its kind still without
    an alternative (a deep sequence model to LightGBM, not to the Tweedie loss)."""
    kind = _kind(Choice(over))
    for i, choice in enumerate(choices):
        if not choice.over and _kind(choice) == kind:
            choices[i] = replace(choice, over=over, connective=connective)
            return


def with_article(phrase: str) -> str:
    """'time-based split' -> 'a time-based split'; names and phrases with one kept."""
    words = phrase.split()
    if not words or words[0].lower() in _DETERMINERS or words[0][:1].isupper():
        return phrase
    if words[-1].lower() not in data()["countable_heads"]:
        return phrase
    return ("an " if words[0][0].lower() in "aeiou" else "a ") + phrase


def alternatives_for(choice: Choice) -> str:
    if choice.over:
        return choice.over
    lowered = choice.what.lower()
    for entry in data()["alternatives"]:
        if any(name in lowered for name in entry["names"]):
            return str(entry["instead"])
    return "the obvious alternatives"


def _kind(choice: Choice) -> str:
    lowered = choice.what.lower()
    if any(w in lowered for w in data()["loss_words"]):
        return "loss"
    if "split" in lowered or "out-of-time" in lowered:
        return "split"
    return "model"


def choice_question(brief: ProjectBrief, question: Question) -> str | None:
    template = data()["choice_questions"].get(question.id)
    if template is None:
        return None
    wanted = data()["choice_kinds"].get(question.id, "model")
    choice = next((c for c in brief.choices if _kind(c) == wanted), None)
    if choice is None:
        return None
    if choice.over:
        why = str(data()["why_given"])
    else:
        why = str(data()["why_open"]).format(alternatives=alternatives_for(choice))
    over = f" {choice.connective} {choice.over}" if choice.over else ""
    what = with_article(choice.what)
    return " ".join(str(template).format(choice=what, over=over, why=why).split())


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.lower()))


def sentence_for(
    brief: ProjectBrief, question: Question, quoted: Collection[str] = ()
) -> Sentence | None:
    """The sentence of the description that speaks to the question's topic (its section
    name counts too), one with numbers first; None when none does. A sentence an earlier
    question quoted (in `quoted`, the prompts so far) is not quoted again."""
    wanted = {w for t in question.topics for w in data()["topic_words"].get(t, [])}
    best: tuple[float, Sentence] | None = None
    for sentence in brief.sentences:
        if any(f'"{short(sentence.text, MAX_QUOTE)}"' in prompt for prompt in quoted):
            continue
        hits = len(wanted & (_words(sentence.text) | _words(sentence.section)))
        if not hits:
            continue
        score = hits + (0.5 if _NUMBER.search(sentence.text) else 0.0)
        if best is None or score > best[0]:
            best = (score, sentence)
    return best[1] if best else None


@cache
def _related() -> dict[str, str]:
    from interviewer.judge.text import base_term, content_terms

    out: dict[str, str] = {}
    for n, group in enumerate(data()["related_words"]):
        for word in group:
            for t in content_terms(word):
                out[base_term(t)] = f"#related{n}"
    return out


@cache
def _ignored() -> frozenset[str]:
    from interviewer.judge.text import base_term, content_terms

    return frozenset(base_term(t) for t in content_terms(" ".join(data()["said_ignores"])))


@cache
def said_terms(text: str) -> frozenset[str]:
    """The text's distinctive words, related ones as one (for telling what it says)."""
    from interviewer.judge.text import base_term, content_terms

    related, ignored = _related(), _ignored()
    out = set()
    for t in (base_term(x) for x in content_terms(text)):
        if t in related:
            out.add(related[t])
        elif t not in ignored and len(t) > 2 and not t.isdigit():
            out.add(t)
    return frozenset(out)


def already_said(description: str, key_point: KeyPoint, follow_up: str = "") -> bool:
    """Whether a sentence of the description already says what the key point (and the
    follow-up that would probe it) asks about: two distinctive words in common."""
    wanted = said_terms(" ".join([key_point.text, follow_up, *key_point.cues]))
    return any(
        len(wanted & said_terms(sentence.text)) >= 2
        for sentence in read_brief(description).sentences
    )


def stated_key_points(description: str, question: Question) -> set[str]:
    """The question's key points the description already states: covered as the judge
    reads coverage, or said in a sentence of its own."""
    from interviewer.judge.matching import COVERED_AT, key_point_coverage

    coverage = key_point_coverage(description, question.key_points, question.prompt)
    probes = {f.probes: f.prompt for f in question.follow_ups}
    return {
        kp.id
        for kp in question.key_points
        if coverage[kp.id] >= COVERED_AT or already_said(description, kp, probes.get(kp.id, ""))
    }


def answered_share(description: str, question: Question) -> float:
    """The share of the question's key-point weight the description already states."""
    total = sum(kp.weight for kp in question.key_points)
    if total <= 0:
        return 0.0
    stated = stated_key_points(description, question)
    return sum(kp.weight for kp in question.key_points if kp.id in stated) / total


def answered_questions(description: str, questions: list[Question]) -> frozenset[str]:
    """The questions the description mostly answers already (not asked while others are
    left)."""
    bar = float(data()["answered_share"])
    return frozenset(q.id for q in questions if answered_share(description, q) >= bar)


def refine_signal(
    signal: AnswerSignal, question: Question, asked: AskedQuestion, description: str
) -> AnswerSignal:
    """A deep-dive answer's signal, read with the description: a key point it states is
    not probed, and an answer about the project is not off topic."""
    stated = stated_key_points(description, question)
    missed = [kp for kp in signal.missed_key_points if kp not in stated]
    off_topic = signal.off_topic
    if off_topic and asked.answers:
        latest = asked.answers[-1].text
        off_topic = len(said_terms(latest) & said_terms(description)) < 2
    return AnswerSignal(missed, off_topic)


def project_question(description: str, question: Question, asked: Collection[str] = ()) -> str:
    """The bank question, asked about this project (`asked`: the prompts put so far, whose
    quotes are not repeated)."""
    brief = read_brief(description)
    about_choice = choice_question(brief, question)
    if about_choice:
        return about_choice
    prompt = " ".join(question.prompt.split())
    sentence = sentence_for(brief, question, asked)
    if sentence is None:
        return prompt
    return f'You wrote: "{short(sentence.text, MAX_QUOTE)}" {prompt}'


_QUOTE = re.compile(r'You wrote: "[^"]*" ')


def without_quote(text: str) -> str:
    """A question without the sentence of the description it opened with."""
    return _QUOTE.sub("", text, count=1)


def received_text(description: str) -> str:
    """Said when the description came with the interview (a project file)."""
    title = read_brief(description).title
    about = f" ({title})" if title else ""
    return (
        f"I've read the project description you sent{about}. It counts as your opening "
        "answer for this round; my questions build on it."
    )
