"""`workbench demo`'s seed: the bundled article and its claims, loaded once."""

from __future__ import annotations

from workbench.services.context import Workbench
from workbench.services.seed_files import SeedResult, loaded_seed


def ensure_seed(wb: Workbench, path: str | None = None) -> SeedResult:
    """The seed loaded: answered on a read when it already is, else by the full loader (which
    also starts a database that is not there yet: a read would refuse to)."""
    found = None if wb.missing_file() or wb.empty_file() else loaded_seed(wb, path)
    if found is not None:
        return found
    from workbench.services.seeds import load_seed

    return load_seed(wb, path)
