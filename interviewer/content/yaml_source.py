"""YAML parsing that remembers where each value came from, for precise error messages."""

from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from interviewer.content.errors import ContentError, ContentInvalid

M = TypeVar("M", bound=BaseModel)

# libyaml's parser is ~30x faster than the pure-Python one; the bank is parsed at start-up.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _node_line(root: yaml.Node | None, loc: tuple[int | str, ...]) -> int | None:
    """The 1-based line of the node at `loc`, or of its nearest existing ancestor."""
    node = root
    line = node.start_mark.line + 1 if node is not None else None
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            found = None
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode) and key.value == str(part):
                    found = (key, value)
                    break
            if found is None:
                return line
            key, node = found
            # A scalar's problem is on its own line; a block's on its key's line.
            line = key.start_mark.line + 1
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            if part >= len(node.value):
                return line
            node = node.value[part]
            line = node.start_mark.line + 1
        else:
            return line
    return line


def _loc_text(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def read_yaml(path: Path) -> tuple[Any, yaml.Node | None]:
    """Parse a YAML file once into data plus its node tree; syntax errors carry the line."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ContentInvalid([ContentError(path, None, "", f"cannot read: {exc}")]) from exc
    try:
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = " ".join(p for p in (exc.context, exc.problem) if p)
        raise ContentInvalid([ContentError(path, line, "", f"YAML syntax: {problem}")]) from exc
    except yaml.YAMLError as exc:
        raise ContentInvalid([ContentError(path, None, "", f"YAML: {exc}")]) from exc
    duplicates = duplicate_keys(path, node)
    if duplicates:
        raise ContentInvalid(duplicates)
    return data, node


def duplicate_keys(path: Path, root: yaml.Node | None) -> list[ContentError]:
    """A key given twice in one mapping: YAML keeps the last silently, which hides a typo
    or a pasted block; here it is an error at both lines."""
    errors = []
    stack: list[tuple[yaml.Node, tuple[int | str, ...]]] = [(root, ())] if root else []
    seen: set[int] = set()  # an alias repeats a node: walk it once
    while stack:
        node, loc = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            first: dict[str, int] = {}
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode) and key.tag != "tag:yaml.org,2002:merge":
                    line = key.start_mark.line + 1
                    if key.value in first:
                        errors.append(
                            ContentError(
                                path,
                                line,
                                _loc_text((*loc, key.value)),
                                f"duplicate key '{key.value}' (first on line "
                                f"{first[key.value]}); YAML would keep only the last",
                            )
                        )
                    else:
                        first[key.value] = line
                    stack.append((value, (*loc, key.value)))
                else:
                    stack.append((value, loc))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, (*loc, i)) for i, item in enumerate(node.value))
    return sorted(errors, key=lambda e: e.line or 0)


def validation_errors(
    path: Path, node: yaml.Node | None, exc: ValidationError, prefix: tuple[int | str, ...] = ()
) -> list[ContentError]:
    errors = []
    for err in exc.errors():
        loc = prefix + tuple(err["loc"])
        msg = err["msg"]
        if err["type"] == "extra_forbidden":
            msg = "unknown field (check the spelling; allowed fields are in the schema)"
        errors.append(ContentError(path, _node_line(node, loc), _loc_text(loc), msg))
    return errors


def load_model(path: Path, model: type[M]) -> M:
    data, node = read_yaml(path)
    if not isinstance(data, dict):
        raise ContentInvalid([ContentError(path, 1, "", "expected a mapping at the top level")])
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise ContentInvalid(validation_errors(path, node, exc)) from exc
