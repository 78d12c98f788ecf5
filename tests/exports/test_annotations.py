"""Web Annotations against the W3C test suite's 54 MUST schemas, and read back in."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from export_desk import ARTICLE, Desk, Run, make_revised
from jsonschema import Draft4Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

from workbench.domain.errors import InvalidInput
from workbench.domain.text import sha256_text
from workbench.services.claims import get_claim
from workbench.services.context import Workbench
from workbench.services.documents import add_document, document_text
from workbench.services.exports import export_annotations
from workbench.services.imports import import_annotations
from workbench.services.queries import show_claim

SUITE = Path(__file__).resolve().parents[2] / ".." / "shared" / "specs" / "web-annotation"


def _load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def must_validators() -> list[tuple[str, Draft4Validator]]:
    """The 54 MUST schemas; each `id` is a bare file name and $refs resolve against the six
    definition files by that name."""
    resources = []
    for path in sorted((SUITE / "definitions").glob("*.json")):
        schema = _load(path)
        resources.append(
            (schema["id"], Resource.from_contents(schema, default_specification=DRAFT4))
        )
    registry: Registry[Any] = Registry().with_resources(resources)
    listed = _load(SUITE / "annotations" / "annotationMusts.test")["assertions"]
    out = []
    for name in listed:
        schema = _load(SUITE / name)
        checker = Draft4Validator.FORMAT_CHECKER
        out.append((name, Draft4Validator(schema, registry=registry, format_checker=checker)))
    return out


VALIDATORS = must_validators()


def test_the_suite_is_all_there_and_formats_are_checked() -> None:
    assert len(VALIDATORS) == 54
    # Without the format libraries, "uri" and "date-time" would pass anything: prove they bite.
    checker = Draft4Validator.FORMAT_CHECKER
    assert not checker.conforms("not a uri", "uri")
    assert not checker.conforms("2026-13-45 noon", "date-time")


def test_every_annotation_passes_every_must_schema(wb: Workbench, desk: Desk) -> None:
    collection = export_annotations(wb).collection
    items = collection["first"]["items"]
    assert collection["type"] == "AnnotationCollection" and collection["total"] == len(items) == 7
    for annotation in items:
        for name, validator in VALIDATORS:
            errors = [e.message for e in validator.iter_errors(annotation)]
            assert not errors, f"{annotation['id']} fails {name}: {errors[:2]}"


def test_a_broken_annotation_fails_the_suite(wb: Workbench, desk: Desk) -> None:
    """The validators are not vacuous: each of these breaks at least one MUST."""
    good = export_annotations(wb).collection["first"]["items"][0]
    broken = [
        {**good, "@context": "http://example.org/ctx"},
        {**good, "created": "yesterday"},
        {**good, "id": "not a uri"},
        {k: v for k, v in good.items() if k != "target"},
        {**good, "bodyValue": "x"},
    ]
    for bad in broken:
        assert any(not v.is_valid(bad) for _, v in VALIDATORS), bad


def test_the_annotation_says_what_the_claim_is(wb: Workbench, desk: Desk) -> None:
    items = {a["body"][0]["value"]: a for a in export_annotations(wb).collection["first"]["items"]}
    false = items["MiniMax was founded at the end of 2021"]
    assert false["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert false["motivation"] == "assessing"
    assert [(b["purpose"], b["value"]) for b in false["body"]] == [
        ("describing", "MiniMax was founded at the end of 2021"),
        ("tagging", "false"),
        ("classifying", "fact"),
        ("assessing", "False"),
        ("commenting", "Founded in early 2022 per filings."),
    ]
    assert false["generator"] == {
        "id": "https://claim-workbench.invalid/",
        "type": "Software",
        "name": "Claim Workbench",
        # The version of the annotations' shape, which an import reads a field's absence by
        # (schema: is a prefix of the annotation context; fix195).
        "schema:softwareVersion": "2",
    }
    # an open claim: no rating; its latest note, whatever it holds, is plain text
    bodies = {b["purpose"]: b for b in items["The script is not a problem"]["body"]}
    assert set(bodies) == {"describing", "tagging", "classifying", "commenting"}
    assert bodies["commenting"]["value"].startswith("<script>")
    assert bodies["commenting"]["format"] == "text/plain"
    # The claim text is the desk's own words, in a language nobody recorded: not tagged with
    # the document's ("zh" here, the claims are English).
    assert all("language" not in b for a in items.values() for b in a["body"])
    prediction = items["The company will succeed"]["body"]
    assert ("classifying", "prediction") in [(b["purpose"], b["value"]) for b in prediction]
    target = false["target"]
    assert target["source"] == "https://news.example.com/minimax"
    quote, position = target["selector"]
    assert quote["exact"] == "2021年底创业" and ARTICLE[position["start"] : position["end"]] == (
        "2021年底创业"
    )
    assert ARTICLE.startswith(quote["prefix"]) and quote["suffix"].startswith(",比ChatGPT")
    # ids are stable across exports and unique
    again = export_annotations(wb).collection["first"]["items"]
    assert [a["id"] for a in again] == [
        a["id"] for a in export_annotations(wb).collection["first"]["items"]
    ]
    assert len({a["id"] for a in again}) == len(again)
    assert all(a["id"].startswith("urn:uuid:") for a in again)


def test_a_document_without_url_is_named_by_its_hash(wb: Workbench) -> None:
    from workbench.services.claims import SpanRequest, add_claim

    doc = add_document(wb, "甲说了一句话。".encode()).document
    add_claim(wb, doc.id, "A said", SpanRequest(quote="甲说了"))
    [item] = export_annotations(wb, document_ids=[doc.id]).collection["first"]["items"]
    assert item["target"]["source"] == f"urn:sha256:{doc.sha256}"
    assert all(v.is_valid(item) for _, v in VALIDATORS)


def test_annotations_point_into_the_text_of_their_claims_revision(wb: Workbench) -> None:
    desk = make_revised(wb)
    revision = {k: get_claim(wb, i).revision for k, i in desk.ids.items()}
    assert revision == {"revenue": 2, "profit": 1, "outlook": 2}
    assert get_claim(wb, desk.ids["profit"]).anchor_state == "orphaned"
    texts = {n: document_text(wb, desk.doc, n) for n in (1, 2)}
    items = export_annotations(wb, document_ids=[desk.doc]).collection["first"]["items"]
    by_text = {a["body"][0]["value"]: a for a in items}
    assert set(by_text) == set(desk.ids)
    for name, item in by_text.items():
        for schema, validator in VALIDATORS:
            assert validator.is_valid(item), (name, schema)
        text = texts[revision[name]]
        quote, position = item["target"]["selector"]
        start, end = position["start"], position["end"]
        assert quote["exact"] == text[start:end]
        assert text[:start].endswith(quote["prefix"]) and text[end:].startswith(quote["suffix"])
        assert item["target"]["source"] == f"urn:sha256:{sha256_text(text)}"
    # Re-anchoring moved the kept claims: their offsets are no longer revision 1's.
    moved = by_text["revenue"]["target"]["selector"][1]
    assert (
        texts[1][moved["start"] : moved["end"]]
        != by_text["revenue"]["target"]["selector"][0]["exact"]
    )


def test_round_trip_into_another_copy_of_the_article(
    wb: Workbench, desk: Desk, tmp_path: Path
) -> None:
    exported = export_annotations(wb, document_ids=[desk.doc]).collection
    path = tmp_path / "anno.json"
    path.write_text(json.dumps(exported, ensure_ascii=False), encoding="utf-8")
    # The same article with a line in front: positions are off, quotes and context anchor.
    other = add_document(wb, ("编者按:本文有更新。\n" + ARTICLE).encode()).document.id
    result = import_annotations(wb, str(path), other)
    assert len(result.added) == 7 and result.present == 0
    by_text = {c.text: c for c in result.added}
    for item in exported["first"]["items"]:
        claim = by_text[item["body"][0]["value"]]
        assert claim.quote == item["target"]["selector"][0]["exact"]
        assert claim.start == item["target"]["selector"][1]["start"] + len("编者按:本文有更新。\n")
    again = import_annotations(wb, str(path), other)
    assert again.added == [] and again.present == 7
    # one claim.imported event each, naming the file and the annotation's place in it
    first = show_claim(wb, result.added[0].id).events[0]
    assert first.action == "claim.imported"
    assert first.payload["source"] == {"file": "anno.json", "row": 1}


def test_repeated_quote_is_told_apart_by_context(wb: Workbench, tmp_path: Path) -> None:
    text = "MiniMax说A。MiniMax说B。"
    doc = add_document(wb, text.encode()).document.id
    annotation = {
        "type": "Annotation",
        "body": {"type": "TextualBody", "value": "second", "purpose": "describing"},
        "target": {
            "source": "urn:x",
            "selector": {"type": "TextQuoteSelector", "exact": "MiniMax", "prefix": "A。"},
        },
    }
    path = tmp_path / "a.json"
    path.write_text(json.dumps(annotation), encoding="utf-8")
    [claim] = import_annotations(wb, str(path), doc).added
    assert (claim.start, claim.end) == (10, 17)


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        ("{", "not valid JSON"),
        ('{"type": "Nope"}', "not a Web Annotation"),
        ('[{"type": "Annotation", "target": {}}]', "no textual body"),
        ('[{"type": "Annotation", "bodyValue": "x", "target": {}}]', "no TextQuoteSelector"),
        (
            '[{"type":"Annotation","bodyValue":"x","target":{"selector":'
            '{"type":"TextQuoteSelector","exact":"不在文中"}}}]',
            "annotation 1: quote not found",
        ),
        ('{"type": "AnnotationCollection", "first": "urn:x:page"}', "not included inline"),
    ],
)
def test_bad_files_are_refused_and_write_nothing(
    wb: Workbench,
    desk: Desk,
    tmp_path: Path,
    counts: Any,
    content: str,
    fragment: str,
) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    before = counts()
    with pytest.raises(InvalidInput, match=fragment):
        import_annotations(wb, str(path), desk.doc)
    assert counts() == before


def test_unknown_document_and_cli(run: Run, desk: Desk, tmp_path: Path) -> None:
    r = run("export", "annotations", "--doc", str(desk.doc), "-o", str(tmp_path / "a.json"))
    assert r.code == 0, r.err
    assert "wrote 7 annotations" in r.err
    r = run("import", "annotations", str(tmp_path / "a.json"), "--doc", "99")
    assert r.code == 1 and "no document #99" in r.err
    r = run("import", "annotations", str(tmp_path / "a.json"), "--doc", str(desk.doc), "--json")
    assert r.code == 0 and json.loads(r.out)["already_present"] == 7
    r = run("export", "annotations")
    assert json.loads(r.out)["total"] == 7


def test_an_annotation_file_nested_too_deeply_is_refused_in_one_line(
    wb: Workbench, desk: Desk, tmp_path: Path
) -> None:
    """200 KB of brackets would exhaust json's recursion: a refusal, not a RecursionError."""
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    with pytest.raises(InvalidInput, match="nested too deeply"):
        import_annotations(wb, str(path), desk.doc)


def test_a_url_target_names_the_state_of_the_page_its_selectors_count_in(
    wb: Workbench,
) -> None:
    """With a URL, the live page changes: each target's TimeState names the text of the
    claim's revision (when stored, and its sha256), so an orphaned claim's old offsets are not
    read against the page as it is now."""
    from workbench.services.documents import edit_document
    from workbench.services.revisions import list_revisions

    desk = make_revised(wb)
    edit_document(wb, desk.doc, url="https://example.com/revised")
    revisions = {r.number: r for r in list_revisions(wb, desk.doc)}
    items = export_annotations(wb, document_ids=[desk.doc]).collection["first"]["items"]
    by_text = {a["body"][0]["value"]: a for a in items}
    for name, revision in (("revenue", 2), ("profit", 1), ("outlook", 2)):
        item = by_text[name]
        assert item["target"]["source"] == "https://example.com/revised"
        assert item["target"]["state"] == {
            "type": "TimeState",
            "sourceDate": revisions[revision].created_at,
            "cached": f"urn:sha256:{revisions[revision].sha256}",
        }
        for schema, validator in VALIDATORS:
            errors = [e.message for e in validator.iter_errors(item)]
            assert not errors, (name, schema, errors[:2])
        text = document_text(wb, desk.doc, revision)
        quote, position = item["target"]["selector"]
        assert text[position["start"] : position["end"]] == quote["exact"]
    # A state the suite knows is checked: a TimeState without its date fails it.
    broken = json.loads(json.dumps(by_text["profit"]))
    del broken["target"]["state"]["sourceDate"]
    assert any(not v.is_valid(broken) for _, v in VALIDATORS)


def _should(ref: str) -> Draft4Validator:
    """A validator of one of the suite's definitions (`file.json#/definitions/name`), with
    its $refs resolved as the MUST schemas' are."""
    resources = [
        (schema["id"], Resource.from_contents(schema, default_specification=DRAFT4))
        for schema in map(_load, sorted((SUITE / "definitions").glob("*.json")))
    ]
    registry: Registry[Any] = Registry().with_resources(resources)
    checker = Draft4Validator.FORMAT_CHECKER
    return Draft4Validator({"$ref": ref}, registry=registry, format_checker=checker)


def test_the_speaker_is_the_creator_of_the_quoted_statement(
    wb: Workbench, desk: Desk, tmp_path: Path
) -> None:
    """A trial: the speaker was in ClaimReview and the claims table, not in the annotations,
    and an import of them into a fresh database had none. It is the target's creator: an
    Agent with a name (no type: this speaker is not tagged a person or an organisation)."""
    items = {a["body"][0]["value"]: a for a in export_annotations(wb).collection["first"]["items"]}
    spoken = items["Founded a year before ChatGPT"]
    assert spoken["target"]["creator"] == {"name": "MiniMax公司"}
    assert "creator" not in items["MiniMax was founded at the end of 2021"]["target"]
    # The suite's SHOULD checks of a target's keys and of an agent pass it; they bite.
    target = _should("bodyTarget.json#/definitions/optionalTargetPropertiesShould")
    named = _should("otherProperties.json#/definitions/agentNameDefinition")
    assert target.is_valid(spoken["target"]) and named.is_valid(spoken["target"]["creator"])
    assert not target.is_valid({**spoken["target"], "creator": 5})
    assert not named.is_valid({"name": 5})
    for _, validator in VALIDATORS:
        assert validator.is_valid(spoken)
    # Read back into another copy of the article, the speaker comes with the claim.
    path = tmp_path / "anno.json"
    path.write_text(json.dumps([spoken], ensure_ascii=False), encoding="utf-8")
    other = add_document(wb, ("编者按:本文有更新。\n" + ARTICLE).encode()).document.id
    [claim] = import_annotations(wb, str(path), other).added
    assert claim.speaker == "MiniMax公司"
    # Another tool's target creator is its own (the page's author, say): no speaker.
    theirs = {k: v for k, v in spoken.items() if k != "generator"}
    path.write_text(json.dumps([theirs], ensure_ascii=False), encoding="utf-8")
    third = add_document(wb, ("附言。\n" + ARTICLE).encode()).document.id
    [claim] = import_annotations(wb, str(path), third).added
    assert claim.speaker is None


@pytest.mark.parametrize(
    ("creator", "message"),
    [
        ({"type": "Person"}, "annotation 1: its target's creator (the speaker) has no text name"),
        ("https://example.org/people/1", "the speaker) has no text name"),
        ([{"name": "A"}, {"name": "B"}], "annotation 1: 2 creators of its target"),
        ({"name": "A\nB"}, "annotation 1: the speaker"),
    ],
)
def test_a_speaker_that_is_no_name_refuses_the_file(
    wb: Workbench, desk: Desk, tmp_path: Path, creator: Any, message: str
) -> None:
    items = export_annotations(wb).collection["first"]["items"]
    [spoken] = [a for a in items if a["body"][0]["value"] == "Founded a year before ChatGPT"]
    spoken["target"]["creator"] = creator
    path = tmp_path / "anno.json"
    path.write_text(json.dumps([spoken], ensure_ascii=False), encoding="utf-8")
    other = add_document(wb, ("附言。\n" + ARTICLE).encode()).document.id
    with pytest.raises(InvalidInput, match=re.escape(message)):
        import_annotations(wb, str(path), other)
