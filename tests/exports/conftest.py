"""Fixtures of the export tests: the desk, and the CLI run in-process against it."""

from __future__ import annotations

import os

import pytest
from click.testing import CliRunner
from export_desk import Desk, Out, Run, make_desk

from workbench.services.context import Workbench


@pytest.fixture
def desk(wb: Workbench) -> Desk:
    return make_desk(wb)


@pytest.fixture
def run(db_url: str) -> Run:
    """`workbench ARGS` in this process, through the same entry point as the console script."""
    from workbench.cli import main

    def invoke(*args: str, input: str | None = None) -> Out:
        runner = CliRunner()
        env = {"WORKBENCH_DB": db_url, "WORKBENCH_USER": "tester"}
        with runner.isolation(input=input, env=env) as streams:
            try:
                main(list(args))
                code = 0
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else 1
            out = streams[0].getvalue().decode("utf-8")
            err = streams[1].getvalue().decode("utf-8")
        return Out(code, out, err)

    assert os.environ.get("WORKBENCH_USER") == "tester"
    return invoke
