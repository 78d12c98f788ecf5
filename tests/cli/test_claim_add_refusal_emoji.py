"""`claim add --quote`'s "nearest passage" refusal writes an emoji as it is drawn.

A new-user trial typed a quote with a typo before a family emoji: stderr said the passage as
Python's repr, `'The family 👩\\u200d👩\\u200d👧 came'`, which pasted back was no quote of the
document. The passage is now written as the document has it, in quotes, to copy.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

Run = Callable[..., Any]

FAMILY = "\U0001f469\u200d\U0001f469\u200d\U0001f467"


def test_nearest_passage_is_copyable(cli: Run, tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(f"The family {FAMILY} came home.\n", encoding="utf-8")
    assert cli("doc", "add", str(path)).code == 0
    refused = cli("claim", "add", "1", "--text", "T", "--quote", f"the famliy {FAMILY} came")
    assert refused.code == 1
    assert f"is 'The family {FAMILY} came' at characters 0–" in refused.err, refused.err
    assert "\\u200d" not in refused.err
