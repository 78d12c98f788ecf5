"""`import annotations` of a file whose generator names its shape otherwise than as "2" or "3".

fix207 refused a file of a later shape (its generator's `schema:softwareVersion` "3"), but only
when the shape was a string of digits alone, and only once the annotation's bodies and
selectors had been read as this shape's:

- a JSON number (`3`, as a hand-made or another program's file writes a version), "3.0" or
  "3.1" was compared silently as if it named no shape, as fix207 found "3" was;
- a shape of 5,000 digits ended the command in a traceback (int() refuses so many digits);
- a later shape's annotation whose text this reader does not find where shape 2 writes it was
  refused as "no textual body", a fault of the file, where it was a later release's;
- "2.0", or the number 2, was read as naming no shape: a speaker taken out of it went unsaid.

Run on both backends.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.cli.test_import_annotations_differs import _desk, _exported, _saved
from tests.cli.test_spreadsheet_round_trip_trial97 import _head


def _shaped(cli: Any, tmp_path: Path, shape: object) -> Path:
    _desk(cli, tmp_path)
    data = _exported(cli, tmp_path)
    data["first"]["items"][1]["generator"]["schema:softwareVersion"] = shape
    return _saved(tmp_path, data)


@pytest.mark.parametrize(
    ("shape", "said"),
    [
        (3, "3"),
        ("3.0", "3.0"),
        ("3.1", "3.1"),
        (" 10 ", "10"),
        (3.5, "3.5"),
        # A JSON-LD value object, as a body's value is read (`_value_text`).
        ({"@value": "3"}, "3"),
    ],
)
def test_a_later_shape_written_otherwise_is_refused(
    cli: Any, tmp_path: Path, shape: object, said: str
) -> None:
    later = _shaped(cli, tmp_path, shape)
    before = _head(cli)
    r = cli("import", "annotations", str(later), "--doc", "1", "--dry-run", "--json")
    assert (r.code, r.out) == (1, ""), (r.out, r.err)
    error = json.loads(r.err)["error"]
    assert (error["kind"], error["reason"]) == ("invalid_input", "newer_annotations"), error
    assert error["message"].startswith(
        "annotation 2 was written by a later workbench (its generator's "
        f"schema:softwareVersion is {said}; this workbench reads annotations of shape 2 and "
        "older)"
    ), error
    assert _head(cli) == before


def test_a_shape_of_thousands_of_digits_is_refused_in_one_short_line(
    cli: Any, tmp_path: Path
) -> None:
    later = _shaped(cli, tmp_path, "9" * 5000)
    r = cli("import", "annotations", str(later), "--doc", "1")
    assert (r.code, r.out) == (1, ""), (r.out, r.err)
    (line,) = r.err.splitlines()
    assert line.startswith("error: annotation 2 was written by a later workbench"), line
    assert len(line) < 400, len(line)


def test_a_later_shapes_annotation_is_refused_as_later_whatever_it_writes_otherwise(
    cli: Any, tmp_path: Path
) -> None:
    """A later release may write the claim's text (or its offsets) otherwise: this reader,
    finding none as shape 2 writes it, is to say the file is a later release's, not that its
    describing body has no text value."""
    _desk(cli, tmp_path)
    data = _exported(cli, tmp_path)
    second = data["first"]["items"][1]
    second["generator"]["schema:softwareVersion"] = "3"
    (describing,) = [b for b in second["body"] if b.get("purpose") == "describing"]
    describing["value"] = {"zh": describing["value"]}
    r = cli("import", "annotations", str(_saved(tmp_path, data)), "--doc", "1", "--json")
    assert r.code == 1, (r.out, r.err)
    error = json.loads(r.err)["error"]
    assert error["reason"] == "newer_annotations", error


@pytest.mark.parametrize("shape", ["2.0", 2, "２"])
def test_shape_two_written_otherwise_is_read_as_shape_two(
    cli: Any, tmp_path: Path, shape: object
) -> None:
    """Of this shape, an annotation without its speaker has had it taken out: said."""
    _desk(cli, tmp_path)
    data = _exported(cli, tmp_path)
    first = data["first"]["items"][0]
    first["generator"]["schema:softwareVersion"] = shape
    del first["target"]["creator"]
    r = cli("import", "annotations", str(_saved(tmp_path, data)), "--doc", "1", "--json")
    assert r.code == 0, (r.out, r.err)
    assert json.loads(r.out)["differs"] == [
        {"row": 1, "claim": 1, "fields": ["speaker"], "emptied": ["speaker"]}
    ], r.out


@pytest.mark.parametrize("shape", ["", "beta", True, None, -3, "3a"])
def test_a_shape_that_is_no_number_is_read_as_none_named(
    cli: Any, tmp_path: Path, shape: object
) -> None:
    """As before: imported, its fields compared only where it gives them."""
    _desk(cli, tmp_path)
    data = _exported(cli, tmp_path)
    first = data["first"]["items"][0]
    first["generator"]["schema:softwareVersion"] = shape
    del first["target"]["creator"]
    r = cli("import", "annotations", str(_saved(tmp_path, data)), "--doc", "1", "--json")
    assert r.code == 0, (r.out, r.err)
    assert json.loads(r.out)["differs"] == [], r.out
