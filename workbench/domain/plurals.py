"""Counts said in English: "1 claim", "2 claims". The CLI's lines and the pages and timelines
the exports write share it, so that no page says "1 claims" (trial64)."""

from __future__ import annotations


def plural(n: int, word: str, many: str | None = None) -> str:
    """ "1 document", "2 documents"; `many` where adding an s is wrong ("evidence items")."""
    return f"{n:,} {word if n == 1 else (many or word + 's')}"
