"""Range checks on numbers: the message names what was out of range (an id, a version)."""

from __future__ import annotations

import pytest

from workbench.defaults import INT_MAX
from workbench.domain.errors import InvalidInput
from workbench.domain.inputs import check_id


def test_an_id_out_of_range_is_called_an_id() -> None:
    with pytest.raises(InvalidInput, match=f"^id 0 is out of range: ids run from 1 to {INT_MAX}$"):
        check_id(0)


def test_a_version_out_of_range_is_called_a_version() -> None:
    with pytest.raises(InvalidInput) as caught:
        check_id(-3, "version")
    assert caught.value.message == f"version -3 is out of range: versions run from 1 to {INT_MAX}"
    assert check_id(3, "version") == 3
