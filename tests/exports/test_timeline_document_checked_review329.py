"""`audit export --format md` on `document.checked` (`doc update` finding the source's text
unchanged), review329.

Was: its payload holds `after` and no `before`, so the timeline read it as a creation:
`**document #1 added**: untitled, None characters, sha256 …`, a second document added where
the desk had only checked the first one's source again."""

from __future__ import annotations

from workbench.exports.timeline_md import event_summary


def test_a_check_is_not_read_as_a_document_added() -> None:
    payload = {
        "after": {"revision": 2, "sha256": "d8" * 32, "source": "src.txt", "source_sha256": None}
    }
    summary, _ = event_summary("document.checked", "document", "1", payload)
    assert "added" not in summary and "None characters" not in summary, summary
    assert "checked" in summary and "revision 2" in summary, summary
