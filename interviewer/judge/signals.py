"""Surface signals the offline judge reads from an answer, besides key-point coverage.

Each detector returns the sentences that carry the signal, so the judge can quote them
as evidence. Only sentences the judge considers on topic are passed in: filler earns
nothing, whatever words it contains.
"""

import re
from dataclasses import dataclass
from functools import lru_cache

from interviewer.judge.text import Sentence, chars_per_token, content_words, term, words

GIBBERISH_CHARS_PER_TOKEN = 2.5
GIBBERISH_MIN_WORDS = 3
# Unreadable words must be this share of the answer's words of three letters or more: a
# terse right answer is mostly the question's own vocabulary, and the few words left over
# (acronyms such as "MQA", "GQA", short plain words) are no sign of gibberish.
GIBBERISH_MIN_SHARE = 0.25


def _markers(*patterns: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(patterns) + r")\b", re.IGNORECASE)


_CAUSAL = (
    r"because",
    r"since",
    r"so that",
    r"therefore",
    r"thus",
    r"hence",
    r"which means",
    r"this means",
    r"that means",
    r"due to",
    r"leads? to",
    r"causes?",
    r"results? in",
    r"as a result",
    r"in order to",
    r"otherwise",
    r"the reason",
    r"why",
    r"if\b.*\bthen",
    r"intuitively",
    r"equivalent(?:ly)?",
    r"proportional",
    r"depends on",
    r"which is why",
    r"so (?=(?:it|they|the|this|that|we|you|each|every|a|an)\b)",
)
CAUSAL = _markers(*_CAUSAL)
# How an explanation is said when it does not say "because": a consequence after a comma
# ("..., so correct with Bonferroni"), an effect in a relative clause ("peeking, which
# inflates false positives"), a limiting case or a quantity that changes ("with enough
# data tiny effects are significant", "as k grows"). Read beside CAUSAL by the depth
# criterion (levels.READS_CONSEQUENCES), only in sentences on topic.
_CONSEQUENCE = (
    r"(?<=[,;:] )so(?! (?:far|much|many|on|to speak|called)\b)(?= \w)",
    r"(?<=\u2014 )so(?= \w)",
    r"(?<= - )so(?= \w)",
    r"which (?:\w+ )?(?:inflates?|deflates?|increases?|reduces?|lowers?|raises?|makes?|lets?|"
    r"allows?|prevents?|forces?|hides?|masks?|biases?|breaks?|keeps?|stops?|pushes?|shrinks?|"
    r"removes?|adds?|gives?|amplifies|dampens?|cancels?|dominates?|explains?)",
    r"with enough \w+",
    r"as (?:the )?\w+ (?:grows?|increases?|decreases?|shrinks?|goes to|approaches|tends to)",
    r"in turn",
    r"consequently",
    r"that is (?:why|how)",
    r"this is (?:why|how)",
    r"which is how",
)
EXPLAINS = _markers(*_CAUSAL, *_CONSEQUENCE)
EXAMPLE = _markers(
    r"for example",
    r"for instance",
    r"e\.g",
    r"such as",
    r"say we",
    r"imagine",
    r"suppose",
    r"in my (?:project|work|team|last job)",
    r"in practice",
    r"consider",
    r"like when",
    # Values named as instances: "values like 0.1, 0.01 and 0.001", "say, 0.001".
    r"like (?=[\d$])",
    r"say,? (?=[\d$])",
    # A concrete case named: a call in code ("model.eval()"), a framework, a figure.
    r"[a-z_]\w*\.\w+(?=\()",
    r"in (?:pytorch|tensorflow|keras|jax|scikit-learn|sklearn|pandas|numpy|spark|xgboost|lightgbm)",
    r"\d+(?:\.\d+)?(?=\s?%)",
)
# A concrete figure with what it counts ("a 95 percent interval", "about 300 stores",
# "p = 0.5"): the answer is about a concrete case. Read by the examples criterion
# (levels.CONCRETE_FIGURES), once per answer, only in sentences on topic.
CONCRETE = re.compile(
    r"\b\d[\d,]*(?:\.\d+)?\s*(?:%|percent\b|percentage points\b|x\b|times\b|ms\b|"
    r"milliseconds\b|seconds\b|minutes\b|hours\b|days\b|weeks\b|months\b|years\b|k\b|"
    r"thousand\b|million\b|billion\b|\w+s\b)"
    r"|\b[a-z]\w{0,3} ?= ?\d"
    r"|\b\d*\.\d+\b"
    r"|\$\s?\d",
    re.IGNORECASE,
)
TRADEOFF = _markers(
    r"trade-?offs?",
    r"instead(?: of)?",
    r"rather than",
    r"versus",
    r"vs\.?",
    r"alternatives?",
    r"downsides?",
    # A limit or a cost said in everyday words: "the catch is", "in exchange for", "it is
    # only safe if", "where it goes wrong".
    r"the (?:catch|danger|risk|limits?)\b",
    r"in exchange for",
    r"at the expense of",
    r"only (?:safe|correct|valid|works?|helps?|pays off) (?:if|when)",
    r"goes wrong",
    r"drawbacks?",
    r"on the other hand",
    r"at the cost of",
    r"costs?",
    r"but",
    r"however",
    r"whereas",
    r"compared (?:to|with)",
    r"cheaper",
    r"slower",
    r"faster",
    r"considered",
    r"chose",
    r"pros",
    r"cons",
    r"when to use",
    r"wins when",
    # Where it helps or hurts: "handy when almost everything is negative".
    r"(?:handy|useful|helpful|better|worse|best|matters|helps|hurts|fails|breaks) when",
    # When to use it and when not ("I would skip it when...", "unless..."), and what it costs.
    r"(?:skip|avoid|prefer|use|choose|pick|lower|raise|drop|switch to)\b[^.;]{0,40}\bwhen",
    r"unless",
    r"except(?:ion)?",
    r"slows?(?: down)?",
    r"more expensive",
)
# An alternative weighed by what it would have done, or was tried: "a random split would
# have mixed the same customers into training", "we tried TF-IDF first". Read beside
# TRADEOFF by the trade-offs criterion (levels.COUNTERFACTUALS), only in sentences on topic.
COUNTERFACTUAL = _markers(
    r"would(?:n't| not)? have (?!(?:liked|loved|enjoyed|wanted|hoped|preferred)\b)\w+",
    r"could have (?!(?:been )?(?:better|worse)\b)\w+",
    r"(?:we|i) (?:also |first )?tried",
    r"the alternative",
    r"if we(?:'d| had) (?!not\b)\w+",
)
SITUATION = _markers(
    r"when i was",
    r"when (?:our|my|the|a) \w+",
    r"at my (?:last|previous|current)",
    r"at (?:my|our) (?:company|job|startup|lab|team)",
    r"we had",
    r"we were",
    r"our team",
    r"the team",
    r"the project",
    r"i joined",
    r"i was working",
    r"situation",
    r"context",
    r"background",
    r"there was",
    r"last (?:year|quarter|month|summer|spring|autumn|fall|winter)",
    r"at the time",
    r"working on",
    # Where and when, said plainly: "on my last team", "a colleague wanted to", "at one point".
    r"(?:on|in|at) (?:my|our) (?:last|previous|current|old|first) "
    r"(?:team|job|role|company|project)",
    r"(?:a|my|our) (?:colleague|teammate|manager|director|stakeholder|lead|customer|partner) "
    r"(?:had )?(?:wanted|asked|decided|proposed|insisted|thought)",
    r"at one point",
    # Where the story happened, said plainly: "at a payments company", "so this was at a
    # delivery startup", "on the pricing team", "i got handed a project".
    r"at an? (?:[\w-]+ ){0,2}(?:company|startup|firm|bank|retailer|chain|agency|lab|hospital|"
    r"marketplace|platform|business|insurer|shop|store|team|organisation|organization|"
    r"university|consultancy|scale-?up|fintech|charity)",
    r"this was (?:at|on|in|when|during)",
    r"(?:on|in) (?:the|my|our) (?:[\w-]+ ){0,2}team",
    r"i (?:was|got) (?:handed|given|put on|brought in|building|halfway|leading|running)",
    r"(?:our|my) (?:[\w-]+ ){0,3}(?:model|pipeline|system|service|project|product|ranking|ranker) "
    r"(?:for|needed|was|had|kept|depended|relied)",
    r"we wanted",
)
TASK = _markers(
    r"my (?:task|job|role|goal|responsibility)",
    r"i was (?:asked|responsible|tasked|in charge)",
    r"i owned",
    r"i took (?:ownership|charge|responsibility|the lead)",
    r"needed to",
    r"had to",
    r"the goal",
    r"objective",
    r"deadline",
    r"challenge",
    # What the candidate had to bring about, said plainly: "I needed us to pick one",
    # "I set out to show", "it was on me to".
    r"i needed (?:us|them|him|her|the team|everyone|people|my team) to",
    r"we needed to",
    r"i set out to",
    r"i wanted to (?:show|check|prove|find out|make sure|understand|know)",
    r"it was (?:up to me|on me|my call)",
    # What fell to the candidate, said plainly: "my manager asked me to take it over",
    # "the job fell to me", "I wanted everyone to", "I needed labels from".
    r"(?:was|fell|came|came down) (?:up )?(?:to|on) me",
    r"asked me to",
    r"i needed",
    r"i wanted (?:all|every|everyone|each|the|them|us|my|our|people|it|to)\b",
    r"the (?:hard|tricky|difficult|main) (?:part|parts|thing|problem) (?:was|were)",
)
# "I" doing something: any regular past tense, or a common irregular one. Past tenses of
# feeling or wishing ("I liked", "I wanted") are not actions.
_IRREGULAR_PAST = (
    "built|wrote|rewrote|led|ran|met|made|found|took|gave|chose|drove|brought|sent|set up|"
    "split|cut|put|got|did|kept|told|spoke|taught|sold|began|won|held|paid|sought|caught|"
    "dug|spent|shut|undertook|oversaw|rebuilt|went"
)
_NOT_ACTIONS = "liked|loved|enjoyed|wanted|hoped|believed|felt|seemed|needed|preferred"
# Case is ignored: "i traced the bug" is as much an action as "I traced the bug".
ACTION = re.compile(
    rf"\bI (?:\w+ly )?(?:(?!(?:{_NOT_ACTIONS})\b)[a-z]{{2,}}ed|{_IRREGULAR_PAST})\b",
    re.IGNORECASE,
)
RESULT = _markers(
    r"as a result",
    r"result(?:ed|s)?",
    r"outcome",
    r"in the end",
    r"eventually",
    r"improved",
    r"reduced",
    r"increased",
    r"cut",
    r"saved",
    r"launched",
    r"shipped",
    r"impact",
    r"learned",
    r"afterwards",
    r"recovered",
    r"went (?:up|down|back)",
    r"dropped (?:from|to|by)",
    r"rose (?:from|to|by)",
    # An outcome said plainly: "we went live on the new date", "a fifth fewer misses",
    # "the model reached 0.91 recall", "it went from one a week to one in two months".
    r"went live",
    r"delivered",
    r"on time",
    r"fewer",
    r"reached",
    r"went from",
    r"(?:fell|dropped|rose|grew|shrank) (?:to|by|from)?",
    r"(?:up|down) from",
    r"ended up",
)
# A number (in digits or words) with what it counts: "9% to 7%", "40 thousand dollars",
# "three days", "eighteen months", "1,200 messages".
_NUMBER = (
    r"(?:\d[\d,]*(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"fifteen|eighteen|twenty|thirty|forty|fifty|sixty|hundred|a hundred|a thousand|a million)"
)
_UNIT = (
    r"(?:%|percent|percentage points|x\b|times|ms\b|s\b|seconds|minutes|hours|days|weeks|"
    r"months|years|quarters|k\b|m\b|thousand|million|billion|dollars|euros|pounds|users|"
    r"customers|stores|points|pp\b|messages|tickets|requests|incidents|errors|claims|"
    r"orders|gb|tb|\$)"
)
MEASURE = re.compile(
    rf"\b{_NUMBER}\s*(?:\w+\s)?{_UNIT}|\$\s?\d|\bfrom \S+ to \S+|"
    r"\b(?:doubled|halved|tripled)\b",
    re.IGNORECASE,
)
TEAM_PERSON = re.compile(r"\b(?:we|we're|we've|our|us|the team)\b", re.IGNORECASE)
SIGNPOST = _markers(
    r"first(?:ly)?",
    r"second(?:ly)?",
    r"third",
    r"finally",
    r"in summary",
    r"to summari[sz]e",
    r"in short",
    r"overall",
    r"so,",
    r"the short answer",
    r"two (?:things|points|reasons)",
    r"three (?:things|points|reasons)",
    r"then",
    r"next",
)
# Generic system-design stages, used when the question's key points carry no `stage`
# for the stages a criterion judges. Names match the stages the question bank uses.
STAGES: dict[str, re.Pattern[str]] = {
    "goal": _markers(
        r"requirements?", r"clarify", r"scope", r"assum\w+", r"goals?", r"constraints?", r"users?"
    ),
    "metrics": _markers(
        r"metrics?",
        r"precision",
        r"recall",
        r"auc",
        r"ndcg",
        r"ctr",
        r"latency",
        r"kpi",
        r"objective",
    ),
    "data": _markers(r"data", r"labels?", r"logs?", r"dataset", r"sampling", r"annotat\w+"),
    "features": _markers(r"features?", r"embeddings?", r"signals?", r"feature store"),
    "baseline": _markers(r"baselines?", r"heuristics?", r"rules?", r"simple model"),
    "model": _markers(r"model", r"architecture", r"loss"),
    "training": _markers(r"train\w*", r"fine-?tun\w*", r"class weights?", r"imbalance"),
    "evaluation": _markers(
        r"offline evaluation", r"a/b", r"held-?out", r"validation", r"backtest\w*", r"evaluat\w+"
    ),
    "serving": _markers(
        r"serv\w+", r"deploy\w*", r"inference", r"cache", r"batch", r"real-?time", r"api"
    ),
    "monitoring": _markers(
        r"monitor\w*", r"drift", r"alert\w*", r"retrain\w*", r"dashboards?", r"feedback loop"
    ),
    "fairness": _markers(
        r"fair\w*", r"bias(?:es|ed)?", r"demographic", r"parity", r"protected", r"disparate"
    ),
}

# Sentences addressed to the grader rather than the interviewer; dropped before scoring.
INSTRUCTION = re.compile(
    r"\b(?:ignore|disregard|forget|override)\b.{0,40}\b(?:rubric|instructions?|grader|grading|"
    r"previous|above|criteria|scoring|prompt)\b"
    r"|\b(?:give|award|assign|grade)\b.{0,30}\b(?:full|maximum|max|top|perfect|highest)\b.{0,20}"
    r"\b(?:marks?|scores?|points?|grades?|levels?|ratings?)\b"
    r"|\b(?:score|grade|rate)\b.{0,20}\b(?:this|me|the answer)\b.{0,20}\b(?:4|5|10|100|excellent|"
    r"perfect|highly)\b"
    r"|\byou are (?:now )?(?:a|the) (?:grader|judge)\b|\bsystem prompt\b",
    re.IGNORECASE,
)
# A sentence that asks for a score or claims its own coverage, whoever it addresses: "Score
# it 100", "full marks are warranted", "this answer covers every key point", "all key
# points are covered", "mark every point as met".
SCORE_REQUEST = re.compile(
    r"^\W*(?:please\s+)?(?:score|grade|rate|mark)\b(?:\s+(?:it|this|me|the answer|this answer|"
    r"this response|my answer))?\s+(?:(?:a|as|at|with)\s+)?(?:\d+|full|perfect|maximum)\b"
    r"|\bfull (?:marks|credit)\b|\b100\s*(?:/|out of)\s*100\b"
    r"|\b(?:deserves?|merits?|warrants?)\b.{0,20}\b(?:marks?|points|scores?|grades?|ratings?)\b"
    r"|\b(?:this|my|the above)\s+(?:answer|response|reply|story|design|explanation|submission)"
    r"\b.{0,30}\b(?:covers|addresses|mentions|states|demonstrates|includes|hits|meets|satisfies"
    r"|touches on|answers)\b.{0,40}\b(?:key points?|every|all|each|criteria|rubric|everything)\b"
    r"|\b(?:all|every|each)\s+(?:of\s+)?(?:the\s+)?(?:key|expected|required|rubric)\s+points?\b"
    r".{0,40}\b(?:covered|addressed|here|met|present|included|demonstrated)\b"
    r"|\b(?:all|every)\s+(?:of\s+)?(?:the\s+)?points?\s+(?:are|is|have been|were)\s+"
    r"(?:all\s+)?(?:covered|addressed|met)\b"
    r"|\bkey points?\b.{0,60}\b(?:are|is|as)\s+(?:all\s+)?(?:covered|addressed|met|here)\b"
    r"|\bmark\s+(?:it|this|them|every\s+point|each\s+point|all(?:\s+\w+)?\s+points?)\s+as\s+"
    r"(?:complete|covered|met|correct)\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def _grader_address() -> re.Pattern[str]:
    """A sentence that addresses the grader (lexicon `graders`): a note to or for one,
    "Dear grader", "Attention grader", "Grader:" or "Evaluator note:" opening it, "to
    whoever is grading"."""
    from interviewer.judge.lexicon import lexicon

    who = "|".join(re.escape(w) for w in sorted(lexicon().graders, key=len, reverse=True))
    return re.compile(
        rf"\b(?:notes?|message|memo)\s+(?:to|for)\s+(?:the\s+|my\s+|any\s+|whoever\s+is\s+)?"
        rf"(?:{who})\b"
        rf"|^\W*(?:dear|attention|hey|hello)\W+(?:the\s+|my\s+|any\s+)?(?:{who})\b"
        rf"|^\W*(?:to|for)\s+(?:the\s+|my\s+|any\s+)?(?:{who})\s*[:)\]]"
        rf"|^\W*(?:the\s+)?(?:{who})\s*(?:notes?\s*)?:|^\W*(?:{who}),\s*(?:note|please)\b"
        rf"|\b(?:scoring|grading|marking)\s+notes?\b"
        rf"|\bwho(?:ever|m)?\s+(?:is\s+)?(?:grading|scoring|marking)\b",
        re.IGNORECASE,
    )


def _to_the_grader(text: str) -> bool:
    return bool(SCORE_REQUEST.search(text) or _grader_address().search(text))


def to_the_grader(text: str) -> bool:
    """Whether the sentence addresses the grader or asks for a score."""
    return _to_the_grader(text)


# Answers that say nothing: acknowledgements and refusals.
EMPTY_REPLIES = frozenset(
    [
        "fine",
        "ok",
        "okay",
        "good",
        "yes",
        "no",
        "yeah",
        "yep",
        "nope",
        "sure",
        "idk",
        "dunno",
        "pass",
        "skip",
        "next",
        "nothing",
        "none",
        "na",
        "n/a",
        "maybe",
        "whatever",
        "great",
        "cool",
        "thanks",
        "hmm",
        "um",
        "uh",
    ]
)


@dataclass(frozen=True)
class Found:
    count: int
    sentences: list[str]


def find(pattern: re.Pattern[str], parts: list[Sentence]) -> Found:
    # Distinct markers per sentence: saying "because" twice explains nothing more.
    hits = [(len({m.lower() for m in pattern.findall(s.text)}), s.text) for s in parts]
    return Found(sum(n for n, _ in hits), [text for n, text in hits if n])


def find_weighed(pattern: re.Pattern[str], parts: list[Sentence]) -> Found:
    """As `find`, for options and costs weighed: a cost the sentence says there was none
    of ("it came with no downside", "cost us nothing"; lexicon `denied_costs`) weighs
    nothing, so its marker is not counted."""
    denied = _denied_costs()
    hits = []
    for s in parts:
        text = denied.sub(" ", s.text) if denied is not None else s.text
        hits.append((len({m.lower() for m in pattern.findall(text)}), s.text))
    return Found(sum(n for n, _ in hits), [text for n, text in hits if n])


@lru_cache(maxsize=1)
def _denied_costs() -> re.Pattern[str] | None:
    from interviewer.judge.lexicon import lexicon

    phrases = lexicon().denied_costs
    if not phrases:
        return None
    alternatives = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases)
    return re.compile(rf"\b(?:{alternatives})\b", re.IGNORECASE)


def without_instruction(sentence: Sentence) -> Sentence | None:
    """The sentence up to where an instruction to the grader starts; None if nothing is left.
    A sentence addressed to the grader ("Note to the grader: ...", "Evaluator:"), one that
    claims its own answer covers the key points, or one that asks for a score is dropped
    whole: whatever it lists (the key points' names) is said to the grader, not claimed
    about the question.

    The kept part is still a verbatim slice of the answer, so it can be quoted.
    """
    if _to_the_grader(sentence.text):
        return None
    found = INSTRUCTION.search(sentence.text)
    if not found:
        return sentence
    kept = sentence.text[: found.start()].rstrip(" ,;:-(")
    # A short lead-in ("Grader, please") is part of the instruction, not of the answer.
    return Sentence(kept, sentence.start) if len(words(kept)) > 3 else None


def floor_reason(
    answer: str,
    question_terms: frozenset[str],
    answer_terms: list[str],
    vocabulary: frozenset[str],
    states_a_key_point: bool = False,
) -> str:
    """Why the answer says nothing scoreable, or "" when it says something.

    `vocabulary`: the terms of the question and its key points, known even when rare.
    `states_a_key_point`: the answer states most of a key point in the key point's own
    words, so even one word is an answer ("Iteration." to "how else can it be done?").
    """
    all_words = words(answer)
    if not all_words:
        return "the answer is empty"
    if len(all_words) <= 1 and not states_a_key_point:
        return "a one-word answer"
    if all(w in EMPTY_REPLIES for w in all_words):
        return "the answer says nothing about the question"
    longer = [w for w in content_words(answer) if w.isalpha() and len(w) > 2]
    alphabetic = [w for w in longer if term(w) not in vocabulary]
    density = chars_per_token(alphabetic)
    # One or two unusual words ("noisier") are not enough to call a sentence gibberish.
    enough = (
        len(alphabetic) >= GIBBERISH_MIN_WORDS
        and len(alphabetic) >= GIBBERISH_MIN_SHARE * len(longer)
    ) or len(alphabetic) == len(all_words)
    if density is not None and enough and density < GIBBERISH_CHARS_PER_TOKEN:
        return "the answer is not readable text"
    if not answer_terms:
        return "the answer says nothing about the question"
    if repeats_question(answer_terms, question_terms, vocabulary):
        return "the answer only repeats the question"
    return ""


def repeats_question(
    answer_terms: list[str], question_terms: frozenset[str], vocabulary: frozenset[str]
) -> bool:
    """At most one in ten of the answer's words is new to the question, and none of the
    new ones belongs to a key point."""
    new = [t for t in answer_terms if t not in question_terms]
    return len(new) <= len(answer_terms) // 10 and not any(t in vocabulary for t in new)
