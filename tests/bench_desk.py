"""bench/desk.py loaded as a module for tests (it is a script, not a package's module)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

BENCH_DESK = Path(__file__).resolve().parents[1] / "bench" / "desk.py"


def load_bench_desk(name: str) -> ModuleType:
    """A fresh copy of bench/desk.py under the module name `name`."""
    spec = importlib.util.spec_from_file_location(name, BENCH_DESK)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    # Registered while it runs: its dataclasses look their module up by name.
    sys.modules[spec.name] = module
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules[spec.name]
    return module
