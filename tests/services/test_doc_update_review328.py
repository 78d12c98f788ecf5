"""review328, of race322's `doc update` changes.

- A document with no stored URL, updated with no FILE|URL|- and an `--if-revision` it is not
  at, was refused as a conflict whose hint said to run the update again with the latest
  revision: run so, it was then refused for its missing source. The missing source is said
  first, as without `--if-revision`: no run of that command can succeed."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.domain.errors import InvalidInput
from workbench.services.context import Workbench
from workbench.services.documents import NO_SOURCE, add_from, update_from

TEXT = "The council approved the budget on Monday.\n\nSpending rises by {n} percent next year.\n"


def _written(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_no_source_is_said_before_another_revision(wb: Workbench, tmp_path: Path) -> None:
    doc = add_from(wb, str(_written(tmp_path / "a.txt", TEXT.format(n=4)))).document
    assert doc.url is None
    for expected in (1, 2):
        with pytest.raises(InvalidInput) as refused:
            update_from(wb, doc.id, None, expected_revision=expected)
        assert refused.value.reason == NO_SOURCE, refused.value.message
