"""`doc update` says `quote gone` of the claims the revision it stored removed; a claim whose
quote an earlier revision removed is named once, as still gone, not said gone again."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.inprocess import ok

pytestmark = pytest.mark.usefixtures("trail_proves_itself")

P1 = "Unemployment fell to 3.5% in March, the lowest level since 1969."
P2 = "Exports to China rose by 12% last year according to the trade ministry."
P3 = "The city spent 2.8 million dollars on the new bridge, officials said."


def _file(tmp_path: Path, name: str, *paragraphs: str) -> str:
    path = tmp_path / name
    path.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return str(path)


def test_doc_update_names_a_quote_gone_once(cli: Callable[..., Any], tmp_path: Path) -> None:
    ok(cli("doc", "add", _file(tmp_path, "a.txt", P1, P2, P3)))
    ok(cli("claim", "add", "1", "--text", "Exports rose 12%.", "--quote", "rose by 12% last year"))
    r = ok(cli("doc", "update", "1", _file(tmp_path, "b.txt", P1, P3)))
    assert "  #1 quote gone: rose by 12% last year" in r.out.splitlines(), r.out
    r = ok(cli("doc", "update", "1", _file(tmp_path, "c.txt", P1, P3.replace("officials", "we"))))
    assert "quote gone" not in r.out, r.out
    assert "  still gone, as in the revision before: #1" in r.out.splitlines(), r.out
