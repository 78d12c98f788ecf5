"""Hatchling build hook: compile claim discovery's modules with mypyc (workbench/domain/native.py).

Run by `pip install` (pyproject.toml, [tool.hatch.build.targets.wheel.hooks.custom]): an
editable install writes the compiled modules into workbench/_native/ of the checkout (ignored by
git; `native` uses them only while the sources match the manifest written with them); a wheel
carries them in its own workbench/_native/. Where they cannot be built (no C compiler, no Python
headers, mypyc refusing a source), the build says why and goes on without them: the install is
then pure Python, as correct and slower. `WORKBENCH_PURE_PYTHON=1` skips the build; every build
first removes the one before.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import sys
import sysconfig
import tempfile
from pathlib import Path
from types import ModuleType
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


def _native(root: Path) -> ModuleType:
    """workbench/domain/native.py, read by path: the list of modules lives there alone, and
    importing the package would run its __init__ (and need what it imports) at build time."""
    spec = importlib.util.spec_from_file_location(
        "_workbench_native_build", root / "workbench" / "domain" / "native.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def build(root: Path, out: Path, native: ModuleType) -> list[Path]:
    """Compile the modules of `native.MODULES` (`native`: workbench/domain/native.py, see
    `_native`) under `root` into `out` (which must not exist), in mypyc's layout, with the
    manifest; the files written, relative to `out`."""
    from mypyc.build import mypycify  # build-time only: pyproject's [build-system] has mypy
    from setuptools import Distribution

    package = str(root / "workbench")
    sources = [os.path.relpath(native.source_of(m, package), root) for m in native.MODULES]
    suffix = sysconfig.get_config_var("EXT_SUFFIX")  # what build_ext names them with
    # The digests of the sources as they are compiled: read before, so that a source saved
    # during the build is not recorded as compiled.
    manifest = native.manifest(package, suffix, native.dependencies(package))
    with tempfile.TemporaryDirectory(prefix="workbench-native-") as tmp:
        work = Path(tmp)
        cwd = os.getcwd()
        os.chdir(root)  # mypyc names each module by its path from here
        try:
            extensions = mypycify(
                [
                    # The compiled modules import only the standard library and workbench;
                    # what workbench imports besides may not be installed yet (pip builds the
                    # project before its dependencies): typed as Any, it changes nothing
                    # compiled.
                    "--ignore-missing-imports",
                    # not the checkout's .mypy_cache, which `mypy --strict` keeps
                    f"--cache-dir={work / 'mypy-cache'}",
                    *sources,
                ],
                opt_level="3",
                group_name=native.GROUP,
                target_dir=str(work / "c"),
                multi_file=True,  # several C files, compiled in parallel below
            )
            dist = Distribution({"name": "workbench-native", "ext_modules": extensions})
            command: Any = dist.get_command_obj("build_ext")
            command.build_lib = str(work / "lib")
            command.build_temp = str(work / "temp")
            command.parallel = os.cpu_count() or 1
            command.ensure_finalized()
            command.run()
        finally:
            os.chdir(cwd)
        written: list[Path] = []
        for name in (*native.MODULES, native.SHARED):
            relative = Path(native.compiled_name(name, suffix))
            target = out / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            # FileNotFoundError if mypyc named it otherwise: the build fails, the install is pure
            shutil.copy2(work / "lib" / relative, target)
            written.append(relative)
    # Written last: a build stopped before this leaves no manifest, which `native` never uses.
    text = json.dumps(manifest, indent=1, sort_keys=True) + "\n"
    (out / native.MANIFEST).write_text(text, encoding="utf-8")
    written.append(Path(native.MANIFEST))
    return written


class NativeBuildHook(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel":
            return
        root = Path(self.root)
        editable = version == "editable"
        out = root / "workbench" / "_native" if editable else Path(self.directory) / "_native"
        # An earlier build goes first, whatever follows: a pure install, or one whose compile
        # fails, must not leave the old modules in use.
        shutil.rmtree(out, ignore_errors=True)
        native = _native(root)
        if native.pure_requested():
            return
        try:
            written = build(root, out, native)
        except (Exception, SystemExit) as exc:  # mypyc exits on a type error; pure Python works
            shutil.rmtree(out, ignore_errors=True)
            # (pip shows a build's output with -v; `workbench --version` says which runs.)
            print(
                f"workbench: claim discovery not compiled ({type(exc).__name__}: {exc}); "
                "installing it as pure Python",
                file=sys.stderr,
            )
            return
        build_data["pure_python"] = False
        build_data["infer_tag"] = True
        if not editable:
            for relative in written:
                build_data["force_include"][str(out / relative)] = (
                    f"workbench/_native/{relative.as_posix()}"
                )

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        if version != "editable":
            shutil.rmtree(Path(self.directory) / "_native", ignore_errors=True)
