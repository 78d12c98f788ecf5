"""`import bundle` of a trail holding approvals no second person gave.

review55's bundle holds an approval of maria's verdict by `ᴍaria`, registered beside her
before the look-alike rule. The restore replays the trail, and the replay names that approval
(one_person_approvals), but `import bundle` said nothing: the desk restored a backup whose
verdict reads as second-reviewed in the trail and learnt otherwise only if it ran `audit
verify` (fix302). It restores (a desk's own backup must), and says so on stderr and in --json.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import Result

BUNDLE = Path(__file__).parent.parent / "data" / "bundles" / "review55_old_smallcap_approval.zip"


@pytest.mark.parametrize("as_json", [False, True])
def test_import_bundle_warns_of_an_approval_by_the_proposer(
    cli: Callable[..., Result], as_json: bool
) -> None:
    restored = cli("import", "bundle", str(BUNDLE), *(["--json"] if as_json else []))
    assert restored.code == 0, restored.err
    assert "warning: the restored trail holds 1 approval by a person" in restored.err
    assert "audit verify" in restored.err, restored.err
    if as_json:
        assert json.loads(restored.out)["one_person_approval_count"] == 1, restored.out


@pytest.mark.parametrize("as_json", [False, True])
def test_import_bundle_warns_of_a_registration_user_add_refuses(
    cli: Callable[..., Result], as_json: bool
) -> None:
    """The same replay finds `ᴍaria` registered beside maria, as `audit verify` warns of it: the
    restore said nothing of the pair, only of the approval (fix302 left it), though two people
    restored so are one reviewer to each other whether or not either has approved yet (rr310)."""
    restored = cli("import", "bundle", str(BUNDLE), *(["--json"] if as_json else []))
    assert restored.code == 0, restored.err
    said = [line for line in restored.err.splitlines() if "registration" in line]
    assert said == [
        "warning: the restored trail holds 1 registration of a person who would be mistaken "
        "for one registered before, which `workbench user add` refuses: the two are one "
        "reviewer to each other; `workbench audit verify` names them"
    ], restored.err
    if as_json:
        assert json.loads(restored.out)["look_alike_count"] == 1, restored.out


def test_import_bundle_of_a_clean_trail_says_no_such_thing(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    assert cli("--as", "ed", "user", "add", "ed").code == 0
    assert cli("export", "bundle", str(tmp_path / "b.zip")).code == 0
    target = f"sqlite:///{tmp_path / 'target.db'}"
    restored = cli("--db", target, "import", "bundle", str(tmp_path / "b.zip"), "--json")
    assert restored.code == 0, restored.err
    assert "warning" not in restored.err, restored.err
    assert json.loads(restored.out)["one_person_approval_count"] == 0, restored.out
    assert json.loads(restored.out)["look_alike_count"] == 0, restored.out
