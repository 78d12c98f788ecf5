"""The speaker of a claim in the Web Annotation export (its target's `creator`) had a name and no
type, though the desk had said which it is by a tag on the claim (`speaker:organisation`,
`speaker:person`), as ClaimReview already publishes it: MiniMax, tagged an organisation, was an
Agent of no kind. The Web Annotation model's Agent types (3.3.2; FOAF's classes, named as
schema.org names its) are `Person` and `Organization` (and `Software`, the generator's): the
tag gives the type; without one, none is guessed from the name, as before."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from test_annotations import VALIDATORS, _should

from workbench.services.claims import SpanRequest, add_claim
from workbench.services.context import Workbench
from workbench.services.documents import DocumentMeta, add_document
from workbench.services.exports import export_annotations
from workbench.services.imports import import_annotations
from workbench.services.workflow import tag

TEXT = "MiniMax said it raised $600m. Jim Press said sales rose. 国家统计局称GDP增长5%。"
SAID = {
    "MiniMax": ("MiniMax raised $600m", "it raised $600m"),
    "Jim Press": ("Sales rose", "sales rose"),
    "国家统计局": ("GDP grew 5%", "GDP增长5%"),
}


def _speakers(wb: Workbench) -> dict[str, Any]:
    items = export_annotations(wb).collection["first"]["items"]
    return {a["target"]["creator"]["name"]: a for a in items}


def test_a_tagged_speaker_is_an_agent_of_that_type(wb: Workbench, tmp_path: Path) -> None:
    doc = add_document(
        wb, TEXT.encode(), meta=DocumentMeta(title="t", url="https://news.example.com/a")
    ).document.id
    ids = {
        speaker: add_claim(wb, doc, text, SpanRequest(quote=quote), speaker=speaker).id
        for speaker, (text, quote) in SAID.items()
    }
    tag(wb, [ids["MiniMax"]], ["speaker:organisation"])
    tag(wb, [ids["Jim Press"]], ["speaker:person"])
    by_speaker = _speakers(wb)
    assert {name: a["target"]["creator"] for name, a in by_speaker.items()} == {
        "MiniMax": {"type": "Organization", "name": "MiniMax"},
        "Jim Press": {"type": "Person", "name": "Jim Press"},
        # Untagged: the name is not guessed at (a partner's tools would take a guess as said).
        "国家统计局": {"name": "国家统计局"},
    }
    # The suite's check of an Agent's type takes both, and bites on a word it does not know.
    typed = _should("otherProperties.json#/definitions/agentTypeFound")
    for name in ("MiniMax", "Jim Press"):
        creator = by_speaker[name]["target"]["creator"]
        assert typed.is_valid(creator), creator
        for _, validator in VALIDATORS:
            assert validator.is_valid(by_speaker[name])
    assert not typed.is_valid({"type": "Company", "name": "MiniMax"})
    # Read back into another copy of the page, the speaker still comes with the claim.
    path = tmp_path / "anno.json"
    path.write_text(json.dumps([by_speaker["MiniMax"]], ensure_ascii=False), encoding="utf-8")
    other = add_document(wb, ("附言。" + TEXT).encode()).document.id
    [claim] = import_annotations(wb, str(path), other).added
    assert claim.speaker == "MiniMax"


def test_the_other_spelling_of_the_organisation_tag_is_one_too(wb: Workbench) -> None:
    """`speaker:organization`, as an earlier release stored it (a bundle restores it so)."""
    doc = add_document(wb, TEXT.encode()).document.id
    text, quote = SAID["MiniMax"]
    claim_id = add_claim(wb, doc, text, SpanRequest(quote=quote), speaker="MiniMax").id
    tag(wb, [claim_id], ["Speaker:Organization"])
    creator = _speakers(wb)["MiniMax"]["target"]["creator"]
    assert creator == {"type": "Organization", "name": "MiniMax"}
