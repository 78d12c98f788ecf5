"""Web Annotations back in: this workbench's own bring back each claim's type, status and note,
the status taken by the rule `import claims` follows; other tools' annotations, and exports
written before the workbench named itself as their generator, come in as they always did."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from export_desk import ARTICLE, Desk, Run
from retarget import without_document

from workbench.domain.errors import InvalidInput
from workbench.services.claim_records import claim_notes
from workbench.services.context import Workbench
from workbench.services.documents import add_document
from workbench.services.exports import export_annotations
from workbench.services.imports import import_annotations, import_claims
from workbench.services.queries import ClaimFilter, list_claims
from workbench.services.replay import replay
from workbench.services.settings import set_config
from workbench.services.verify import verify_database

Counts = Callable[[], dict[str, int]]
EVIDENCE = "an annotation carries no evidence"


def write(tmp_path: Path, data: Any, name: str = "anno.json") -> str:
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


def exported(wb: Workbench, desk: Desk) -> dict[str, Any]:
    collection: dict[str, Any] = export_annotations(wb, document_ids=[desk.doc]).collection
    return collection


@pytest.fixture
def fresh(empty_db_url: str) -> Workbench:
    """Another database, empty (created and migrated on first use)."""
    return Workbench(url=empty_db_url, actor="tester")


def outcome(wb: Workbench, doc: int) -> dict[str, tuple[Any, ...]]:
    """What came in, by claim text: span, type, status, proposal and notes."""
    return {
        c.text: (
            c.quote,
            c.start,
            c.end,
            c.type,
            c.status,
            c.proposed_status,
            [n.body for n in claim_notes(wb, c.id)],
        )
        for c in list_claims(wb, ClaimFilter(document_id=doc))
    }


def test_a_fresh_database_gets_back_each_claims_type_status_and_note(
    wb: Workbench, desk: Desk, tmp_path: Path, fresh: Workbench
) -> None:
    path = write(tmp_path, exported(wb, desk))
    doc = add_document(fresh, ARTICLE.encode()).document.id
    result = import_annotations(fresh, path, doc)
    assert len(result.added) == 7 and result.present == 0
    source = outcome(wb, desk.doc)
    # Verdicts that rest on evidence come in open, with their reason and a notice each; the
    # rest as they were. The type, span and latest note come back whatever the status.
    opened = {"MiniMax was founded at the end of 2021", "Founded a year before ChatGPT"}
    expected = {
        text: (*fields[:4], "in_progress" if text in opened else fields[4], None, fields[6][-1:])
        for text, fields in source.items()
    }
    assert outcome(fresh, doc) == expected
    assert {t: f[3] for t, f in expected.items()}["The company will succeed"] == "prediction"
    assert result.notices == [
        f"annotation 1: false comes in as in_progress ({EVIDENCE}): add evidence, then set the "
        "verdict again",
        f"annotation 2: verified comes in as in_progress ({EVIDENCE}): add evidence, then set "
        "the verdict again",
    ]
    assert verify_database(fresh).ok and replay(fresh).consistent
    again = import_annotations(fresh, path, doc)
    assert (len(again.added), again.present, again.notices) == (0, 7, [])


@pytest.mark.parametrize("review", [False, True])
def test_statuses_arrive_as_a_claims_table_s_do(
    run: Run, wb: Workbench, desk: Desk, tmp_path: Path, fresh: Workbench, review: bool
) -> None:
    """One rule: the same desk exported both ways comes back with the same statuses, proposals
    and notes, review on or off (on, the importer proposes opinion and unverifiable)."""
    annotations = write(tmp_path, exported(wb, desk))
    table = tmp_path / "claims.csv"
    r = run("export", "claims", "--format", "csv", "--doc", str(desk.doc), "-o", str(table))
    assert r.code == 0, r.err
    without_document(table)  # its rows name the document they came from
    if review:
        set_config(fresh, "review.required", "true")
    by_annotation = add_document(fresh, ARTICLE.encode()).document.id
    by_table = add_document(fresh, (ARTICLE + "\n附言。").encode()).document.id
    notices = import_annotations(fresh, annotations, by_annotation).notices
    # On, the two proposals are said as well (each file says the same of its claims).
    told = import_claims(fresh, str(table), by_table).notices
    assert len(notices) == len(told) == (4 if review else 2)

    def proposals(said: list[str]) -> list[str]:
        return [n.split(": ", 1)[1] for n in said if "comes in proposed" in n]

    assert (
        proposals(notices)
        == proposals(told)
        == (
            [
                "unverifiable comes in proposed (in_review) by tester: it awaits a second "
                "reviewer's approval (review.required is on)",
                "opinion comes in proposed (in_review) by tester: it awaits a second reviewer's "
                "approval (review.required is on)",
            ]
            if review
            else []
        )
    )
    arrived = outcome(fresh, by_annotation)
    assert arrived == outcome(fresh, by_table)
    proposed = {text: f[4:6] for text, f in arrived.items() if f[5] is not None}
    assert proposed == (
        {
            "Valued over $4bn": ("in_review", "unverifiable"),
            "The company will succeed": ("in_review", "opinion"),
        }
        if review
        else {}
    )
    assert replay(fresh).consistent


def test_round_trip_through_the_cli(
    run: Run,
    desk: Desk,
    tmp_path: Path,
    empty_db_url: str,
    workbench_main: Callable[..., Any],
) -> None:
    target = tmp_path / "anno.json"
    assert run("export", "annotations", "--doc", str(desk.doc), "-o", str(target)).code == 0
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")

    def fresh(*args: str, input: str | None = None) -> Any:
        return workbench_main(["--db", empty_db_url, "--as", "tester", *args], input=input)

    assert fresh("doc", "add", str(article)).code == 0
    r = fresh("import", "annotations", str(target), "--doc", "1")
    assert r.code == 0, r.err
    assert "claim #1  [in_progress]  " in r.out and "claim #6  [opinion]  " in r.out
    assert r.err.count(f"({EVIDENCE})") == 2 and "annotation 1: false comes in as" in r.err
    assert "7 claims added, 0 already present" in r.err
    claims = json.loads(fresh("claim", "list", "--json").out)
    assert [(c["type"], c["status"]) for c in claims] == [
        ("fact", "in_progress"),
        ("fact", "in_progress"),
        ("fact", "unverified"),
        ("fact", "unverified"),
        ("fact", "unverifiable"),
        ("prediction", "opinion"),
        ("fact", "unverified"),
    ]
    # The speaker comes back (a trial: the annotations carried none, ClaimReview did).
    assert {c["speaker"] for c in claims} == {None, "MiniMax公司"}
    assert "MiniMax公司" in fresh("claim", "list").out
    # --json: the claims, and the notices (none now: everything is already there)
    r = fresh("import", "annotations", str(target), "--doc", "1", "--json")
    assert r.code == 0, r.err
    assert json.loads(r.out) == {
        "added": [],
        "already_present": 7,
        "skipped": [],
        "notices": [],
        "differs": [],
        "warnings": [],
        "other_ids": [],
        "dry_run": False,
    }
    assert fresh("doc", "add", "-", input=ARTICLE + "\n附言。").code == 0
    one = write(tmp_path, {**exported_one(target), "type": "Annotation"}, "one.json")
    r = fresh("import", "annotations", one, "--doc", "2")
    assert r.code == 0 and r.err.endswith("1 claim added, 0 already present\n"), r.err
    r = fresh("import", "annotations", one, "--doc", "2")
    assert r.err.endswith("0 claims added, 1 already present\n"), r.err
    r = fresh("import", "annotations", str(target), "--doc", "2", "--json")
    got = json.loads(r.out)
    assert [c["status"] for c in got["added"]][:2] == ["in_progress", "in_progress"]
    # Annotations 1 and 2 come in as in_progress; and each of the six added names document
    # #1 by its text (`cached`), not #2.
    arrivals = [n.split(":")[0] for n in got["notices"] if "comes in as" in n]
    assert arrivals == ["annotation 1", "annotation 2"]
    assert sum("its target is document #1, not #2" in n for n in got["notices"]) == 6
    assert got["already_present"] == 1
    assert fresh("audit", "verify").code == 0


def exported_one(path: Path) -> dict[str, Any]:
    """The last annotation of an exported collection (an open claim: no verdict to refuse)."""
    item: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))["first"]["items"][-1]
    return item


def _body(item: dict[str, Any], purpose: str) -> dict[str, Any]:
    found: dict[str, Any] = next(b for b in item["body"] if b["purpose"] == purpose)
    return found


def _retype(item: dict[str, Any]) -> None:
    _body(item, "classifying")["value"] = "claim"


def _unknown_status(item: dict[str, Any]) -> None:
    _body(item, "tagging")["value"] = "debunked"


def _no_reason(item: dict[str, Any]) -> None:
    item["body"] = [b for b in item["body"] if b["purpose"] != "commenting"]


def _two_types(item: dict[str, Any]) -> None:
    item["body"].append({"type": "TextualBody", "purpose": "classifying", "value": "date"})


def _type_not_text(item: dict[str, Any]) -> None:
    _body(item, "classifying")["value"] = 3


@pytest.mark.parametrize(
    ("breaks", "message"),
    [
        (
            _retype,
            "nothing imported: annotation 1: unknown claim type 'claim'; valid types: fact, "
            "quantity, date, ranking, priority, attribution, prediction, opinion",
        ),
        (
            _unknown_status,
            "nothing imported: annotation 1: unknown status 'debunked'; valid statuses: "
            "unverified, in_progress, in_review, verified, false, misleading, unverifiable, "
            "opinion, withdrawn",
        ),
        (
            _no_reason,
            "nothing imported: annotation 1: status 'false' is a verdict and needs a reason",
        ),
        # the file's shape, refused as it is read (as an annotation with no selector is)
        (_two_types, "annotation 1: 2 classifying bodies; a claim has one"),
        (_type_not_text, "annotation 1: its classifying body has no text value"),
    ],
)
def test_a_bad_type_or_status_refuses_the_file_in_one_line(
    wb: Workbench,
    desk: Desk,
    tmp_path: Path,
    counts: Counts,
    breaks: Callable[[dict[str, Any]], None],
    message: str,
) -> None:
    collection = exported(wb, desk)
    breaks(collection["first"]["items"][0])  # the false claim's
    path = write(tmp_path, collection)
    other = add_document(wb, (ARTICLE + "\n附言。").encode()).document.id
    before = counts()
    with pytest.raises(InvalidInput) as caught:
        import_annotations(wb, path, other)
    assert str(caught.value) == message
    assert counts() == before


def test_a_bad_annotation_is_one_line_on_the_cli(
    run: Run, wb: Workbench, desk: Desk, tmp_path: Path
) -> None:
    collection = exported(wb, desk)
    _retype(collection["first"]["items"][2])
    path = write(tmp_path, collection)
    r = run("import", "annotations", path, "--doc", str(desk.doc))
    assert r.code == 1 and r.out == ""
    assert r.err.count("\n") == 1 and "annotation 3: unknown claim type 'claim'" in r.err


def test_an_older_export_comes_in_unverified_and_typed_fact(
    wb: Workbench, desk: Desk, tmp_path: Path
) -> None:
    """Written before the generator was named: its tags are not read as statuses (it carried
    no reasons, so its verdicts could not come in), as before."""
    collection = exported(wb, desk)
    for item in collection["first"]["items"]:
        del item["generator"]
        item["body"] = [
            b for b in item["body"] if b["purpose"] not in ("classifying", "commenting")
        ]
    other = add_document(wb, (ARTICLE + "\n附言。").encode()).document.id
    result = import_annotations(wb, write(tmp_path, collection), other)
    assert {(c.type, c.status) for c in result.added} == {("fact", "unverified")}
    assert len(result.added) == 7
    # nothing said but where the annotations are from (the desk's document, by its URL)
    assert result.notices == [
        f"annotation {n}: its target is document #{desk.doc}, not #{other}: anchored in "
        f"#{other} by its quote"
        for n in range(1, 8)
    ]
    assert all(claim_notes(wb, c.id) == [] for c in result.added)


def test_another_tools_tags_and_classes_are_its_own(wb: Workbench, tmp_path: Path) -> None:
    """A Hypothesis tag "false" is not a verdict, nor an entity class "PLACE" a claim type."""
    doc = add_document(wb, "甲说了一句话。".encode()).document.id
    annotation = {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "type": "Annotation",
        "generator": {"id": "https://hypothes.is/", "type": "Software"},
        "body": [
            {"type": "TextualBody", "value": "A spoke", "purpose": "commenting"},
            {"type": "TextualBody", "purpose": "tagging", "value": "false"},
            {"type": "TextualBody", "purpose": "tagging", "value": "climate"},
            {"type": "TextualBody", "purpose": "classifying", "value": "PLACE"},
        ],
        "target": {"source": "urn:x", "selector": {"type": "TextQuoteSelector", "exact": "甲说了"}},
    }
    [claim] = import_annotations(wb, write(tmp_path, annotation), doc).added
    assert (claim.text, claim.type, claim.status) == ("A spoke", "fact", "unverified")
    assert claim_notes(wb, claim.id) == []


def test_each_annotation_has_a_generator_of_its_own(wb: Workbench, desk: Desk) -> None:
    """Changing one annotation's generator changes no other (nor the next export's)."""
    items = exported(wb, desk)["first"]["items"]
    items[0]["generator"]["name"] = "changed"
    assert items[1]["generator"]["name"] == "Claim Workbench"


def _quoted(exact: str, **context: str) -> dict[str, Any]:
    selector = {"type": "TextQuoteSelector", "exact": exact, **context}
    return {
        "type": "Annotation",
        "bodyValue": "x",
        "target": {"source": "urn:x", "selector": selector},
    }


@pytest.mark.parametrize(
    ("context", "message"),
    [
        (
            {"prefix": "qqq", "suffix": "www"},
            "annotation 1: quote found but its context (prefix/suffix) matches no occurrence",
        ),
        (
            {"prefix": "zzz不存在"},
            "annotation 1: quote found but its context (prefix/suffix) matches no occurrence",
        ),
        (
            {},
            "annotation 1: quote occurs 2 times in the document; say which with a prefix/suffix "
            "(TextQuoteSelector) or a TextPositionSelector",
        ),
    ],
)
def test_a_context_that_matches_no_occurrence_refuses_the_file(
    run: Run, wb: Workbench, tmp_path: Path, counts: Counts, context: dict[str, str], message: str
) -> None:
    doc = add_document(wb, "甲说：MiniMax很好。乙说：MiniMax存在。".encode()).document.id
    path = write(tmp_path, [_quoted("MiniMax", **context), _quoted("甲说")])
    before = counts()
    r = run("import", "annotations", path, "--doc", str(doc))
    assert (r.code, r.out) == (1, "")
    assert r.err.count("\n") == 1 and f"nothing imported: {message}" in r.err
    assert counts() == before


def test_skip_bad_adds_the_annotations_that_anchor_and_lists_the_others(
    wb: Workbench, tmp_path: Path, counts: Counts
) -> None:
    doc = add_document(wb, "甲说：MiniMax很好。乙说：MiniMax存在。".encode()).document.id
    path = write(tmp_path, [_quoted("不在文中"), _quoted("甲说"), _quoted("MiniMax")])
    before = counts()
    with pytest.raises(InvalidInput, match="nothing imported: annotation 1") as refused:
        import_annotations(wb, path, doc)
    assert refused.value.hint is not None
    assert refused.value.hint.facts == {"field": "skip_bad", "failed_annotations": [1, 3]}
    assert counts() == before

    result = import_annotations(wb, path, doc, skip_bad=True)
    assert [c.quote for c in result.added] == ["甲说"]
    assert result.skipped == [
        "annotation 1: quote not found in the document: '不在文中'",
        "annotation 3: quote occurs 2 times in the document; say which with a prefix/suffix "
        "(TextQuoteSelector) or a TextPositionSelector",
    ]
    assert verify_database(wb).ok
    # Again: the good one is present, the bad ones skipped again, nothing added.
    again = import_annotations(wb, path, doc, skip_bad=True)
    assert (again.added, again.present, len(again.skipped)) == ([], 1, 2)


def test_cli_skip_bad_says_each_annotation_skipped(run: Run, wb: Workbench, tmp_path: Path) -> None:
    doc = add_document(wb, "甲说：MiniMax很好。".encode()).document.id
    path = write(tmp_path, [_quoted("甲说"), _quoted("不在文中")])
    r = run("import", "annotations", path, "--doc", str(doc))
    assert r.code == 1 and r.err.endswith("; give --skip-bad\n"), r.err
    r = run("import", "annotations", path, "--doc", str(doc), "--skip-bad")
    assert r.code == 0, r.err
    assert r.err.splitlines() == [
        "skipped annotation 2: quote not found in the document: '不在文中'",
        "1 claim added, 0 already present, 1 annotation skipped",
    ]
    r = run("import", "annotations", path, "--doc", str(doc), "--skip-bad", "--json")
    out = json.loads(r.out)
    assert (out["added"], out["already_present"], len(out["skipped"])) == ([], 1, 1)
    # Annotations failing alike are one line, refused or skipped.
    many = write(tmp_path, [_quoted("甲说"), *(_quoted("不在文中") for _ in range(40))], "m.json")
    r = run("import", "annotations", many, "--doc", str(doc))
    assert r.code == 1 and r.err == (
        "error: nothing imported: annotations 2-41: quote not found in the document: '不在文中'; "
        "give --skip-bad\n"
    ), r.err
    r = run("import", "annotations", many, "--doc", str(doc), "--skip-bad")
    assert r.code == 0 and r.err.splitlines() == [
        "skipped annotations 2-41: quote not found in the document: '不在文中'",
        "0 claims added, 1 already present, 40 annotations skipped",
    ], r.err
    # --skip-bad with not one good annotation: the import failed (it was exit 0, 0 added)
    none = write(tmp_path, [_quoted("不在文中"), _quoted("也不在")], "n.json")
    r = run("import", "annotations", none, "--doc", str(doc), "--skip-bad")
    assert r.code == 1 and r.err == (
        "error: every annotation failed, nothing imported: annotation 1: quote not found in "
        "the document: '不在文中'; annotation 2: quote not found in the document: '也不在'; "
        "check FILE\n"
    ), r.err
    r = run("import", "annotations", none, "--doc", str(doc), "--skip-bad", "--json")
    hint = json.loads(r.err)["error"]["hint"]
    assert hint == {"kind": "bad_input", "field": "claims_file", "failed_annotations": [1, 2]}


def test_one_annotation_or_claim_exported_is_said_in_the_singular(
    run: Run, wb: Workbench, tmp_path: Path
) -> None:
    from workbench.services.claims import SpanRequest, add_claim

    doc = add_document(wb, "甲说了一句话。".encode()).document.id
    add_claim(wb, doc, "A said", SpanRequest(quote="甲说了"))
    r = run("export", "annotations", "--doc", str(doc), "-o", str(tmp_path / "a.json"))
    assert r.code == 0 and "wrote 1 annotation to" in r.err, r.err
    r = run("export", "claims", "--doc", str(doc), "--format", "csv", "-o", str(tmp_path / "c.csv"))
    assert r.code == 0 and "wrote 1 claim to" in r.err, r.err


def _revised(wb: Workbench) -> tuple[int, dict[str, int]]:
    """A document revised once: claim `revenue`'s verdict flagged (its quote changed), claim
    `profit` orphaned (its sentence cut), claim `outlook` moved."""
    from workbench.services.claims import SpanRequest, add_claim, set_status
    from workbench.services.revisions import update_document
    from workbench.services.sources import Content

    first = "甲公司称，营收增长了12%。\n乙说，利润翻了一番。\n丙认为，明年会更好。\n"
    second = "编者按：本文已更新。\n甲公司称，营收增长了13%。\n丙认为，明年会更好。\n"
    doc = add_document(wb, first.encode()).document.id
    quotes = {"revenue": "营收增长了12%", "profit": "利润翻了一番", "outlook": "明年会更好"}
    ids = {k: add_claim(wb, doc, k, SpanRequest(quote=q)).id for k, q in quotes.items()}
    set_status(wb, ids["revenue"], "unverifiable", note="No filing.")
    update_document(wb, doc, Content(second, "text", "v2.txt"))
    return doc, ids


@pytest.mark.parametrize("include_flagged", [False, True])
def test_an_export_re_imported_is_present_orphaned_claims_included(
    wb: Workbench, tmp_path: Path, counts: Counts, include_flagged: bool
) -> None:
    """A new-user trial: re-importing a document's own annotations failed once a claim was
    orphaned ("annotation 2: quote not found"), where `import claims` of its own export says
    every claim present. Its annotation is its claim, found by id before anchoring."""
    from workbench.services.claims import get_claim

    doc, ids = _revised(wb)
    assert get_claim(wb, ids["profit"]).anchor_state == "orphaned"
    assert get_claim(wb, ids["revenue"]).flagged
    collection = export_annotations(
        wb, document_ids=[doc], include_flagged=include_flagged
    ).collection
    path = write(tmp_path, collection)
    before = counts()
    result = import_annotations(wb, path, doc)
    assert (list(result.added), result.present, result.notices) == ([], 3, [])
    assert counts() == before
    assert get_claim(wb, ids["profit"]).anchor_state == "orphaned"
    assert get_claim(wb, ids["profit"]).revision == 1


def test_annotations_exported_before_an_update_are_present_though_quotes_moved(
    wb: Workbench, tmp_path: Path, counts: Counts
) -> None:
    """Session 45's new user: annotations exported before `doc update` changed a figure in a
    claim's quote (re-anchored, fuzzy, in revision 2) were refused on re-import as "quote not
    found". The annotation's id and text name the claim: present."""
    from workbench.services.claims import SpanRequest, add_claim
    from workbench.services.revisions import update_document
    from workbench.services.sources import Content

    doc = add_document(wb, "失业率在三月降至3.8%。新桥已通车。\n".encode()).document.id
    add_claim(wb, doc, "Jobless 3.8%", SpanRequest(quote="失业率在三月降至3.8%"))
    add_claim(wb, doc, "Bridge", SpanRequest(quote="新桥已通车"))
    path = write(tmp_path, export_annotations(wb, document_ids=[doc]).collection)
    update_document(wb, doc, Content("失业率在三月降至3.9%。新桥已通车。\n", "text", "v2.txt"))
    before = counts()
    result = import_annotations(wb, path, doc)
    assert (list(result.added), result.present, result.skipped) == ([], 2, [])
    assert counts() == before


def _other_id(item: dict[str, Any]) -> None:
    item["id"] = "urn:uuid:00000000-0000-5000-8000-000000000000"


def _other_quote(item: dict[str, Any]) -> None:
    item["target"]["selector"][0]["exact"] = "利润翻了两番"


def _other_text(item: dict[str, Any]) -> None:
    _body(item, "describing")["value"] = "Other"


def _other_start(item: dict[str, Any]) -> None:
    item["target"]["selector"][1]["start"] = 0


def _not_ours(item: dict[str, Any]) -> None:
    del item["generator"]


@pytest.mark.parametrize("changes", [_other_id, _other_quote, _other_text, _other_start, _not_ours])
def test_only_the_claims_own_annotation_is_recognised_by_its_id(
    wb: Workbench, tmp_path: Path, changes: Callable[[dict[str, Any]], None]
) -> None:
    """Another id, quote, text or span, or another tool's annotation, is not the claim's own:
    it is anchored as any annotation is, and an orphaned quote fails to anchor."""
    doc, _ = _revised(wb)
    items = export_annotations(wb, document_ids=[doc]).collection["first"]["items"]
    [profit] = [a for a in items if _body(a, "describing")["value"] == "profit"]
    changes(profit)
    with pytest.raises(InvalidInput, match="nothing imported: annotation 1: quote not found"):
        import_annotations(wb, write(tmp_path, [profit]), doc)


def test_cli_re_imports_its_own_annotations_of_an_orphaned_claim(
    run: Run, wb: Workbench, tmp_path: Path
) -> None:
    doc, _ = _revised(wb)
    for flagged in ((), ("--include-flagged",)):
        target = tmp_path / f"d{len(flagged)}.json"
        r = run("export", "annotations", "--doc", str(doc), *flagged, "-o", str(target))
        assert r.code == 0, r.err
        r = run("import", "annotations", str(target), "--doc", str(doc))
        assert r.code == 0, r.err
        assert r.err.splitlines()[-1] == "0 claims added, 3 already present"


def test_annotations_of_another_document_of_the_desk_are_said_to_be(
    wb: Workbench, desk: Desk, tmp_path: Path
) -> None:
    """trial47: a document's annotations came into another (an opinion piece quoting the same
    sentences) without a word, where a claims table of another document is refused. Carried
    into another copy of the article they are a desk's way of moving its work, and have no
    column to empty: anchored, and said."""
    path = write(tmp_path, exported(wb, desk))
    other = add_document(wb, ("Opinion. " + ARTICLE).encode()).document.id
    result = import_annotations(wb, path, other)
    assert len(result.added) == 7
    assert result.notices[0].startswith(
        f"annotation 1: its target is document #{desk.doc}, not #{other}: anchored in "
        f"#{other} by its quote; "
    )
    assert len(result.notices) == 7
    assert all(f"target is document #{desk.doc}" in n for n in result.notices)
    # Into its own document it is the export's own, as ever: nothing said.
    again = import_annotations(wb, path, desk.doc)
    assert again.added == [] and again.notices == []


def test_a_document_without_a_url_is_named_by_its_text(wb: Workbench, tmp_path: Path) -> None:
    from workbench.services.claims import SpanRequest, add_claim

    first = add_document(wb, ARTICLE.encode()).document.id
    add_claim(wb, first, "a claim", SpanRequest(quote=ARTICLE[:12]))
    data = export_annotations(wb, document_ids=[first]).collection
    item = data["first"]["items"][0]
    assert item["target"]["source"].startswith("urn:sha256:")
    other = add_document(wb, ("Opinion. " + ARTICLE).encode()).document.id
    result = import_annotations(wb, write(tmp_path, data), other)
    assert result.notices == [
        f"annotation 1: its target is document #{first}, not #{other}: anchored in #{other} "
        "by its quote"
    ]
    # A source this desk does not know (another tool's page) says nothing either way.
    item["target"]["source"] = "https://elsewhere.example.org/story"
    third = add_document(wb, ("Letters. " + ARTICLE).encode()).document.id
    assert import_annotations(wb, write(tmp_path, data, "foreign.json"), third).notices == []
