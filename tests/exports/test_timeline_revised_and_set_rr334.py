"""`audit export --format md` on `document.revised` and `setting.changed` (rr334, re-reviewing
review329's document.checked line: the other actions walked through the timeline).

- `document.revised` is a revision row's creation, its entity id the row's id across every
  document, not the revision's number: the line read `**revision #1 added**: document_id: 1;
  ...; number: 2; ...` for revision 2 of document #1, a revision 1 the desk never calls it.
- `setting.changed` holds the setting's value alone in `before` and the whole setting in
  `after` (payloads.set_payload): the line read `key: (none) → review.required`, as if the
  key had changed from nothing, beside the value that did."""

from __future__ import annotations

from workbench.exports.timeline_md import event_summary

SHA = "83662cb81334" + "b5" * 26


def _revised(document_id: object = 1, number: object = 2) -> dict[str, object]:
    return {
        "after": {
            "id": 1,
            "document_id": document_id,
            "number": number,
            "text": "The council approved the budget on Tuesday.",
            "sha256": SHA,
            "length": 84,
            "format": "text",
            "source": "b.txt",
            "added_by": "ed",
            "created_at": "2026-12-06T13:35:04.000000Z",
        }
    }


def test_a_revision_is_said_by_its_number_and_document() -> None:
    summary, quoted = event_summary("document.revised", "revision", "1", _revised())
    assert "revision #1" not in summary, summary
    assert "document #1" in summary and "revision 2" in summary, summary
    assert "84 characters" in summary and "sha256 83662cb81334…" in summary, summary
    # Its text is the revision's, which `doc changes` shows: not a field of the line.
    assert "council" not in summary and quoted == [], summary


def test_a_forged_revisions_values_are_escaped() -> None:
    summary, _ = event_summary("document.revised", "revision", "1", _revised("**x**", "*2*"))
    assert "**x**" not in summary and "*2*" not in summary, summary


def test_a_setting_is_said_by_its_value_alone() -> None:
    payload = {
        "before": {"value": False},
        "after": {
            "key": "review.required",
            "value": True,
            "updated_by": "ed",
            "updated_at": "2026-12-06T13:35:02.000000Z",
        },
    }
    summary, _ = event_summary("setting.changed", "setting", "review.required", payload)
    assert "key:" not in summary, summary
    assert "value: no → yes" in summary, summary
