"""The English Snowball stemmer alone.

`import snowballstemmer` imports all of its thirty-odd languages; the judge needs one.
The package's folder is mounted under a private name, so its English module loads with
its two helpers and nothing else (and a later plain `import snowballstemmer` elsewhere is
unaffected). Should that ever fail, the ordinary import is used.
"""

import importlib
import sys
import types
from importlib.util import find_spec
from typing import Any

_ALIAS = "interviewer_snowball_english"


def english_stemmer() -> Any:
    try:
        spec = find_spec("snowballstemmer")
        if spec is None or not spec.submodule_search_locations:
            raise ImportError("snowballstemmer has no package folder")
        if _ALIAS not in sys.modules:
            package = types.ModuleType(_ALIAS)
            package.__path__ = list(spec.submodule_search_locations)
            sys.modules[_ALIAS] = package
        module = importlib.import_module(f"{_ALIAS}.english_stemmer")
        return module.EnglishStemmer()
    except Exception:
        import snowballstemmer

        return snowballstemmer.stemmer("english")
