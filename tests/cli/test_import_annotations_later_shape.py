"""`import annotations` of a file a later workbench's export wrote (a later shape).

An export names the shape of what it writes on its generator (`schema:softwareVersion`, "2"
today). A file whose generator named "3" (a later release's export, which may write a field
otherwise or leave one out) was compared silently as if it named none: its annotations
imported, their differences from the claims judged by rules of a shape this workbench does
not know. It is refused whole, one line, before anything is written, naming the shape it
gives and the one this workbench reads (reason `newer_annotations`), with --skip-bad and
--dry-run too. Run on both backends.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.cli.test_import_annotations_differs import _desk, _exported, _saved
from tests.cli.test_spreadsheet_round_trip_trial97 import _head

SAID = (
    "error: annotation 2 was written by a later workbench (its generator's "
    "schema:softwareVersion is 3; this workbench reads annotations of shape 2 and older): "
    "nothing imported; import it with that release or a newer one"
)


def _later(cli: Any, tmp_path: Path) -> Path:
    _desk(cli, tmp_path)
    data = _exported(cli, tmp_path)
    data["first"]["items"][1]["generator"]["schema:softwareVersion"] = "3"
    return _saved(tmp_path, data)


def test_a_later_shape_is_refused_whole(cli: Any, tmp_path: Path) -> None:
    later = _later(cli, tmp_path)
    before = _head(cli)
    for extra in ((), ("--skip-bad",), ("--dry-run",)):
        r = cli("import", "annotations", str(later), "--doc", "1", *extra)
        assert (r.code, r.out) == (1, ""), (extra, r.out, r.err)
        assert r.err.splitlines() == [SAID], (extra, r.err)
    assert _head(cli) == before


def test_a_later_shapes_refusal_has_a_reason_a_script_reads(cli: Any, tmp_path: Path) -> None:
    later = _later(cli, tmp_path)
    r = cli("import", "annotations", str(later), "--doc", "1", "--json")
    assert r.code == 1, (r.out, r.err)
    error = json.loads(r.err)["error"]
    assert (error["kind"], error["reason"]) == ("invalid_input", "newer_annotations"), error


def test_this_shape_and_an_older_one_are_read(cli: Any, tmp_path: Path) -> None:
    """Shape 2, and an export that named none (older): imported, not refused."""
    _desk(cli, tmp_path)
    data = _exported(cli, tmp_path)
    r = cli("import", "annotations", str(_saved(tmp_path, data)), "--doc", "1")
    assert r.code == 0, r.err
    for item in data["first"]["items"]:
        del item["generator"]["schema:softwareVersion"]
    r = cli("import", "annotations", str(_saved(tmp_path, data)), "--doc", "1")
    assert r.code == 0, r.err
