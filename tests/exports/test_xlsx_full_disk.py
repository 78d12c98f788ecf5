"""trial96: `export claims --format xlsx -o FILE` on a full disk said its one line (`error: No
space left on device`) and then three tracebacks ("Exception ignored in: <function
ZipFile.__del__ ...> ValueError: seek of closed file", and two of openpyxl's sheet writers,
lxml's "inconsistent exit action in context manager"): openpyxl's save failed at its first
write into the zip, before it had closed the sheet, and left the zip archive and the sheet's
writers half-way; they were cleaned up at exit, the file under them already closed."""

from __future__ import annotations

import errno
import gc
import io
import sys
from typing import Any

import pytest

from tests.exports.test_xlsx_streams import _rows
from workbench.exports import table_xlsx


class FullDisk(io.BytesIO):
    """A file on a disk with no room left: every write is refused, as the system refuses it."""

    def write(self, data: Any) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")


def test_a_sheet_that_cannot_be_written_leaves_nothing_to_clean_up_at_exit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    unraisable: list[str] = []
    monkeypatch.setattr(
        sys, "unraisablehook", lambda u: unraisable.append(f"{u.object!r}: {u.exc_value!r}")
    )
    out = FullDisk()
    with pytest.raises(OSError, match="No space left"):
        table_xlsx.write(_rows(3), out)
    out.close()  # as new_file.writing closes it, and removes the file
    gc.collect()
    assert unraisable == []
