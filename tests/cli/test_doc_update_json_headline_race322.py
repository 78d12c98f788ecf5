"""race322: `doc update --json` gave no headline: a script had to run `doc show --json` after
it to learn the headline the stored revision's page states (a correction's new one). It now
gives it, as `doc show --json` does: null for a plain text."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.inprocess import ok

PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>{title}</title></head><body><article><h1>{title}</h1>
<p>The council approved the budget on Monday after a long debate about transport.</p>
<p>Spending rises by {n} percent next year, the finance office said in a statement.</p>
</article></body></html>
"""

NEW = "Budget passes after debate\n\nSpending rises by 6 percent next year, the office said.\n"


def _written(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_doc_update_json_gives_the_headline(cli: Callable[..., Any], tmp_path: Path) -> None:
    page = _written(tmp_path / "page.html", PAGE.format(title="Budget passes", n=4))
    ok(cli("doc", "add", str(page)))
    _written(page, PAGE.format(title="Budget passes after debate", n=6))
    stored = json.loads(ok(cli("doc", "update", "1", str(page), "--json")).out)
    assert stored["created"] and stored["headline"] == "Budget passes after debate", stored
    again = json.loads(ok(cli("doc", "update", "1", str(page), "--json")).out)
    assert not again["created"] and again["headline"] == "Budget passes after debate", again
    plain = _written(tmp_path / "plain.txt", "Budget passes after debate\n\n" + NEW)
    stored = json.loads(ok(cli("doc", "update", "1", str(plain), "--json", "--force")).out)
    assert stored["headline"] is None, stored
