"""A claim's speaker published as an Organization or a Person as the desk says, by a tag on the
claim (`speaker:organisation`, `speaker:person`), where the name alone misleads the guess
(`claimreview.agent`): MiniMax, a company, was published as a Person, and so would any firm
whose name holds no word such as Inc or 公司."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from export_desk import Run

from workbench.domain.errors import InvalidInput, TransitionRefused
from workbench.services.bundle import export_bundle, import_bundle
from workbench.services.claims import SpanRequest, add_claim, set_status
from workbench.services.context import Workbench
from workbench.services.documents import DocumentMeta, add_document
from workbench.services.evidence import EvidenceInput, add_evidence
from workbench.services.exports import export_claimreview
from workbench.services.imports import import_claims
from workbench.services.queries import ClaimFilter, list_claims
from workbench.services.replay import replay
from workbench.services.review_selection import ReviewSelection
from workbench.services.workflow import tag, untag

TEXT = "MiniMax said it raised $600m. Jim Press said sales rose. 国家统计局称GDP增长5%。"


def _desk(wb: Workbench) -> dict[str, int]:
    doc = add_document(
        wb,
        TEXT.encode(),
        meta=DocumentMeta(title="t", url="https://news.example.com/a", author="Li Wei"),
    ).document.id
    said = {
        "MiniMax": ("MiniMax raised $600m", "it raised $600m"),
        "Jim Press": ("Sales rose", "sales rose"),
        "国家统计局": ("GDP grew 5%", "GDP增长5%"),
    }
    return {
        speaker: add_claim(wb, doc, text, SpanRequest(quote=quote), speaker=speaker).id
        for speaker, (text, quote) in said.items()
    }


def _judge(wb: Workbench, claim_id: int) -> None:
    add_evidence(wb, claim_id, EvidenceInput(stance="supports", url="https://example.org/s"))
    set_status(wb, claim_id, "verified", note="checked")


def _authors(wb: Workbench) -> dict[str, Any]:
    selection = ReviewSelection(org="Check Desk", org_url="https://checks.example.org")
    reviews = export_claimreview(wb, selection).reviews
    return {r["itemReviewed"]["author"]["name"]: r["itemReviewed"]["author"] for r in reviews}


def test_a_speaker_tagged_an_organisation_is_published_as_one(wb: Workbench) -> None:
    """MiniMax, tagged speaker:organisation, is an Organization; Jim Press, whose surname is a
    word the guess takes for a publisher's, tagged speaker:person, a Person; 国家统计局,
    untagged, is still recognised by its name."""
    ids = _desk(wb)
    tag(wb, [ids["MiniMax"]], ["speaker:organisation"])
    tag(wb, [ids["Jim Press"]], ["speaker:person"])
    for claim_id in ids.values():
        _judge(wb, claim_id)
    assert _authors(wb) == {
        "MiniMax": {"@type": "Organization", "name": "MiniMax"},
        "Jim Press": {"@type": "Person", "name": "Jim Press"},
        "国家统计局": {"@type": "Organization", "name": "国家统计局"},
    }


def test_the_american_spelling_is_the_same_tag(wb: Workbench) -> None:
    """A desk typing speaker:organization (or ＳＰＥＡＫＥＲ:Organization) means the same."""
    ids = _desk(wb)
    tag(wb, [ids["MiniMax"]], ["ＳＰＥＡＫＥＲ:Organization"])
    _judge(wb, ids["MiniMax"])
    assert _authors(wb)["MiniMax"]["@type"] == "Organization"


def test_the_kind_cannot_change_under_a_verdict(wb: Workbench) -> None:
    """The review names its author's kind as the speaker's name is: it was judged, and a
    partner who pulled the review (`--after`) would never see it change. Tagging or untagging
    it under a verdict is refused, as editing the speaker is; other tags are not."""
    ids = _desk(wb)
    claim_id = ids["MiniMax"]
    tag(wb, [claim_id], ["speaker:person"])
    _judge(wb, claim_id)
    with pytest.raises(TransitionRefused, match="speaker"):
        tag(wb, [claim_id], ["speaker:organisation"])
    with pytest.raises(TransitionRefused, match="speaker"):
        untag(wb, [claim_id], ["speaker:person"])
    tag(wb, [claim_id], ["money"])
    assert _authors(wb)["MiniMax"]["@type"] == "Person"


def test_claim_tag_then_export_publishes_an_organization(run: Run) -> None:
    """The desk's path: `claim tag ID speaker:organisation`, a verdict, `export claimreview`."""
    import json
    import pathlib
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = pathlib.Path(tmp) / "a.txt"
        path.write_text(TEXT, encoding="utf-8")
        assert run("doc", "add", str(path), "--url", "https://news.example.com/a").code == 0
    added = run(
        "claim",
        "add",
        "1",
        "--quote",
        "it raised $600m",
        "--text",
        "MiniMax raised",
        "--speaker",
        "MiniMax",
    )
    assert added.code == 0, added.err
    assert run("claim", "tag", "1", "speaker:organisation").code == 0
    run("evidence", "add", "1", "--url", "https://example.org/s", "--stance", "supports")
    assert run("claim", "status", "1", "verified", "--note", "ok").code == 0
    out = run("export", "claimreview", "--org", "Desk", "--org-url", "https://desk.example.org")
    assert out.code == 0, out.err
    author = json.loads(out.out)[0]["itemReviewed"]["author"]
    assert author == {"@type": "Organization", "name": "MiniMax"}
    refused = run("claim", "untag", "1", "speaker:organisation")
    assert refused.code == 1 and "speaker" in refused.err and "Traceback" not in refused.err


def test_a_speaker_is_not_given_both_kinds(wb: Workbench) -> None:
    """A desk changing its mind (speaker:person, then speaker:organisation) got both tags and
    an Organization by the tie rule, whichever it meant; asked for both at once, the same. The
    second kind is refused, naming the one it has (the untag to run is the hint); the tag it had
    stays alone."""
    ids = _desk(wb)
    tag(wb, [ids["Jim Press"]], ["speaker:person"])
    with pytest.raises(InvalidInput, match="tagged speaker:person"):
        tag(wb, [ids["Jim Press"]], ["speaker:organisation"])
    with pytest.raises(InvalidInput, match="both"):
        tag(wb, [ids["MiniMax"]], ["speaker:person", "speaker:organization"])
    tag(wb, [ids["Jim Press"]], ["speaker:person"])  # the same kind again: nothing changes
    untag(wb, [ids["Jim Press"]], ["speaker:person"])
    tag(wb, [ids["Jim Press"]], ["speaker:organisation", "speaker:organization"])
    _judge(wb, ids["Jim Press"])
    assert _authors(wb)["Jim Press"]["@type"] == "Organization"


def test_a_kind_tag_refused_under_a_verdict_is_named_as_typed(wb: Workbench) -> None:
    """Under a verdict the refusal named the speaker ("its speaker is what was judged") where
    the desk typed a tag: it names the kind tag given or taken off, and why it counts."""
    claim_id = _desk(wb)["MiniMax"]
    tag(wb, [claim_id], ["speaker:person"])
    _judge(wb, claim_id)
    with pytest.raises(TransitionRefused, match=r"its speaker:organisation tag \(what its"):
        tag(wb, [claim_id], ["Speaker:Organisation"])
    with pytest.raises(TransitionRefused, match=r"its speaker:person tag \(what its"):
        untag(wb, [claim_id], ["speaker:person"])


def _table(tmp_path: Path, *tags: str) -> str:
    path = tmp_path / "claims.csv"
    rows = "".join(f"Sales rose,sales rose,Jim Press,{cell}\n" for cell in tags)
    path.write_text(f"text,quote,speaker,tags\n{rows}")
    return str(path)


def test_an_imported_row_is_not_given_both_kinds(wb: Workbench, tmp_path: Path) -> None:
    """`import claims` took a new claim tagged speaker:person and speaker:organisation, which
    `claim tag` refuses, and published it as an Organization by the tie rule: the row is
    refused as `claim tag` refuses it (skipped with --skip-bad); one kind is taken."""
    doc = add_document(wb, TEXT.encode(), meta=DocumentMeta(title="t")).document.id
    both = "speaker:person; Speaker:Organization"
    with pytest.raises(InvalidInput, match="organisation or a person, not both"):
        import_claims(wb, _table(tmp_path, both), doc)
    result = import_claims(wb, _table(tmp_path, both, "speaker:person; sales"), doc, skip_bad=True)
    assert [c.tags for c in result.added] == [("sales", "speaker:person")]
    assert len(result.skipped) == 1 and "not both" in result.skipped[0], result.skipped


def test_a_claim_tagged_both_kinds_before_the_refusal_is_kept_as_it_was(
    wb: Workbench,
    cli: Any,
    empty_db_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A desk an earlier release tagged both kinds: its bundle restores the claim as exported
    (a backup is the desk as it was; replay agrees), and its own row in a claims table,
    imported back, is that claim present, not a new one refused."""
    ids = _desk(wb)
    with monkeypatch.context() as earlier:
        earlier.setattr("workbench.services.workflow.check_one_kind", lambda *a: None)
        tag(wb, [ids["Jim Press"]], ["speaker:person", "speaker:organisation"])
    table = tmp_path / "claims.csv"
    assert cli("export", "claims", "-o", str(table)).code == 0
    again = import_claims(wb, str(table), 1)
    assert (len(again.added), again.present, again.skipped) == (0, 3, [])
    bundle = tmp_path / "desk.zip"
    with bundle.open("wb") as out:
        export_bundle(wb, out)
    moved = Workbench(url=empty_db_url, actor="tester")
    import_bundle(moved, str(bundle))
    restored = {t for c in list_claims(moved, ClaimFilter()) for t in c.tags}
    assert {"speaker:person", "speaker:organisation"} <= restored
    assert replay(moved).consistent
