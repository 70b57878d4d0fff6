"""The offline judge's word lists, read from `lexicon.yaml` beside this module.

The lists are content: synonyms, contrasting alternatives, negators, hedges, retractions,
verbs. They are validated strictly when first needed (never at import: the app's first
question must not wait on them) and kept for the life of the process. The validated
lists are also kept in the user's cache folder, as the content is, under a key made of
the file's bytes and this module's source: a start that finds them reads no YAML.
"""

import hashlib
from functools import lru_cache
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

LEXICON_PATH = Path(__file__).with_name("lexicon.yaml")

Phrase = Annotated[
    str, StringConstraints(strip_whitespace=True, to_lower=True, min_length=1, max_length=80)
]


class Lexicon(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    synonyms: list[list[Phrase]] = Field(min_length=1)
    word_forms: list[list[Phrase]] = Field(default_factory=list)
    concepts: list[list[Phrase]] = Field(default_factory=list)
    contrasts: list[list[list[Phrase]]] = Field(min_length=1)
    negators: list[Phrase] = Field(min_length=1)
    negating_phrases: list[Phrase] = Field(default_factory=list)
    fillers: list[Phrase] = Field(default_factory=list)
    not_denials: list[Phrase] = Field(default_factory=list)
    denial_frames: list[Phrase] = Field(default_factory=list)
    denying_verbs: list[Phrase] = Field(default_factory=list)
    denying_predicates: list[Phrase] = Field(default_factory=list)
    pitfall_predicates: list[Phrase] = Field(default_factory=list)
    letter_names: dict[str, str] = Field(default_factory=dict)
    empty_links: list[Phrase] = Field(default_factory=list)
    loose_links: list[Phrase] = Field(default_factory=list)
    idle_links: list[Phrase] = Field(default_factory=list)
    light_links: list[Phrase] = Field(default_factory=list)
    link_adverbs: list[Phrase] = Field(default_factory=list)
    link_breakers: list[Phrase] = Field(default_factory=list)
    link_trailers: list[Phrase] = Field(default_factory=list)
    association_verbs: list[Phrase] = Field(default_factory=list)
    association_light: list[Phrase] = Field(default_factory=list)
    association_places: list[Phrase] = Field(default_factory=list)
    association_marks: list[Phrase] = Field(default_factory=list)
    association_wholes: list[Phrase] = Field(default_factory=list)
    association_openers: list[Phrase] = Field(default_factory=list)
    association_modifiers: list[Phrase] = Field(default_factory=list)
    relation_verbs: list[Phrase] = Field(default_factory=list)
    relation_frames: list[Phrase] = Field(default_factory=list)
    relation_with_verbs: list[Phrase] = Field(default_factory=list)
    cleft_verbs: list[Phrase] = Field(default_factory=list)
    cleft_particles: list[Phrase] = Field(default_factory=list)
    evaluative_words: list[Phrase] = Field(default_factory=list)
    topic_nouns: list[Phrase] = Field(default_factory=list)
    claim_words: list[Phrase] = Field(default_factory=list)
    report_frames: list[Phrase] = Field(default_factory=list)
    hedges: list[Phrase] = Field(default_factory=list)
    absolutes: list[Phrase] = Field(default_factory=list)
    qualifiers: list[Phrase] = Field(default_factory=list)
    sweeping: list[Phrase] = Field(default_factory=list)
    retract_all: list[Phrase] = Field(default_factory=list)
    retract_last: list[Phrase] = Field(default_factory=list)
    retract_objects: list[Phrase] = Field(default_factory=list)
    retract_commands: list[Phrase] = Field(default_factory=list)
    retract_subjects: list[Phrase] = Field(default_factory=list)
    retract_verdicts: list[Phrase] = Field(default_factory=list)
    retract_degrees: list[Phrase] = Field(default_factory=list)
    retract_denials: list[Phrase] = Field(default_factory=list)
    retract_destinations: list[Phrase] = Field(default_factory=list)
    retract_scopes: list[Phrase] = Field(default_factory=list)
    retract_any_scopes: list[Phrase] = Field(default_factory=list)
    retract_none_scopes: list[Phrase] = Field(default_factory=list)
    retract_answer_nouns: list[Phrase] = Field(default_factory=list)
    retract_pointers: list[Phrase] = Field(default_factory=list)
    retract_wholes: list[Phrase] = Field(default_factory=list)
    retract_judgements: list[Phrase] = Field(default_factory=list)
    retract_positives: list[Phrase] = Field(default_factory=list)
    retract_stances: list[Phrase] = Field(default_factory=list)
    retract_confessions: list[Phrase] = Field(default_factory=list)
    retract_between: list[Phrase] = Field(default_factory=list)
    retract_inventions: list[Phrase] = Field(default_factory=list)
    retract_trails: list[Phrase] = Field(default_factory=list)
    retract_reaches: list[Phrase] = Field(default_factory=list)
    retract_confusions: list[Phrase] = Field(default_factory=list)
    retract_misdirections: list[Phrase] = Field(default_factory=list)
    retract_elsewheres: list[Phrase] = Field(default_factory=list)
    retract_pairs: list[Phrase] = Field(default_factory=list)
    retract_confused_objects: list[Phrase] = Field(default_factory=list)
    retract_slip_marks: list[Phrase] = Field(default_factory=list)
    retract_ignorance: list[Phrase] = Field(default_factory=list)
    retract_ignorance_words: list[Phrase] = Field(default_factory=list)
    retract_suppositions: list[Phrase] = Field(default_factory=list)
    retract_story_times: list[Phrase] = Field(default_factory=list)
    retract_limits: list[Phrase] = Field(default_factory=list)
    retract_verbs: list[Phrase] = Field(default_factory=list)
    retract_frames: list[Phrase] = Field(default_factory=list)
    retract_places: list[Phrase] = Field(default_factory=list)
    retract_back_nouns: list[Phrase] = Field(default_factory=list)
    retract_present: list[Phrase] = Field(default_factory=list)
    retract_adverbs: list[Phrase] = Field(default_factory=list)
    retract_interjections: list[Phrase] = Field(default_factory=list)
    retract_so: list[Phrase] = Field(default_factory=list)
    retract_wishes: list[Phrase] = Field(default_factory=list)
    retract_abstentions: list[Phrase] = Field(default_factory=list)
    retract_forgoings: list[Phrase] = Field(default_factory=list)
    retract_rests: list[Phrase] = Field(default_factory=list)
    retract_lacks: list[Phrase] = Field(default_factory=list)
    retract_disowning_verbs: list[Phrase] = Field(default_factory=list)
    retract_whole_marks: list[Phrase] = Field(default_factory=list)
    retract_regards: list[Phrase] = Field(default_factory=list)
    retract_voids: list[Phrase] = Field(default_factory=list)
    retract_others: list[Phrase] = Field(default_factory=list)
    retract_pieces: list[Phrase] = Field(default_factory=list)
    retract_retellings: list[Phrase] = Field(default_factory=list)
    retract_takings_part: list[Phrase] = Field(default_factory=list)
    retract_unknowns: list[Phrase] = Field(default_factory=list)
    retract_wh: list[Phrase] = Field(default_factory=list)
    retract_participles: list[Phrase] = Field(default_factory=list)
    retract_modals: list[Phrase] = Field(default_factory=list)
    retract_particles: list[Phrase] = Field(default_factory=list)
    retract_regarded: list[Phrase] = Field(default_factory=list)
    retract_mind_changes: list[Phrase] = Field(default_factory=list)
    retract_openers: list[Phrase] = Field(default_factory=list)
    retract_uncounted: list[Phrase] = Field(default_factory=list)
    retract_forwards: list[Phrase] = Field(default_factory=list)
    retract_pretends: list[Phrase] = Field(default_factory=list)
    retract_keeping_verbs: list[Phrase] = Field(default_factory=list)
    retract_assemblies: list[Phrase] = Field(default_factory=list)
    retract_nesting_stances: list[Phrase] = Field(default_factory=list)
    retract_requests: list[Phrase] = Field(default_factory=list)
    retract_as_verbs: list[Phrase] = Field(default_factory=list)
    retract_sources: list[Phrase] = Field(default_factory=list)
    retract_sourcings: list[Phrase] = Field(default_factory=list)
    retract_counterfactuals: list[Phrase] = Field(default_factory=list)
    refutes: list[Phrase] = Field(default_factory=list)
    report_verbs: list[Phrase] = Field(default_factory=list)
    attributions: list[Phrase] = Field(default_factory=list)
    distancing: list[Phrase] = Field(default_factory=list)
    rejections: list[Phrase] = Field(default_factory=list)
    curt_rejections: list[Phrase] = Field(default_factory=list)
    corrections: list[Phrase] = Field(default_factory=list)
    endorsements: list[Phrase] = Field(default_factory=list)
    both_ways: list[Phrase] = Field(default_factory=list)
    weighing_phrases: list[Phrase] = Field(default_factory=list)
    weighing_markers: list[Phrase] = Field(default_factory=list)
    weighing_openers: list[Phrase] = Field(default_factory=list)
    weighing_ends: list[Phrase] = Field(default_factory=list)
    weighing_elisions: list[Phrase] = Field(default_factory=list)
    open_verdict_words: list[Phrase] = Field(default_factory=list)
    equal_weights: list[Phrase] = Field(default_factory=list)
    indifference_words: list[Phrase] = Field(default_factory=list)
    equal_additives: list[Phrase] = Field(default_factory=list)
    dismissals: list[Phrase] = Field(default_factory=list)
    need_words: list[Phrase] = Field(default_factory=list)
    linking_verbs: list[Phrase] = Field(default_factory=list)
    choosing_words: list[Phrase] = Field(default_factory=list)
    verdict_acts: list[Phrase] = Field(default_factory=list)
    twin_fillers: list[Phrase] = Field(default_factory=list)
    choices: list[Phrase] = Field(default_factory=list)
    twin_asides: list[Phrase] = Field(default_factory=list)
    twin_hedges: list[Phrase] = Field(default_factory=list)
    possibilities: list[Phrase] = Field(default_factory=list)
    possible_modals: list[Phrase] = Field(default_factory=list)
    twin_contrasts: list[list[list[Phrase]]] = Field(default_factory=list)
    auxiliaries: list[Phrase] = Field(min_length=1)
    verbs: list[Phrase] = Field(min_length=1)
    irregular_verbs: list[Phrase] = Field(default_factory=list)
    past_forms: list[Phrase] = Field(default_factory=list)
    past_auxiliaries: list[Phrase] = Field(min_length=1)
    participles: list[Phrase] = Field(min_length=1)
    have_forms: list[Phrase] = Field(min_length=1)
    present_be: list[Phrase] = Field(min_length=1)
    inflections: list[Phrase] = Field(min_length=1)
    meta_verbs: list[Phrase] = Field(default_factory=list)
    vague_words: list[Phrase] = Field(default_factory=list)
    empty_words: list[Phrase] = Field(default_factory=list)
    quantity_words: list[Phrase] = Field(default_factory=list)
    evaluations: list[Phrase] = Field(default_factory=list)
    directions: list[Phrase] = Field(default_factory=list)
    lessons: list[Phrase] = Field(default_factory=list)
    changes: list[Phrase] = Field(default_factory=list)
    applied: list[Phrase] = Field(default_factory=list)
    first_person: list[Phrase] = Field(default_factory=list)
    third_parties: list[Phrase] = Field(default_factory=list)
    graders: list[Phrase] = Field(default_factory=list)
    denied_costs: list[Phrase] = Field(default_factory=list)
    owning: list[Phrase] = Field(default_factory=list)
    convincing: list[Phrase] = Field(default_factory=list)
    own_part_asked: list[Phrase] = Field(default_factory=list)
    point_frame_words: list[Phrase] = Field(default_factory=list)
    undone_light_words: list[Phrase] = Field(default_factory=list)
    undone_deciding_words: list[Phrase] = Field(default_factory=list)

    @field_validator("synonyms", "concepts")
    @classmethod
    def _groups_of_two(cls, groups: list[list[str]]) -> list[list[str]]:
        for i, group in enumerate(groups):
            if len(group) < 2:
                raise ValueError(f"group {i} needs at least two entries: {group}")
        return groups

    @field_validator("word_forms")
    @classmethod
    def _forms(cls, groups: list[list[str]]) -> list[list[str]]:
        for i, group in enumerate(groups):
            if len(group) < 2 or any(len(word.split()) != 1 for word in group):
                raise ValueError(f"word_forms[{i}] needs a word and its forms: {group}")
        return groups

    @field_validator("contrasts")
    @classmethod
    def _alternatives(cls, groups: list[list[list[str]]]) -> list[list[list[str]]]:
        for i, group in enumerate(groups):
            if len(group) < 2:
                raise ValueError(f"contrasts[{i}] needs at least two alternatives")
            for j, side in enumerate(group):
                if not side:
                    raise ValueError(f"contrasts[{i}][{j}] is empty")
        return groups

    @field_validator("empty_links", "loose_links", "idle_links", "light_links")
    @classmethod
    def _links(cls, links: list[str]) -> list[str]:
        for link in links:
            parts = link.split()
            if "$" in parts[:-1] or parts[0] in ("*", "$") or parts[-1] == "*":
                raise ValueError(
                    f"'{link}': '$' (the clause's end) may only end a link, '*' only join words"
                )
        return links

    @field_validator("*")
    @classmethod
    def _no_repeats(cls, value: object) -> object:
        # A repeat in a flat list changes no reading, but it is a sign of a list edited
        # without being read: say which entry.
        if isinstance(value, list) and all(isinstance(entry, str) for entry in value):
            seen: set[str] = set()
            for entry in value:
                if entry in seen:
                    raise ValueError(f"'{entry}' is listed twice")
                seen.add(entry)
        return value

    @field_validator(
        "negators",
        "fillers",
        "auxiliaries",
        "verbs",
        "irregular_verbs",
        "past_forms",
        "past_auxiliaries",
        "participles",
        "have_forms",
        "present_be",
        "inflections",
        "meta_verbs",
        "vague_words",
        "empty_words",
        "evaluations",
        "denying_verbs",
        "link_adverbs",
        "link_breakers",
        "report_verbs",
        "link_trailers",
        "association_verbs",
        "association_light",
        "association_places",
        "association_marks",
        "association_wholes",
        "association_openers",
        "association_modifiers",
        "relation_verbs",
        "relation_frames",
        "relation_with_verbs",
        "cleft_verbs",
        "cleft_particles",
        "evaluative_words",
        "topic_nouns",
        "claim_words",
        "first_person",
        "quantity_words",
        "third_parties",
        "graders",
        "point_frame_words",
        "undone_light_words",
        "undone_deciding_words",
    )
    @classmethod
    def _single_words(cls, words: list[str]) -> list[str]:
        for word in words:
            if len(word.split()) != 1:
                raise ValueError(f"'{word}' must be a single word")
        return words


class LexiconError(ValueError):
    pass


def read_lexicon(path: Path) -> Lexicon:
    """The lexicon in `path`, validated; errors name the file and the field."""
    import yaml

    try:
        # Every entry is text: the base loader keeps "no" and "off" as words, not booleans.
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    except (OSError, yaml.YAMLError) as exc:
        raise LexiconError(f"{path}: {exc}") from exc
    try:
        return Lexicon.model_validate(data)
    except ValueError as exc:
        raise LexiconError(f"{path}: {exc}") from exc


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The shipped lexicon, read once (from the cache folder when it holds this one)."""
    try:
        key = _key(LEXICON_PATH.read_bytes())
    except OSError as exc:
        raise LexiconError(f"{LEXICON_PATH}: {exc}") from exc
    cached = _cached(key)
    if cached is not None:
        return cached
    found = read_lexicon(LEXICON_PATH)
    _keep(key, found)
    return found


def _key(data: bytes) -> str:
    digest = hashlib.sha256(data)
    digest.update(Path(__file__).read_bytes())
    from pydantic.version import VERSION

    digest.update(VERSION.encode())
    return digest.hexdigest()[:32]


def _cached(key: str) -> Lexicon | None:
    from interviewer.content.cache import load_pickle

    return load_pickle("lexicon", key, Lexicon)


def _keep(key: str, found: Lexicon) -> None:
    from interviewer.content.cache import keep_pickle

    keep_pickle("lexicon", key, found, keep=1)
