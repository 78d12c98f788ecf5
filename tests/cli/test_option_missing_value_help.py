"""`workbench claim list --json --status` (the value left off) said "Option '--status' requires
an argument." and nothing more, where every other usage error points to the command's help
(" (see `workbench claim list --help`)"): Click raises that one while parsing, with no
context to name the command by."""

from __future__ import annotations

import json

import pytest

from tests.inprocess import run_cli


@pytest.mark.parametrize(
    ("args", "path"),
    [
        (["claim", "list", "--status"], "workbench claim list"),
        (["claim", "list", "--open", "--limit"], "workbench claim list"),
        (["stats", "--since"], "workbench stats"),
        (["audit", "export", "--actor"], "workbench audit export"),
        (["--db"], "workbench"),
    ],
)
def test_an_option_without_its_value_points_to_the_commands_help(
    db_url: str, args: list[str], path: str
) -> None:
    env = {"WORKBENCH_DB": db_url, "WORKBENCH_USER": "tester"}
    r = run_cli(args, env=env)
    assert r.crash is None and r.code == 2, (r.code, r.out, r.err)
    assert r.err.endswith(f"requires an argument. (see `{path} --help`)\n"), r.err
    if args[0] != "--db":
        j = run_cli([*args[:-1], "--json", args[-1]], env=env)
        assert j.code == 2, j.err
        message = json.loads(j.err)["error"]["message"]
        assert message.endswith(f"(see `{path} --help`)"), message
