"""A space typed between the characters of a Chinese name is none wherever a name is compared:
for a name with a character outside the basic block (𠮷, extension B) as for 王伟."""

from __future__ import annotations

from workbench.domain.identity import normalise_name
from workbench.domain.status import name_keys
from workbench.services.claims import SpanRequest, add_claim
from workbench.services.context import Workbench
from workbench.services.documents import add_document
from workbench.services.queries import ClaimFilter, list_claims


def test_a_spaced_name_with_an_extension_b_character_was_another_speaker(wb: Workbench) -> None:
    """`claim list --speaker 王𠮷` found no claim said by `王 𠮷`, though `--speaker 王伟` finds
    `王 伟`'s, and `--as "王 𠮷"` acts as 王𠮷: the speaker's key dropped the space between basic
    ideographs only, the name's normal form between Han of every block (two copies of one
    rule, merged from two helpers)."""
    assert name_keys("王 𠮷") == name_keys("王𠮷") == (normalise_name("王 𠮷"),)
    doc = add_document(wb, "王𠮷说，2024年营收4009亿元。".encode()).document.id
    cid = add_claim(wb, doc, "营收4009亿元", SpanRequest(quote="营收4009亿元"), speaker="王 𠮷").id
    assert [c.id for c in list_claims(wb, ClaimFilter(speaker="王𠮷"))] == [cid]
