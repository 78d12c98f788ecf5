"""Claim discovery's modules compiled to C by mypyc, used only where they were built from the
sources beside them.

`find_candidates` is pure Python, typed throughout (`mypy --strict`); mypyc compiles those same
sources into extension modules that run it about half again as fast (bench/bench_extract.py).
The build (tools/build_native.py, a hatchling hook run by `pip install`) writes them, with a
manifest of the sources they were compiled from, into `workbench/_native/`, a folder Python's
own import never looks in. `install` puts a finder in front of the import system that answers
for `MODULES` from that folder, and only when every source still reads as it did when compiled:
a source edited since (an editable install, a developer's change), another Python, a missing or
partial build, or `WORKBENCH_PURE_PYTHON` set (to anything but 0), and each of `MODULES` is
imported from its source, as if nothing had been compiled. The manifest holds the digests of
the modules of workbench they import as well (`dependencies`: status, errors, defaults),
against whose types they were compiled: a change there would meet the compiled code's checks of
those types at run time. It is all or none: compiled modules call each other directly, so one
compiled module beside a changed source would run the old code of the others.

Nothing here imports the modules, or hashes a source, until one of `MODULES` is first imported;
every command imports this module (the domain's package does), so what it imports itself is what
the import system has loaded already.
"""

from __future__ import annotations

import importlib.machinery
import os
import sys
from collections.abc import Sequence
from types import ModuleType

# What `find_candidates` runs, compiled as one group (each module's package __init__ stays
# source: the packages themselves are ordinary).
MODULES: tuple[str, ...] = (
    "workbench.domain.checkworthy.candidates",
    "workbench.domain.checkworthy.claim_type",
    "workbench.domain.checkworthy.en_cues",
    "workbench.domain.checkworthy.evidence",
    "workbench.domain.checkworthy.features",
    "workbench.domain.checkworthy.framing",
    "workbench.domain.checkworthy.lead_in",
    "workbench.domain.checkworthy.names",
    "workbench.domain.checkworthy.nonclaims",
    "workbench.domain.checkworthy.quotes",
    "workbench.domain.checkworthy.reposts",
    "workbench.domain.checkworthy.scan",
    "workbench.domain.checkworthy.scoring",
    "workbench.domain.checkworthy.tables",
    "workbench.domain.checkworthy.widths",
    "workbench.domain.checkworthy.zh_cues",
    "workbench.domain.checkworthy_model",
    "workbench.domain.covered",
    "workbench.domain.segment",
    "workbench.domain.transcript",
    "workbench.domain.turn_context",
)
# mypyc's group: the shared library every module of the group loads is `<GROUP>__mypyc`.
GROUP = "workbench_native"
SHARED = f"{GROUP}__mypyc"
MANIFEST = "manifest.json"
PURE_ENV = "WORKBENCH_PURE_PYTHON"

# workbench/ (this file is workbench/domain/native.py): where the sources and _native/ are.
# Paths as strings: pathlib is no import of a command's start otherwise.
PACKAGE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NATIVE_DIR = os.path.join(PACKAGE_DIR, "_native")


def pure_requested() -> bool:
    """Whether `WORKBENCH_PURE_PYTHON` asks for the sources (set, and neither empty nor 0)."""
    return os.environ.get(PURE_ENV, "") not in ("", "0")


def source_of(module: str, package_dir: str = PACKAGE_DIR) -> str:
    """The source file of `module` (one of `MODULES`) under `package_dir` (workbench/)."""
    return os.path.join(package_dir, *module.split(".")[1:]) + ".py"


def compiled_name(module: str, suffix: str) -> str:
    """Where a build puts `module`'s compiled file, relative to _native/: mypyc's own layout
    (workbench/domain/segment.<suffix>, the shared library at the top), for the modules it loads
    itself, without the import system, name their files from it."""
    return os.path.join(*module.split(".")) + suffix


def dependencies(package_dir: str = PACKAGE_DIR) -> list[str]:
    """The sources of the modules of workbench that `MODULES` import, directly or through each
    other, that are not `MODULES` (paths relative to `package_dir`, sorted). Read at build time
    (`ast`: too slow for every start)."""
    import ast

    def path_of(module: str) -> str | None:
        base = os.path.join(package_dir, *module.split(".")[1:])
        for candidate in (base + ".py", os.path.join(base, "__init__.py")):
            if os.path.isfile(candidate):
                return candidate
        return None

    found: set[str] = set()
    todo = list(MODULES)
    seen = set(todo)
    while todo:
        module = todo.pop()
        path = path_of(module)
        if path is None:
            continue
        if module not in MODULES:
            found.add(os.path.relpath(path, package_dir))
        with open(path, encoding="utf-8") as file:
            tree = ast.parse(file.read())
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names = [node.module]
                names += [f"{node.module}.{alias.name}" for alias in node.names]
            for name in names:
                if name.split(".")[0] == "workbench" and name not in seen and path_of(name):
                    seen.add(name)
                    todo.append(name)
    return sorted(found)


def digest(path: str) -> str:
    import hashlib

    with open(path, "rb") as source:
        return hashlib.sha256(source.read()).hexdigest()


def manifest(package_dir: str, suffix: str, depends: list[str]) -> dict[str, object]:
    """What a build records beside the modules it compiled: the extension suffix they were
    built for (the Python and platform), each module's source digest, and the digests of the
    sources `depends` (paths relative to `package_dir`: see `dependencies`)."""
    return {
        "suffix": suffix,
        "modules": {m: digest(source_of(m, package_dir)) for m in MODULES},
        "depends": {d: digest(os.path.join(package_dir, d)) for d in depends},
    }


def compiled_files(
    native_dir: str = NATIVE_DIR,
    package_dir: str = PACKAGE_DIR,
    suffixes: Sequence[str] = tuple(importlib.machinery.EXTENSION_SUFFIXES),
) -> dict[str, str] | None:
    """The compiled file of each of `MODULES` and of the group's shared library, or None when
    the sources must be used instead (see the module's docstring for when)."""
    import json

    if pure_requested():
        return None
    try:
        with open(os.path.join(native_dir, MANIFEST), encoding="utf-8") as file:
            recorded = json.load(file)
        suffix = recorded["suffix"]
        if not isinstance(suffix, str) or suffix not in suffixes:
            return None
        files = {m: os.path.join(native_dir, compiled_name(m, suffix)) for m in (*MODULES, SHARED)}
        if not all(os.path.isfile(path) for path in files.values()):
            return None
        depends = recorded["depends"]
        if not isinstance(depends, dict) or recorded != manifest(package_dir, suffix, [*depends]):
            return None
    except (OSError, ValueError, KeyError, TypeError):
        return None  # no build, or a manifest that is not one: the sources
    return files


class _Finder:
    """Answers for `MODULES` and the shared library with their compiled files, when
    `compiled_files` has them; for any other module, and otherwise, leaves the import to the
    finders after it."""

    def __init__(self) -> None:
        self._files: dict[str, str] | None = None
        self._decided = False

    def files(self) -> dict[str, str] | None:
        if not self._decided:
            self._files = compiled_files()
            self._decided = True
        return self._files

    def find_spec(
        self,
        fullname: str,
        path: Sequence[str] | None,
        target: ModuleType | None = None,
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname not in _NAMES:
            return None
        files = self.files()
        if files is None:
            return None
        location = files[fullname]
        loader = importlib.machinery.ExtensionFileLoader(fullname, location)
        spec = importlib.machinery.ModuleSpec(fullname, loader, origin=location)
        spec.has_location = True  # so the module's __file__ is its compiled file
        return spec


_NAMES = frozenset((*MODULES, SHARED))
_FINDER = _Finder()


def install() -> None:
    """Put the finder first on `sys.meta_path` (once)."""
    if _FINDER not in sys.meta_path:
        sys.meta_path.insert(0, _FINDER)


def active() -> bool:
    """Whether `MODULES` are (or, not yet imported, will be) the compiled ones."""
    return _FINDER in sys.meta_path and _FINDER.files() is not None
