"""The JSON object of a result: its dataclass fields, in declaration order, under their names.

Most results the services return are shown to scripts (`--json`) field for field; they say so
once by deriving from JsonFields instead of each listing its fields again in a to_json. A
result that renames, omits or derives fields writes its own to_json, starting from as_json.
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from workbench.domain.payloads import event_value

# Values that are already JSON: the common case, answered before any other test.
_PLAIN = frozenset({str, int, float, bool, type(None)})


def json_value(value: Any) -> Any:
    """A field's value in JSON: a nested result as its own to_json, a list or tuple item by
    item, a stored value as events hold it (timestamps and dates as text)."""
    if type(value) in _PLAIN:
        return value
    if isinstance(value, list | tuple):
        return [json_value(v) for v in value]
    if hasattr(value, "to_json"):
        return value.to_json()
    return event_value(value)


def as_json(result: Any) -> dict[str, Any]:
    """A dataclass's fields, in declaration order, as its JSON object."""
    return {f.name: json_value(getattr(result, f.name)) for f in fields(result)}


class JsonFields:
    """For a dataclass whose JSON object is every field in order (see as_json)."""

    __slots__ = ()

    def to_json(self) -> dict[str, Any]:
        return as_json(self)
