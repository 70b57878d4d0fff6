"""Packs the top-level content folders into the wheel.

The shipped rubrics/ and scenarios/ live at the top of the repository, where users read
and edit them; an installed (non-editable) package finds its copy in
`interviewer/_content/`. An editable install reads the top-level folders directly.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

CONTENT_FOLDERS = ("rubrics", "scenarios")


class BuildPyWithContent(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        here = Path(__file__).resolve().parent
        target = Path(self.build_lib) / "interviewer" / "_content"
        for folder in CONTENT_FOLDERS:
            destination = target / folder
            if destination.exists():
                shutil.rmtree(destination)
            for source in sorted((here / folder).rglob("*.yaml")):
                copy = destination / source.relative_to(here / folder)
                copy.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, copy)


setup(cmdclass={"build_py": BuildPyWithContent})
