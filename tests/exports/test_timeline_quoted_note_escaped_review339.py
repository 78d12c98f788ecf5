"""The note quoted beneath a timeline entry, and an evidence line of `claim show`'s history, as
text (review339, reviewing timeline336's forged-payload test, which checked each entry's
summary but not what is quoted beneath it, and the timeline alone of the places that read it).

Was: the label over a change's note was written `note #{id}:` as the payload held it, outside
any escaping (a forged id's `**` or `<script>` went into the Markdown as markup, a missing one
read "note #None:"); a note added without a body was quoted as "None"; and `claim show` wrote an
evidence item's stored stance raw (an escape sequence or right-to-left override reached the
terminal) where every other stored string of the line is escaped."""

from __future__ import annotations

from workbench.exports.timeline_md import event_summary

HOSTILE = "**b** <script>x</script> \u202egnp.exe"
CHANGE = {"before": {"status": "unverified"}, "after": {"status": "unverifiable"}}


def _quoted(payload: dict[str, object], action: str = "claim.status_changed") -> str:
    _, quoted = event_summary(action, "claim", "1", payload)
    return "\n".join(f"{label}\n{body}" for label, body in quoted)


def test_a_forged_note_id_is_text_in_its_label() -> None:
    quoted = _quoted({**CHANGE, "note": {"id": HOSTILE, "body": "why"}})
    assert "<script>" not in quoted and "**b**" not in quoted and "\u202e" not in quoted, quoted
    assert "why" in quoted, quoted


def test_a_note_without_an_id_or_body_says_no_none() -> None:
    quoted = _quoted({**CHANGE, "note": {"body": "why"}})
    assert "None" not in quoted and "why" in quoted, quoted
    _, quoted_added = event_summary("note.added", "note", "4", {"after": {"body": None}})
    assert all("None" not in body for _, body in quoted_added), quoted_added
