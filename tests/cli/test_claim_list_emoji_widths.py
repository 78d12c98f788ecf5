"""`claim list` lays out a claim holding multi-part emoji by the cells they take.

A new-user trial listed a claim whose text opened with family emoji (👩‍👩‍👧‍👦: four people
and three zero-width joiners): piped, the text was cut after four of eight families, far short
of its 70 cells, each family counted as 8; at 60 columns a family was broken over two lines.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.inprocess import ok

Run = Callable[..., Any]

FAMILY = "\U0001f469\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466"
TEXT = "Family " + FAMILY * 8 + " won prizes twice"


def _listed(cli: Run, tmp_path: Path, env: dict[str, str] | None = None) -> str:
    path = tmp_path / "story.txt"
    path.write_text("The family won prizes twice.\n", encoding="utf-8")
    ok(cli("doc", "add", str(path)))
    ok(cli("claim", "add", "1", "--text", TEXT, "--quote", "won prizes"))
    out: str = ok(cli("claim", "list", env=env)).out
    return out


def test_piped_claim_list_clips_by_drawn_cells(cli: Run, tmp_path: Path) -> None:
    out = _listed(cli, tmp_path)
    assert TEXT in out, out


def test_narrow_claim_list_never_breaks_an_emoji(cli: Run, tmp_path: Path) -> None:
    out = _listed(cli, tmp_path, env={"COLUMNS": "60"})
    assert FAMILY * 2 in out, out
    assert not any(line.lstrip("|│ ").startswith("\u200d") for line in out.splitlines()), out
    assert "\u200d\n" not in out and "\u200d " not in out, out
