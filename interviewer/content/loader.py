"""Loading rubrics/, scenarios/ and the question bank into validated domain models.

Every file is validated on its own: a broken file is reported with its line and field,
and the rest of the content still loads.

Content comes in layers: the shipped folder first, then each user folder in order
(`INTERVIEWER_CONTENT_PATH`, then `--content-dir`). An item in a later layer replaces the
item with the same id from an earlier one, and a notice names both files; two items with
one id in the same layer are an error.
"""

import contextlib
import gc
from collections.abc import Iterable, Iterator
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path

from interviewer.content.errors import ContentError, ContentInvalid
from interviewer.content.files import (  # noqa: F401  (content_roots: imported from here)
    content_roots,
    default_roots,
    root_files,
    shipped_content_root,
)
from interviewer.domain.question import Question, RoundKind
from interviewer.domain.rubric import Rubric
from interviewer.domain.scenario import Scenario


@dataclass
class Content:
    rubrics: dict[str, Rubric] = field(default_factory=dict)
    scenarios: dict[str, Scenario] = field(default_factory=dict)
    questions: dict[str, Question] = field(default_factory=dict)
    errors: list[ContentError] = field(default_factory=list)
    sources: dict[str, Path] = field(default_factory=dict)  # "kind:id" -> file
    # What a user layer changed ("question 'x' in my.yaml overrides the one in ..."): not
    # errors, but a user must be able to see which file wins.
    notices: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def scenario(self, scenario_id: str) -> Scenario:
        try:
            return self.scenarios[scenario_id]
        except KeyError:
            known = ", ".join(sorted(self.scenarios)) or "none"
            raise KeyError(f"no scenario '{scenario_id}' (known: {known})") from None


def load_question_file(path: Path) -> tuple[list[Question], list[ContentError]]:
    from pydantic import ValidationError

    from interviewer.content.yaml_source import read_yaml, validation_errors

    try:
        data, node = read_yaml(path)
    except ContentInvalid as exc:
        return [], exc.errors
    if not isinstance(data, dict) or set(data) != {"questions"}:
        msg = "expected a mapping with a single key 'questions' holding a list"
        return [], [ContentError(path, 1, "", msg)]
    items = data["questions"]
    if not isinstance(items, list):
        return [], [ContentError(path, 1, "questions", "expected a list of questions")]
    questions, errors = [], []
    for i, item in enumerate(items):
        try:
            questions.append(Question.model_validate(item))
        except ValidationError as exc:
            errors.extend(validation_errors(path, node, exc, prefix=("questions", i)))
    return questions, errors


def classify(path: Path, root: Path | None = None) -> str:
    """Which kind of content a file holds, from where it sits below its content folder
    (or, for a file named on its own, from the folders in its path)."""
    parts = path.resolve().parts
    if root is not None and root.is_dir():
        with suppress(ValueError):
            parts = path.resolve().relative_to(root.resolve()).parts
        # A folder named on its own (my/bank/, my/rubrics/) says what its files are.
        parts = (root.resolve().name, *parts)
    if "bank" in parts:
        return "bank"
    if "rubrics" in parts:
        return "rubric"
    return "scenario"


@dataclass
class _Layer:
    """Which file defined each id in the layer being loaded."""

    defined: dict[str, Path] = field(default_factory=dict)


def _load_into(content: Content, path: Path, layer: _Layer, root: Path | None = None) -> None:
    from interviewer.content.yaml_source import load_model

    kind = classify(path, root)
    if kind == "bank":
        questions, errors = load_question_file(path)
        content.errors.extend(errors)
        for q in questions:
            _add(content, layer, "question", q.id, q, content.questions, path, field_name=q.id)
        return
    try:
        if kind == "rubric":
            rubric = load_model(path, Rubric)
            _add(content, layer, "rubric", rubric.id, rubric, content.rubrics, path)
        else:
            scenario = load_model(path, Scenario)
            _add(content, layer, "scenario", scenario.id, scenario, content.scenarios, path)
    except ContentInvalid as exc:
        content.errors.extend(exc.errors)


def _add(
    content: Content,
    layer: _Layer,
    kind: str,
    item_id: str,
    item: object,
    into: dict,
    path: Path,
    field_name: str = "id",
) -> None:
    key = f"{kind}:{item_id}"
    if key in layer.defined:
        msg = f"{kind} id '{item_id}' already defined in {layer.defined[key]}"
        content.errors.append(ContentError(path, None, field_name, msg))
        return
    if item_id in into:
        content.notices.append(
            f"{kind} '{item_id}' in {path} overrides the one in {content.sources[key]}"
        )
    layer.defined[key] = path
    into[item_id] = item
    content.sources[key] = path


def content_files(roots: Iterable[Path]) -> list[Path]:
    files: list[Path] = []
    for root in roots:
        files += root_files(root)
    # Resolved, so a shipped file named on the command line is not loaded twice.
    return list(dict.fromkeys(p.resolve() for p in files))


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Loading builds hundreds of thousands of small objects that all live on; the cyclic
    garbage collector would walk them over and over as they pile up (70% of the time a
    20,000-question file takes). Nothing built here is cyclic garbage, so it waits."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def load_content(roots: Iterable[Path] | None = None, *, cache: bool = True) -> Content:
    """The content of `roots` (default: the shipped content), each a layer over the last.

    Served from the compiled cache (cache.py) when no file, root or code has changed."""
    with _collector_paused():
        return _load_content(roots, cache)


def _load_content(roots: Iterable[Path] | None, cache: bool) -> Content:
    layers = default_roots() if roots is None else list(roots)
    if not cache:
        return _load(layers)
    from interviewer.content import cache as compiled

    key = compiled.content_key(layers, root_files)
    content = compiled.read(key)
    if content is None:
        content = _load(layers)
        compiled.write(key, content)
    if not compiled.has_digest(key):  # for the next start's first question
        from interviewer.content.digest import digest

        compiled.write_digest(key, digest(content))
    return content


def _load(roots: list[Path]) -> Content:
    content = Content()
    seen: set[Path] = set()
    for root in roots:
        if not root.exists():
            content.errors.append(ContentError(root, None, "", "no such file or directory"))
            continue
        found = list(dict.fromkeys(p.resolve() for p in root_files(root)))
        if not found:
            content.notices.append(
                f"{root} holds no content (expected rubrics/, scenarios/ or scenarios/bank/)"
            )
        layer = _Layer()
        for path in (p for p in found if p not in seen):
            seen.add(path)
            _load_into(content, path, layer, root)
    check_references(content)
    return content


def check_references(content: Content) -> None:
    """Cross-file rules: scenarios name existing rubrics, topics and tracks; prompts are
    unique."""
    topics = {t for q in content.questions.values() for t in q.topics}
    tracks = {
        t for q in content.questions.values() if q.round is RoundKind.domain for t in q.topics
    }
    for scenario in content.scenarios.values():
        path = content.sources[f"scenario:{scenario.id}"]

        def error(field_name: str, message: str, path: Path = path) -> None:
            content.errors.append(ContentError(path, None, field_name, message))

        for i, spec in enumerate(scenario.rounds):
            if spec.rubric not in content.rubrics:
                error(f"rounds[{i}].rubric", f"no rubric '{spec.rubric}'")
            if spec.track is not None and spec.track not in tracks:
                known = ", ".join(sorted(tracks)) or "none"
                error(
                    f"rounds[{i}].track",
                    f"no domain question has track '{spec.track}' (known: {known})",
                )
            pools = [(f"rounds[{i}].pool", spec.pool)] + [
                (f"rounds[{i}].at_level.{level.value}.pool", change.pool)
                for level, change in spec.at_level.items()
                if change.pool is not None
            ]
            for where, pool in pools:
                for topic in pool.topics:
                    if topic not in topics:
                        error(f"{where}.topics", f"no question has topic '{topic}'")
                for qid in pool.ids:
                    if qid not in content.questions:
                        error(f"{where}.ids", f"no question '{qid}'")
    seen: dict[str, str] = {}
    for q in content.questions.values():
        norm = " ".join(q.prompt.lower().split())
        if norm in seen:
            content.errors.append(
                ContentError(
                    content.sources[f"question:{q.id}"],
                    None,
                    q.id,
                    f"same prompt as question '{seen[norm]}'",
                )
            )
        else:
            seen[norm] = q.id
