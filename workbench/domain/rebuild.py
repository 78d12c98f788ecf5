"""Pickling and copying the domain's dataclasses where they are compiled (see `native`).

A class mypyc compiles is pickled, and copied by `copy`, through its constructor only when it
says how: the default way sets its fields one by one on an empty instance, which a frozen
dataclass refuses (FrozenInstanceError) and a compiled class cannot make (it has no empty
instance). A class whose `__reduce__` is `by_fields` is rebuilt by calling it with its fields
as given at construction, what the sources do too, compiled or not.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any


def by_fields(obj: Any) -> tuple[Callable[..., Any], tuple[Any, ...]]:
    """`obj`'s class and the values of its constructor's fields, in their order (what is
    derived in `__post_init__` is derived again)."""
    fields = dataclasses.fields(obj)
    return type(obj), tuple(getattr(obj, f.name) for f in fields if f.init)
