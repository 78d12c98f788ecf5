"""A URL given to `doc add` or `doc update` as the input is checked by the rule `--url` is
checked by, and answered the same way: bad usage (exit 2) before anything is read or fetched
(review rfetch: `doc add http://u:secret@h/` exited 1 where `doc add a.txt --url
http://u:secret@h/` exited 2, in the same words; `doc add http://a..b/` alike)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.inprocess import Outcome, run_cli

PASSWORD = "http://u:s3cr3t@127.0.0.1:9/story"
NO_HOST = "http://a..b/story"


def cli(db_url: str, *args: str) -> Outcome:
    return run_cli(list(args), env={"WORKBENCH_DB": db_url, "WORKBENCH_USER": "t"})


@pytest.mark.parametrize(
    ("url", "told"),
    [
        (PASSWORD, "a URL with a user name or password in it (http://…@127.0.0.1:9) is not taken"),
        (NO_HOST, "'http://a..b/story' names no host that can be looked up"),
    ],
    ids=["password", "no-host"],
)
@pytest.mark.parametrize(
    "command",
    [["doc", "add"], ["doc", "add", "a.txt"], ["doc", "update", "1"], ["doc", "add", "--url"]],
    ids=["doc-add", "doc-add-several", "doc-update", "doc-add---url"],
)
def test_a_url_no_fetch_can_take_is_bad_usage_wherever_it_is_given(
    db_url: str, tmp_path: Path, command: list[str], url: str, told: str
) -> None:
    (tmp_path / "a.txt").write_text("一篇。", encoding="utf-8")
    given = [str(tmp_path / a) if a == "a.txt" else a for a in command]
    if command[-1] == "--url":
        given = [*given[:-1], str(tmp_path / "a.txt"), "--url"]
    r = cli(db_url, *given, url)
    assert r.crash is None, f"traceback: {r.crash!r}"
    assert (r.code, r.out) == (2, ""), (r.code, r.out, r.err)
    assert told in r.err, r.err
    assert "s3cr3t" not in r.err
    assert cli(db_url, "doc", "list", "--json").out.strip() == "[]"
