"""Streamed JSON output is byte for byte what the whole value printed at once would be."""

from __future__ import annotations

import json
from typing import Any

import pytest

from workbench.cli.render import emit_json, emit_json_array, emit_json_object

ITEMS: list[Any] = [
    {"id": 1, "text": '估值 "quoted"\n', "tags": ["a", "b"], "rating": None, "anchor": {}},
    {"id": 2, "tags": [], "nested": {"x": [1, {"y": 2.5}]}, "ok": True},
    [],
    "plain",
]


@pytest.mark.parametrize("items", [[], ITEMS[:1], ITEMS])
def test_streamed_object_and_array_match_emit_json(
    items: list[Any], capsys: pytest.CaptureFixture[str]
) -> None:
    fields = {"added": items, "already_present": 3, "skipped": ["row 2: bad"], "none": {}}
    emit_json(fields)
    whole = capsys.readouterr().out
    emit_json_object({**fields, "added": iter(items)})
    assert capsys.readouterr().out == whole
    json.loads(whole)
    emit_json(items)
    whole = capsys.readouterr().out
    emit_json_array(iter(items))
    assert capsys.readouterr().out == whole


def test_empty_object(capsys: pytest.CaptureFixture[str]) -> None:
    emit_json({})
    whole = capsys.readouterr().out
    emit_json_object({})
    assert capsys.readouterr().out == whole
