"""Every action the trail records, through every place that reads the trail out in words:
`audit export --format md` (the timeline an editor or a lawyer signs off), `claim show`'s
history and the HTML report's history (timeline336).

Was: no test walked every action through them, and lines that mis-said an event were found
one at a time by reviews (document.checked read as "document added: untitled, None
characters", document.revised as "revision #1 added", a setting's change as "key: (none) →
KEY"). What was still wrong: `claim.imported` read as "claim added" (an import said as a claim
picked out by hand, its file and row unsaid); a document's hash was printed unescaped (a forged
payload's `**`, `<script>` or right-to-left override went into the Markdown as markup); a
document without a length or hash read "None characters, sha256 None…"; and a user, named, not
numbered, read as "user #tester added"."""

from __future__ import annotations

import json
import re
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import select

from tests.conftest import Result
from workbench.db.models import Event
from workbench.domain.replay import RULES
from workbench.exports.timeline_md import event_summary
from workbench.services.context import Workbench, transaction

# A stored string that is markup in Markdown and HTML, and a right-to-left override.
HOSTILE = "**b** <script>x</script> \u202egnp.exe"
TEXT = "甲说：MiniMax在2021年底创业。乙说：比ChatGPT早一年。"
REVISED = "编者按：本文有更新。\n甲说：MiniMax在2022年底成立。乙说：比ChatGPT早一年。"

# What the timeline says each action did, in its own words: a generic line or another
# action's words ("claim added" for an import) is not it; nor is the action's verb alone, which
# the generic line writes for any action, with no change or the wrong one (review339: a note
# said as "evidence #2 added", an approval listing nothing, passed).
WORDS = {
    "document.added": "**document #1 added**",
    "claim.added": "**claim added**",
    "note.added": "**note #",
    "note.visibility_changed": "note #2 **visibility changed**: internal: no → yes",
    "evidence.added": "**evidence #1 added**",
    "claim.imported": "**claim imported**",
    "claim.status_changed": "**status changed**: status: unverified → unverifiable",
    "claim.review_requested": "**review requested**: verdict unverifiable proposed by tester",
    "claim.approved": "**approved**: verdict unverifiable approved, proposed by tester",
    "claim.rejected": "**rejected**: verdict unverifiable rejected, proposed by tester",
    "claim.assigned": "**assigned**: assignee: (none) → alice",
    "claim.tagged": "**tagged**: tags: (none) → ai",
    "claim.untagged": "**untagged**: tags: ai → (none)",
    "claim.priority_changed": "**priority changed**: priority: normal → high",
    "claim.due_changed": "**due changed**: due: (none) → 2030-01-01",
    "claim.edited": "· **edited**: speaker: (none) → MiniMax",
    "setting.changed": "**changed**: value: ",
    "document.edited": "document #1 **edited**: title: ",
    "document.revised": "**revised**: revision 2 of document #1, ",
    "document.checked": "**checked**: revision 2 of document #1",
    "claim.reanchored": "**reanchored**: anchor_score: (none) → 1.0",
    "claim.flagged_for_review": "**flagged for review**: anchor_score",
    "claim.quote_changed": "**quote changed**: anchor_score",
    "user.added": "**user tester",
    "user.bound": "user tester2 **bound**: role: (none) → ",
    "user.edited": "user tester2 **edited**: email",
    "desk.guards_restored": "**guards restored** by `db upgrade`: triggers events_no_update",
}
# The actions the timeline says by what they created: none of them is another's creation.
ADDED = ("document.added", "claim.added", "note.added", "evidence.added", "user.added")


def _desk(wb: Workbench) -> None:
    """One desk where every action happens at least once (user.bound: PostgreSQL only)."""
    from workbench.db.backend import drop_append_only_triggers
    from workbench.db.engine import get_engine
    from workbench.services import review, workflow
    from workbench.services.claim_edits import edit_claim
    from workbench.services.claims import SpanRequest, add_claim, set_status
    from workbench.services.database import upgrade_schema
    from workbench.services.documents import add_document, edit_document
    from workbench.services.evidence import EvidenceInput, add_evidence
    from workbench.services.imports import import_claims
    from workbench.services.notes import add_note, set_note_visibility
    from workbench.services.revisions import update_document
    from workbench.services.settings import set_config
    from workbench.services.sources import Content
    from workbench.services.users import add_user, bind_user, edit_user

    pg = wb.url.startswith("postgres")
    doc = add_document(wb, TEXT.encode()).document.id
    edit_document(wb, doc, title=HOSTILE)
    judged = add_claim(wb, doc, "founded " + HOSTILE, SpanRequest(quote="2021年底")).id
    settled = add_claim(wb, doc, "earlier", SpanRequest(quote="ChatGPT早一年")).id
    rejected = add_claim(wb, doc, "MiniMax", SpanRequest(quote="MiniMax")).id
    open_ = add_claim(wb, doc, "started up", SpanRequest(quote="创业")).id
    edit_claim(wb, judged, speaker="MiniMax", note="why " + HOSTILE)
    workflow.assign_owner(wb, [judged], "alice")
    workflow.tag(wb, [judged], ["ai"])
    workflow.untag(wb, [judged], ["ai"])
    workflow.set_priority(wb, [judged], "high")
    workflow.set_due(wb, [judged], "2030-01-01")
    add_evidence(
        wb, judged, EvidenceInput(stance="supports", url="https://a.example", title=HOSTILE)
    )
    note = add_note(wb, judged, "note " + HOSTILE)
    set_note_visibility(wb, note.id, internal=True, reason="desk only")
    add_note(wb, settled, "public " + HOSTILE)
    set_status(wb, settled, "unverifiable", note="no record")
    set_config(wb, "review.required", "true")
    if pg:
        # One database role for every test: the role rule has its own tests (test_signoff).
        set_config(wb, "review.distinct_roles", "false")
    editor = Workbench(url=wb.url, actor="editor")
    set_status(wb, judged, "unverifiable", note="no record")
    review.approve(editor, judged)
    set_status(wb, rejected, "unverifiable", note="no record either")
    review.reject(editor, rejected, note="weak")
    add_user(wb, "tester2", display="The Tester", email="t@example.org")
    edit_user(wb, "tester2", email="t@example.net")
    # Revision 2: the judged claim's quote changed (flagged), the open one's gone (quote
    # changed), the others moved (reanchored); then the same text again (checked).
    update_document(wb, doc, Content(REVISED, "text", "update.txt"))
    update_document(wb, doc, Content(REVISED, "text", "update.txt"))
    table = Path(tempfile.mkdtemp()) / "claims.csv"
    table.write_text("quote,text,status,note\nChatGPT,named,unverifiable,none found\n")
    import_claims(wb, str(table), doc)
    with get_engine(wb.url).begin() as conn:
        drop_append_only_triggers(conn)
    upgrade_schema(wb)
    if pg:
        bind_user(wb, "tester2", "postgres")
    assert open_


def _actions(wb: Workbench) -> dict[int, tuple[str, dict[str, Any], str, str]]:
    with transaction(wb) as tx:
        rows = tx.session.execute(
            select(Event.seq, Event.action, Event.payload, Event.entity_type, Event.entity_id)
        )
        return {seq: (a, json.loads(p), t, i) for seq, a, p, t, i in rows}


def _expected(wb: Workbench) -> set[str]:
    return set(RULES) - (set() if wb.url.startswith("postgres") else {"user.bound"})


def _plain(text: str) -> bool:
    """No `None`, no Python repr, and no stored markup or reordering left to act."""
    return not any(bad in text for bad in ("None", "{'", "['", "<script>", "\u202e", "**b**"))


def test_the_timeline_says_every_action_in_its_own_words(
    wb: Workbench, cli: Callable[..., Result]
) -> None:
    _desk(wb)
    events = _actions(wb)
    assert {a for a, *_ in events.values()} >= _expected(wb)
    out = cli("audit", "export", "--format", "md")
    assert out.code == 0, out.err
    entries = {
        int(m.group(2)): m.group(1)
        for m in re.finditer(r"^(- \*\*.*_\(seq (\d+)\)_\n(?:  >.*\n)*)", out.out, re.M)
    }
    assert set(entries) == set(events)
    wrong = [
        (action, entries[seq])
        for seq, (action, *_rest) in events.items()
        if not _said(entries[seq], action)
    ]
    assert wrong == [], "\n".join(map(repr, wrong))


def _said(line: str, action: str) -> bool:
    """`line` says `action` in its own words, not as a creation unless it is one, as text."""
    own = WORDS[action] in line and (action in ADDED or " added**" not in line)
    return own and _plain(line)


def test_claim_show_and_the_report_name_every_claims_action(
    wb: Workbench, cli: Callable[..., Result], tmp_path: Path
) -> None:
    """`claim show`'s history and the report's: a line of its own for each of a claim's
    events, naming its action, every stored string escaped."""
    _desk(wb)
    events = _actions(wb)
    about_claims = {a for a, _, t, _ in events.values() if t in ("claim", "note", "evidence")}
    shown = ""
    for claim_id in range(1, 6):
        out = cli("claim", "show", str(claim_id))
        assert out.code == 0, out.err
        shown += out.out.split("\nhistory\n", 1)[1]
    for action in about_claims:
        assert re.search(rf"^ +\d+ \S+ \S+ +{re.escape(action)}\b", shown, re.M), action
    assert "None" not in shown and "\u202e" not in shown, shown
    out = cli("report", "1", "-o", str(tmp_path / "r.html"))
    assert out.code == 0, out.err
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    history = "".join(re.findall(r'<ol class="timeline">(.*?)</ol>', page, re.S))
    # A note's visibility is the desk's own: never published (publishing.published_history).
    for action in about_claims - {"note.visibility_changed"}:
        assert f"<code>{action}</code>" in history, action
    assert "<script>" not in history and "None" not in history


def _forged(value: Any) -> Any:
    """`value` with every string in it, at any depth, the hostile one."""
    if isinstance(value, str):
        return HOSTILE
    if isinstance(value, dict):
        return {k: _forged(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_forged(v) for v in value]
    return value


def _emptied(value: Any) -> Any:
    """`value` with every value in it, at any depth, null."""
    if isinstance(value, dict):
        return {k: _emptied(v) for k, v in value.items()}
    return None


def test_a_forged_payload_is_text_in_every_line(wb: Workbench) -> None:
    """Each action's payload as the desk wrote it, its every string (a hash, a title, a file
    name) made markup and a right-to-left override: the line says it as text, in the action's
    own words; and with its every value null, it says no `None`."""
    _desk(wb)
    wrong = []
    for action, payload, etype, eid in _actions(wb).values():
        # (the notes quoted beneath are escaped as the entry writes them: the CLI test's)
        summary, _ = event_summary(action, etype, eid, _forged(payload))
        if not _plain(summary) or WORDS[action].split("**")[-2] not in summary:
            wrong.append((action, summary))
        summary, _ = event_summary(action, etype, eid, _emptied(payload))
        if "None" in summary:
            wrong.append((action, summary))
    assert wrong == [], "\n".join(map(repr, wrong))
