"""A JSON array read an element at a time: the same values as json.loads whatever the chunk
size, and every way the text can be wrong refused with where."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.domain import json_stream
from workbench.domain.errors import InvalidInput
from workbench.domain.json_stream import NotAnArray, iter_array

LIMIT = 10_000

scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(alphabet=st.characters(codec="utf-8"), max_size=20)
)
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4)
    ),
    max_leaves=12,
)


def elements(text: str, chunk: int, monkeypatch: pytest.MonkeyPatch, limit: int = LIMIT) -> Any:
    monkeypatch.setattr(json_stream, "CHUNK", chunk)
    return list(iter_array(io.StringIO(text).read, limit))


@settings(max_examples=150, deadline=None)
@given(
    items=st.lists(values, max_size=6),
    chunk=st.integers(min_value=1, max_value=40),
    ascii_only=st.booleans(),
    indent=st.sampled_from([None, 0, 2]),
)
def test_the_elements_are_json_loads_values_at_any_chunk_size(
    items: list[Any], chunk: int, ascii_only: bool, indent: int | None
) -> None:
    text = json.dumps(items, ensure_ascii=ascii_only, indent=indent)
    with pytest.MonkeyPatch.context() as mp:
        assert elements(text, chunk, mp) == json.loads(text)


@settings(max_examples=150, deadline=None)
@given(
    items=st.lists(values, min_size=1, max_size=6),
    cut=st.floats(min_value=0, max_value=1, exclude_max=True),
    chunk=st.integers(min_value=1, max_value=40),
)
def test_every_truncation_is_refused(items: list[Any], cut: float, chunk: int) -> None:
    """A proper prefix of an array is never an array: however the file was cut short, and
    wherever the chunks fall, the reader refuses it rather than return fewer rows."""
    text = json.dumps(items)
    prefix = text[: int(len(text) * cut)]
    with pytest.MonkeyPatch.context() as mp, pytest.raises(InvalidInput):
        elements(prefix, chunk, mp)


@pytest.mark.parametrize("chunk", [1, 3, 65536])
@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "it is empty"),
        ('{"a": 1}', "it starts with '{'"),
        ("[", "not valid JSON: the text ends at line 1 column 2 without the array's closing ']'"),
        ('[{"a": 1},', "without the array's closing ']'"),
        ('[{"a": "b', r"row 1: not valid JSON: the text ends at line 1 column 10 inside this"),
        ("[1, 2", r"^not valid JSON: the text ends at line 1 column 6 without the array's"),
        ('[{"a": 1}, {"b": 2}', "without the array's closing ']'"),
        ('[{"a": 1}] x', r"more text after the array's closing '\]' \(line 1 column 12\)"),
        ('[{"a": 1}]]', r"more text after the array's closing '\]'"),
        ('[{"a": 1},]', r"a ',' before the closing '\]'"),
        ('[{"a": 1} {"b": 2}]', r"row 2: not valid JSON: expected ',' or '\]' after an element"),
        ('[\n {"a": 1},\n {"a": tru}\n]', r"row 2: not valid JSON: expecting value \(line 3"),
        ('[{"a": 1}, {"a": 2.}]', "row 2: not valid JSON: expecting ',' delimiter"),
        ('[{"a": "x\ny"}]', "row 1: not valid JSON: invalid control character"),
        ("[,]", "row 1: not valid JSON: expecting value"),
    ],
)
def test_bad_arrays_are_refused_saying_where(
    text: str, fragment: str, chunk: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(InvalidInput, match=fragment):
        elements(text, chunk, monkeypatch)


def test_not_an_array_is_its_own_error(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(NotAnArray):
        elements('"rows"', 4, monkeypatch)


@pytest.mark.parametrize("chunk", [1, 7, 65536])
def test_an_element_over_the_limit_is_refused_before_it_is_all_read(
    chunk: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = json.dumps([{"a": 1}, {"text": "x" * 100}, {"a": 2}])
    assert elements(big, chunk, monkeypatch, limit=200)[1] == {"text": "x" * 100}
    with pytest.raises(InvalidInput, match="row 2: the element is over 50 characters"):
        elements(big, chunk, monkeypatch, limit=50)
    # An element that never ends is refused once the limit is read, not at the end of the file.
    endless = '[{"a": 1}, {"text": "' + "y" * 10_000
    read: list[int] = []
    source = io.StringIO(endless)

    def reading(size: int) -> str:
        read.append(size)
        return source.read(size)

    monkeypatch.setattr(json_stream, "CHUNK", 16)
    with pytest.raises(InvalidInput, match="row 2: the element is over 100 characters"):
        list(iter_array(reading, 100))
    assert sum(read) < 200


def test_a_number_split_by_the_chunk_edge_is_read_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "[1, 23, 4.5e3, -0.25E-2, 1234567890123456789012]"
    for chunk in range(1, len(text) + 1):
        assert elements(text, chunk, monkeypatch) == json.loads(text), chunk
