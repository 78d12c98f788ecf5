"""`load_seed(wb, "")`, a name lost on the way, loaded the bundled seed unasked, as `--db ""`
would have opened ./workbench.db had it not been refused; a NUL byte was a ValueError from
deep in the read. The library judges a seed's name by the CLI's rule (docs/errors.md, "A
file's name"): neither is any file's name, refused before anything is read or stored
(rexits). None is still the bundled seed."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from workbench.domain.errors import InvalidInput
from workbench.services.context import Workbench
from workbench.services.seeds import load_seed

Counts = Callable[[], dict[str, int]]


@pytest.mark.parametrize(("name", "why"), [("", "empty name"), ("a\0b", "NUL byte")])
def test_a_name_that_is_no_files_is_refused(
    wb: Workbench, counts: Counts, name: str, why: str
) -> None:
    before = counts()
    with pytest.raises(InvalidInput, match=why):
        load_seed(wb, name)
    assert counts() == before
