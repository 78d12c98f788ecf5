"""Where a seed file's document may be: beside the seed (review52)."""

from __future__ import annotations

from pathlib import PurePath


def beside_the_seed(value: str) -> str:
    """A seed's document names a file in the seed's folder or below it: a seed file someone
    sent read /etc/passwd, or ../../.env, into the desk's database (review52)."""
    if "\0" in value:
        raise ValueError("a file name holds no NUL character")
    parts = PurePath(value.replace("\\", "/")).parts
    if not parts or PurePath(value).is_absolute() or value.startswith(("/", "\\")) or ".." in parts:
        raise ValueError(
            f"{value!r} is not a file beside the seed file: name it relative to the seed's "
            "folder, inside it"
        )
    return value
