"""Export, import into another desk, export again: every field the desk stores and an
annotation carries (the claim's text, type, status, published note, speaker and the speaker's
type, its quote and selectors) comes out as it went in. The speaker's type (`Person`,
`Organization`, from the claim's speaker:person or speaker:organisation tag) was written and
not read back: the second export's creator had a name and no type."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from workbench.domain.errors import InvalidInput
from workbench.services.claims import SpanRequest, add_claim, set_status
from workbench.services.context import Workbench
from workbench.services.documents import DocumentMeta, add_document
from workbench.services.exports import export_annotations
from workbench.services.imports import import_annotations
from workbench.services.queries import ClaimFilter, list_claims
from workbench.services.workflow import tag

# Two paragraphs, a quote across the break, an astral character and a combining mark.
TEXT = (
    "MiniMax said it raised $600m in 2024.\n\n"
    "Jim Press said sales rose 𝟓0%.\nThe bureau said output fell.\n"
    "Zoë Li called it a forecast, not a fact.\n"
)
META = DocumentMeta(title="Desk", url="https://news.example.com/fixed-point")


def _desk(wb: Workbench) -> int:
    doc = add_document(wb, TEXT.encode(), meta=META).document.id

    def claim(text: str, quote: str, **kw: Any) -> int:
        return add_claim(wb, doc, text, SpanRequest(quote=quote), **kw).id

    org = claim("MiniMax raised $600m", "it raised $600m", speaker="MiniMax")
    tag(wb, [org], ["speaker:organisation"])
    person = claim("Sales rose 50%", "sales rose 𝟓0%.\nThe bureau", speaker="Jim Press")
    tag(wb, [person], ["speaker:person"])
    set_status(wb, person, "in_progress", note="Asked the firm.\n\nSecond paragraph.")
    untyped = claim("Output fell", "output fell", speaker="The bureau")
    set_status(wb, untyped, "unverifiable", note="No figures published.")
    opinion = claim("A forecast", "called it a forecast", speaker="Zoë Li", claim_type="opinion")
    tag(wb, [opinion], ["speaker:person"])
    set_status(wb, opinion, "opinion", note="Her view.")
    claim("No speaker here", "not a fact")
    return doc


def _same(collection: dict[str, Any]) -> list[dict[str, Any]]:
    """The annotations as the desk stores them: without what another desk gives them anew
    (the annotation's id, times and annotator, and when the document was stored)."""
    out = []
    for item in collection["first"]["items"]:
        item = {k: v for k, v in item.items() if k not in {"id", "created", "modified", "creator"}}
        item["target"] = dict(item["target"], state=dict(item["target"]["state"]))
        del item["target"]["state"]["sourceDate"]
        out.append(item)
    return sorted(out, key=lambda a: json.dumps(a, sort_keys=True, ensure_ascii=False))


@pytest.fixture
def fresh(empty_db_url: str) -> Workbench:
    return Workbench(url=empty_db_url, actor="tester")


def test_export_import_export_is_a_fixed_point(
    wb: Workbench, fresh: Workbench, tmp_path: Path
) -> None:
    first = export_annotations(wb, document_ids=[_desk(wb)]).collection
    path = tmp_path / "anno.json"
    path.write_text(json.dumps(first, ensure_ascii=False), encoding="utf-8")
    doc = add_document(fresh, TEXT.encode(), meta=META).document.id
    result = import_annotations(fresh, str(path), doc)
    assert (len(result.added), result.notices) == (5, [])
    second = export_annotations(fresh, document_ids=[doc]).collection
    assert _same(second) == _same(first)
    kinds = {c.speaker: sorted(c.tags) for c in list_claims(fresh, ClaimFilter(document_id=doc))}
    assert kinds == {
        "MiniMax": ["speaker:organisation"],
        "Jim Press": ["speaker:person"],
        "Zoë Li": ["speaker:person"],
        "The bureau": [],
        None: [],
    }
    # And once more: the import of the second export into its own desk adds nothing.
    path.write_text(json.dumps(second, ensure_ascii=False), encoding="utf-8")
    again = import_annotations(fresh, str(path), doc)
    assert (len(again.added), again.present, again.differs) == (0, 5, [])


@pytest.mark.parametrize("kind", ["Company", "Software", 7, ["Person", "Organization"]])
def test_a_speaker_of_no_agent_type_the_desk_keeps_is_refused(
    wb: Workbench, fresh: Workbench, tmp_path: Path, kind: object
) -> None:
    """A creator type this workbench never writes for a speaker, in its own annotation (an
    editor's change): refused by number, as an unknown claim type is, not dropped unsaid."""
    first = export_annotations(wb, document_ids=[_desk(wb)]).collection
    items = first["first"]["items"]
    number, item = next(
        (i, a) for i, a in enumerate(items, 1) if a["target"].get("creator", {}).get("type")
    )
    item["target"]["creator"]["type"] = kind
    path = tmp_path / "anno.json"
    path.write_text(json.dumps(first, ensure_ascii=False), encoding="utf-8")
    doc = add_document(fresh, TEXT.encode(), meta=META).document.id
    with pytest.raises(InvalidInput, match=f"annotation {number}: .*speaker.* Person or"):
        import_annotations(fresh, str(path), doc)


def _retyped(wb: Workbench, fresh: Workbench, tmp_path: Path, kind: object) -> tuple[str, int]:
    """The desk's export with its first typed speaker's type replaced, and a fresh document."""
    first = export_annotations(wb, document_ids=[_desk(wb)]).collection
    item = next(a for a in first["first"]["items"] if a["target"].get("creator", {}).get("type"))
    item["target"]["creator"]["type"] = kind
    path = tmp_path / "anno.json"
    path.write_text(json.dumps(first, ensure_ascii=False), encoding="utf-8")
    return str(path), add_document(fresh, TEXT.encode(), meta=META).document.id


def test_skip_bad_skips_an_annotation_of_a_speaker_type_not_kept(
    wb: Workbench, fresh: Workbench, tmp_path: Path
) -> None:
    """Refused as an unknown claim type is: that annotation, by number, and --skip-bad imports
    the others (the whole file was refused, --skip-bad or not: read before any check)."""
    path, doc = _retyped(wb, fresh, tmp_path, "Company")
    result = import_annotations(fresh, path, doc, skip_bad=True)
    assert len(result.added) == 4, result.skipped
    [skipped] = result.skipped
    assert skipped.startswith("annotation 1: ") and '"Company"' in skipped, skipped


@pytest.mark.parametrize(
    ("kind", "tag"), [(["Organization"], "speaker:organisation"), (["Person"], "speaker:person")]
)
def test_a_type_given_as_a_list_of_one_is_that_type(
    wb: Workbench, fresh: Workbench, tmp_path: Path, kind: list[str], tag: str
) -> None:
    """JSON-LD gives a node's type as a string or a list, the same type either way (as a
    target, body or creator of one is read); a list of one was refused."""
    path, doc = _retyped(wb, fresh, tmp_path, kind)
    import_annotations(fresh, path, doc)
    kinds = {c.speaker: c.tags for c in list_claims(fresh, ClaimFilter(document_id=doc))}
    assert kinds["MiniMax"] == (tag,)
