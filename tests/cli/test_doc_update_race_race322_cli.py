"""race322: a `doc update` that read its page before another person's update stored a newer
one stored the old text again as the latest revision. Now it is refused (exit 1, one line,
nothing written), saying which revision landed, who stored it and to run `doc update` again;
`--if-revision R` lets a script refuse unless N is the latest. `doc update --json` also gives
the headline the stored revision's page states, as `doc show --json` does."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.inprocess import ok
from workbench.services import documents
from workbench.services.context import Workbench
from workbench.services.documents import update_from

OLD = "The council approved the budget on Monday.\n\nSpending rises by 4 percent next year.\n"
NEW = "The council approved the budget on Monday.\n\nSpending rises by 6 percent next year.\n"


def _written(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_an_update_overtaken_during_its_fetch_is_refused(
    cli: Callable[..., Any],
    db_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    counts: Callable[[], dict[str, int]],
) -> None:
    old = _written(tmp_path / "old.txt", OLD)
    new = _written(tmp_path / "new.txt", NEW)
    ok(cli("doc", "add", str(old)))
    real = documents.load
    landed: list[dict[str, int]] = []

    def load(location: str, **kw: Any) -> Any:
        got = real(location, **kw)
        if not landed:
            # bea's `doc update`, storing the changed text while this one reads the old
            monkeypatch.setattr(documents, "load", real)
            update_from(Workbench(url=db_url, actor="bea"), 1, str(new))
            landed.append(counts())
        return got

    monkeypatch.setattr(documents, "load", load)
    r = cli("doc", "update", "1", str(old))
    assert r.code == 1 and r.out == "", (r.code, r.out, r.err)
    assert len(r.err.strip().splitlines()) == 1, r.err
    for words in ("document #1", "revision 2", "bea", "`workbench doc update 1"):
        assert words in r.err, (words, r.err)
    assert counts() == landed[0]
    shown = json.loads(ok(cli("doc", "show", "1", "--json")).out)
    assert shown["revisions"] == 2


def test_if_revision_refuses_another_latest(
    cli: Callable[..., Any], tmp_path: Path, counts: Callable[[], dict[str, int]]
) -> None:
    ok(cli("doc", "add", str(_written(tmp_path / "old.txt", OLD))))
    new = _written(tmp_path / "new.txt", NEW)
    ok(cli("doc", "update", "1", str(new), env={"WORKBENCH_USER": "bea"}))
    before = counts()
    other = _written(tmp_path / "other.txt", NEW.replace("6 percent", "9 percent"))
    r = cli("doc", "update", "1", str(other), "--if-revision", "1")
    assert r.code == 1 and r.out == "", (r.code, r.out, r.err)
    assert len(r.err.strip().splitlines()) == 1, r.err
    assert "revision 2" in r.err and "bea" in r.err, r.err
    r = cli("doc", "update", "1", str(other), "--if-revision", "1", "--json")
    error = json.loads(r.err)["error"]
    assert r.code == 1 and error["kind"] == "conflict", r.err
    assert error["reason"] == "revised_meanwhile", error
    assert counts() == before
    assert cli("doc", "update", "1", str(other), "--if-revision", "0").code == 2
    stored = json.loads(
        ok(cli("doc", "update", "1", str(other), "--if-revision", "2", "--json")).out
    )
    assert stored["number"] == 3 and stored["created"]
