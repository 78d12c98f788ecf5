"""A tag in traditional Chinese characters and the same tag in simplified ones are one tag (the
services and the domain; tests/cli/test_tag_chinese_variants.py has the command)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from workbench.domain.desk import TagTwins
from workbench.domain.errors import InvalidInput
from workbench.services.context import Workbench
from workbench.services.queries import ClaimFilter, list_claims
from workbench.services.workflow import tag

TEXT = "月之暗面完成新一轮融资。估值达到２５亿美元。营收增长三倍。"


@pytest.fixture
def claims(document_with_claims: Callable[..., Any]) -> list[int]:
    ids: list[int] = document_with_claims(TEXT, ["完成新一轮融资", "估值达到", "营收增长"]).claims
    return ids


@pytest.mark.parametrize(("new", "in_use"), [("融資", "融资"), ("融资", "融資"), ("營收", "营收")])
def test_a_tag_in_the_other_characters_is_refused_naming_the_one_in_use(
    new: str, in_use: str
) -> None:
    """TagTwins compared confusable skeletons only: `融資` beside `融资` (either way round) was a
    new tag, and `claim list --tag` found one of them and missed the other."""
    refused = TagTwins([in_use]).refusal(new)
    assert refused is not None and refused.message.startswith(
        f"tag {new!r} is the same word as {in_use!r}, a tag claims already have: use {in_use!r}"
    )


def test_two_new_tags_in_both_characters_are_refused_together() -> None:
    """The same word given twice in one command (or in two rows of an import) was two tags."""
    twins = TagTwins([])
    twins.give("融资", row=2)
    refused = twins.refusal("融資")
    assert refused is not None and "'融资', a new tag of row 2" in refused.message


def test_other_words_are_not_refused() -> None:
    twins = TagTwins(["融资", "金融"])
    assert twins.refusal("投资") is None and twins.refusal("估值") is None
    assert twins.known("金融")


def test_the_service_refuses_the_other_characters(wb: Workbench, claims: list[int]) -> None:
    tag(wb, [claims[0]], ["融资"])
    with pytest.raises(InvalidInput, match="'融資' is the same word as '融资'"):
        tag(wb, [claims[1]], ["融資"])


def test_both_spellings_stored_before_are_found_by_either(wb: Workbench, claims: list[int]) -> None:
    """A desk tagged claims `融資` and `融资` before the second was refused: `--tag 融资` found
    only the claims of one spelling, and `--tag 融資` only those of the other. Nothing stored
    is changed (a data migration would change tags behind the audit trail's back): the read
    finds both."""
    from sqlalchemy import insert

    from workbench.db.models import ClaimTag

    tag(wb, [claims[0]], ["融资"])
    with wb.engine(write=True).begin() as conn:  # as an older version stored it
        conn.execute(insert(ClaimTag), [{"claim_id": claims[1], "tag": "融資"}])
    for typed in ("融资", "融資"):
        found = [c.id for c in list_claims(wb, ClaimFilter(tags=(typed,)))]
        assert found == claims[:2], typed
    assert [c.id for c in list_claims(wb, ClaimFilter(tags=("投资",)))] == []
