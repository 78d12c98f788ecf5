"""`audit export --format md` numbers what it names one way, and says a verdict's review in
words (review339, evening out what timeline336 left).

Was: "**document #1 added**" but "document 1 **edited**" and "document 1 **checked**", "**note
#2 added**" but "note 2 **visibility changed**", and "document #1 **revised**: revision 2",
where the CLI says "claim #N", "document #M" and "revision N of document #M"
(domain.revision_words); and a review's lines listed the proposal's raw fields
("proposed_by: (none) → tester; proposed_note: (none) → no record; proposed_status: ..."),
where `claim show`'s history hides them and `claim show` since says "verdict X proposed". An
import under review.required read "status in_review", the verdict it proposed unsaid."""

from __future__ import annotations

import re
from collections.abc import Callable

from tests.conftest import Result
from tests.exports.test_every_action_read_aloud_timeline336 import _desk
from workbench.exports.timeline_md import event_summary
from workbench.services.context import Workbench


def _entries(cli: Callable[..., Result]) -> list[str]:
    out = cli("audit", "export", "--format", "md")
    assert out.code == 0, out.err
    return re.findall(r"^- \*\*.*_\(seq \d+\)_$", out.out, re.M)


def _one(entries: list[str], words: str) -> str:
    found = [e for e in entries if words in e]
    assert len(found) == 1, (words, entries)
    return found[0]


def test_the_timeline_numbers_what_it_names_one_way(
    wb: Workbench, cli: Callable[..., Result]
) -> None:
    _desk(wb)
    entries = _entries(cli)
    unnumbered = [
        e
        for e in entries
        if re.search(r"\b(claim|document|note|evidence) \d|\brevision \d+\b(?! of document #)", e)
    ]
    assert unnumbered == [], "\n".join(unnumbered)
    # A revision is named as the CLI names it, by its document.
    assert "revision 2 of document #1" in _one(entries, "**revised**")
    assert "revision 2 of document #1" in _one(entries, "**checked**")
    assert "document #1 **edited**" in _one(entries, "**edited**: title")
    assert "note #2 **visibility changed**" in _one(entries, "**visibility changed**")


def test_a_review_is_said_in_words(wb: Workbench, cli: Callable[..., Result]) -> None:
    _desk(wb)
    entries = _entries(cli)
    raw = [e for e in entries if "proposed_" in e]
    assert raw == [], "\n".join(raw)
    requested = [e for e in entries if "**review requested**" in e]
    assert len(requested) == 2, requested
    assert all("verdict unverifiable proposed by tester" in e for e in requested), requested
    assert all("status: unverified → in_review" in e for e in requested), requested
    approved = _one(entries, "**approved**")
    assert "verdict unverifiable approved, proposed by tester: “no record”" in approved
    assert "status: in_review → unverifiable" in approved, approved
    rejected = _one(entries, "**rejected**")
    assert "verdict unverifiable rejected, proposed by tester: “no record either”" in rejected
    assert "status: in_review → in_progress" in rejected, rejected
    imported = _one(entries, "**claim imported**")
    assert "status in_review, verdict unverifiable proposed by tester" in imported, imported


def test_a_forged_proposal_is_text() -> None:
    hostile = "**b** <script>x</script> \u202e"
    payload = {
        "before": {"status": "in_review", "proposed_status": hostile, "proposed_by": hostile},
        "after": {"status": "unverifiable", "proposed_status": None, "proposed_by": None},
    }
    for action in ("claim.approved", "claim.rejected"):
        summary, _ = event_summary(
            action,
            "claim",
            "1",
            {**payload, "before": {**payload["before"], "proposed_note": hostile}},
        )
        assert "<script>" not in summary and "**b**" not in summary, summary
        assert "\u202e" not in summary and "None" not in summary, summary
    emptied = {"before": {"status": "in_review"}, "after": {"status": "unverifiable"}}
    for action in ("claim.review_requested", "claim.approved", "claim.rejected"):
        summary, _ = event_summary(action, "claim", "1", emptied)
        assert "None" not in summary and "(none)" not in summary.split(";")[0], summary
