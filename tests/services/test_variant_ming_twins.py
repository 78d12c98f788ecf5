"""names2: `王眀` was registered beside 王明 and approved his verdict. 眀 is 明 written with 目
for 日, one stroke more, a variant a reader skimming a trail takes for 明 (as 靑 for 青, 髙 for
高); neither OpenCC's tables nor the TR39 data fold it, and it was missing from the variants
drawn alike (chinese_forms._DRAWN_ALIKE). 朙, the same character laid out otherwise (囧 beside
月), is told apart, as 峩 is from 峨."""

from __future__ import annotations

from tests.services.test_replay_self_approval import _ok, _proposal, _run
from workbench.domain.identity import likeness


def test_ming_drawn_with_eye_is_ming() -> None:
    assert likeness("王眀", "王明") is not None
    assert likeness("眀", "明") is not None


def test_ming_laid_out_otherwise_is_another_name() -> None:
    assert likeness("王朙", "王明") is None


def test_the_variant_is_not_registered_and_cannot_approve(db_url: str) -> None:
    cid = _proposal(db_url, "王明")
    _ok(_run(db_url, "王明", "user", "add", "王明"))
    r = _run(db_url, "王明", "user", "add", "王眀")
    assert r.code == 1, f"王眀 registered beside 王明: {r.out}{r.err}"
    assert "'王明'" in r.err, r.err
    r = _run(db_url, "王眀", "claim", "approve", str(cid), "--note", "ok")
    assert r.code == 1, f"王眀 approved 王明's verdict: {r.out}"
