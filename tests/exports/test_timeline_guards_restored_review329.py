"""`audit export --format md`, the timeline an editor signs off, on `desk.guards_restored`
(review329).

Was: the line read `**desk.guards_restored** on desk guards`, naming none of the triggers or
indexes put back, though saying which guards of the trail had been gone is the event's whole
purpose (repair326); the JSONL holds them, the timeline an editor reads did not."""

from __future__ import annotations

from workbench.exports.timeline_md import event_summary


def test_the_timeline_names_what_the_upgrade_put_back() -> None:
    payload = {
        "triggers": ["events_no_update", "events_no_delete"],
        "indexes": ["ix_notes_body_trgm"],
        "revision": "0016_trigram_indexes",
    }
    summary, quoted = event_summary("desk.guards_restored", "desk", "guards", payload)
    assert "guards restored" in summary, summary
    assert "events_no_update, events_no_delete" in summary, summary
    assert "ix_notes_body_trgm" in summary and "0016_trigram_indexes" in summary, summary
    assert quoted == []


def test_a_stored_name_is_escaped_as_any_value() -> None:
    """A forged event's names are text as any stored value: no Markdown of their own."""
    payload = {"triggers": ["**x**"], "indexes": [], "revision": "r"}
    summary, _ = event_summary("desk.guards_restored", "desk", "guards", payload)
    assert "**x**" not in summary, summary
