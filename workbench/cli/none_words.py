"""What a value typed where a value is removed by --clear says when it means "none": the rule
`claim due DATE` and `claim assign --to NAME` both read, to point at --clear."""

from __future__ import annotations

import unicodedata

# What people type for "no date" (a spreadsheet's habits included); a value of marks and
# spaces alone ('', '-', '—', '/') says it too.
NONE_WORDS = frozenset(
    ("none", "no", "null", "nil", "n/a", "na", "tbd", "clear", "无", "没有", "暂无", "不限", "清除")
)


def means_none(value: str, *, words: bool = True) -> bool:
    """Whether `value` says "none": empty or spaces; with `words`, also one of NONE_WORDS or
    marks alone. A name is read without them (`claim assign --to`): Na is a surname, and a
    name of marks alone has its own refusal."""
    if not value.strip():
        return True
    if not words:
        return False
    # In either width, as a date is read: a Chinese IME's full-width mode types ｎｏｎｅ.
    typed = unicodedata.normalize("NFKC", value).strip().casefold()
    return typed in NONE_WORDS or not any(c.isalnum() for c in typed)
