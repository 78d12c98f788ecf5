"""`doc update` of a document with its text in traditional characters, through the real CLI:
a revision, not refused as another article (see tests/services/test_traditional_revision.py)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.services.test_traditional_revision import ARTICLE, TRADITIONAL


def test_doc_update_takes_the_traditional_edition(cli: Callable[..., Any], tmp_path: Path) -> None:
    simplified, traditional = tmp_path / "zh.txt", tmp_path / "hk.txt"
    simplified.write_text(ARTICLE, encoding="utf-8")
    traditional.write_text(TRADITIONAL, encoding="utf-8")
    assert cli("doc", "add", str(simplified)).code == 0
    r = cli("doc", "update", "1", str(traditional))
    assert r.code == 0, r.err
    assert "stored revision 2 of document #1" in r.out


def test_doc_update_to_traditional_finds_every_claim(
    cli: Callable[..., Any], tmp_path: Path
) -> None:
    """No claim of the article is said gone in its traditional edition: each is found, changed
    (the trial's seed profile left 11 of 44 claims 'quote gone')."""
    simplified, traditional = tmp_path / "zh.txt", tmp_path / "hk.txt"
    simplified.write_text(ARTICLE, encoding="utf-8")
    traditional.write_text(TRADITIONAL, encoding="utf-8")
    assert cli("doc", "add", str(simplified)).code == 0
    for quote in (
        "城镇调查失业率平均为百分之五点二",
        "高校毕业生人数再创新高",
        "完善职业技能培训体系",
    ):
        assert cli("claim", "add", "1", "--text", quote, "--quote", quote).code == 0
    r = cli("doc", "update", "1", str(traditional))
    assert r.code == 0, r.err
    assert "quote gone" not in r.out and "orphaned" not in r.out
    listed = cli("claim", "list", "--anchor", "changed", "--csv")
    assert listed.code == 0 and "quote gone" not in listed.out


def test_back_to_simplified_gives_verdicts_back(cli: Callable[..., Any], tmp_path: Path) -> None:
    """The page switched to traditional and back: a claim is on its first words again, and a
    verdict given on them is no longer flagged; one pinned on the traditional edition is found
    in the simplified text, changed, not said gone."""
    simplified, traditional = tmp_path / "zh.txt", tmp_path / "hk.txt"
    simplified.write_text(ARTICLE, encoding="utf-8")
    traditional.write_text(TRADITIONAL, encoding="utf-8")
    assert cli("doc", "add", str(simplified)).code == 0
    quote = "高校毕业生人数再创新高"
    assert cli("claim", "add", "1", "--text", quote, "--quote", quote).code == 0
    assert cli("claim", "status", "1", "in_progress").code == 0
    cited = cli("evidence", "add", "1", "--citation", "Ministry report", "--stance", "supports")
    assert cited.code == 0, cited.err
    assert cli("claim", "status", "1", "verified", "--note", "ministry figures").code == 0
    assert cli("doc", "update", "1", str(traditional)).code == 0
    # A claim pinned on the traditional edition has no simplified words to be given back.
    pinned = cli("claim", "add", "1", "--text", "training", "--quote", "完善職業技能培訓體系")
    assert pinned.code == 0, pinned.err
    r = cli("doc", "update", "1", str(simplified))
    assert r.code == 0, r.err
    assert "quote gone" not in r.out and "no longer flagged" in r.out
    assert "#2 quote changed" in r.out
    shown = cli("claim", "show", "1", "--json")
    assert json.loads(shown.out)["flagged"] is False
