"""`audit verify`/`audit replay` warned "the trail holds 4 approvals by a person ... a workbench
before the rule let it through ... no second person reviewed the verdict", and "4
registrations ... let the pair in": one thing said of several. The words agree with the count
now (fix272)."""

from __future__ import annotations

import pytest

from workbench.cli.audit import _say_look_alikes, _say_one_person_approvals


def test_several_approvals_are_said_as_several(capsys: pytest.CaptureFixture[str]) -> None:
    _say_one_person_approvals([], 4)
    err = " ".join(capsys.readouterr().err.split())
    assert "4 approvals" in err and "let them through" in err, err
    assert "let it through" not in err and "reviewed these verdicts" in err, err


def test_one_approval_is_said_as_one(capsys: pytest.CaptureFixture[str]) -> None:
    _say_one_person_approvals([], 1)
    err = " ".join(capsys.readouterr().err.split())
    assert "1 approval " in err and "let it through" in err, err
    assert "reviewed the verdict" in err, err


@pytest.mark.parametrize(("count", "pair"), [(1, "let the pair in"), (3, "let the pairs in")])
def test_registrations_agree(count: int, pair: str, capsys: pytest.CaptureFixture[str]) -> None:
    _say_look_alikes([], count)
    err = " ".join(capsys.readouterr().err.split())
    assert pair in err, err
