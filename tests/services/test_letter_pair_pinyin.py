"""rnames: since a name's skeleton reads `rn` as `m`, a Latin name is keyed by `wangemi` for
`wang erni`, while the pinyin of 王二妮 is joined from its characters' readings one by one
(wang + er + ni), where no `rn` is folded: `wang erni` no longer read like 王二妮, was
registered beside her, and could approve her verdict (a workbench before the fold refused
both). A reading across the syllables er + n... (尔娜, 二妮) is her name spelled in pinyin."""

from __future__ import annotations

import pytest

from tests.conftest import PG_URL, Result, run_in_process
from workbench.domain.identity import likeness, likeness_keys
from workbench.domain.name_index import NameIndex, share_a_key

SPELLED = [
    ("王二妮", "wang erni"),
    ("王二妮", "Erni Wang"),
    ("王二妮", "wangerni"),
    ("二娜", "erna"),
]


@pytest.mark.parametrize(("han", "latin"), SPELLED)
def test_a_pinyin_er_before_n_reads_like_the_name(han: str, latin: str) -> None:
    assert likeness(latin.lower(), han) == "reads like"
    assert share_a_key(likeness_keys(latin.lower()), likeness_keys(han))
    index = NameIndex()
    index.add(han, "her")
    assert index.near(latin.lower()) == {"her"}


def _run(url: str, actor: str, *args: str, input: str | None = None) -> Result:
    return run_in_process(["--db", url, "--as", actor, *args], input=input)


def _ok(r: Result) -> Result:
    assert r.code == 0, r.out + r.err
    return r


def test_her_name_in_pinyin_is_not_a_second_reviewer(db_url: str) -> None:
    _ok(_run(db_url, "王二妮", "user", "add", "王二妮"))
    r = _run(db_url, "王二妮", "user", "add", "wang erni")
    assert r.code == 1, f"'wang erni' registered beside 王二妮: {r.out}{r.err}"
    assert "reads like the registered user '王二妮'" in r.err, r.err
    _ok(_run(db_url, "王二妮", "doc", "add", "-", input="MiniMax在2021年底创业。\n"))
    _ok(_run(db_url, "王二妮", "claim", "add", "1", "--text", "founded", "--quote", "2021年底"))
    _ok(_run(db_url, "王二妮", "config", "set", "review.required", "true"))
    if PG_URL:
        _ok(_run(db_url, "王二妮", "config", "set", "review.distinct_roles", "false"))
    _ok(_run(db_url, "王二妮", "claim", "status", "1", "unverifiable", "--note", "no record"))
    r = _run(db_url, "wang erni", "claim", "approve", "1", "--note", "ok")
    assert r.code == 1, f"'wang erni' approved 王二妮's verdict: {r.out}"
