"""`doc changes` of a revision that moved a paragraph (a correction put at the top, a section
reordered) said it deleted where it was and inserted where it is: a desk reading the stealth-edit
report saw the paragraph's words removed and written anew, and could not tell a move from a
rewrite. A whole line whose words a revision deletes in one place and inserts, the same, in
another is now one change, `move`, at both places; what else the revision deleted or inserted
around it is still said."""

from __future__ import annotations

from workbench.services.changes import document_changes
from workbench.services.context import Workbench
from workbench.services.documents import DocumentMeta, add_document
from workbench.services.revisions import update_document
from workbench.services.sources import Content

P1 = "Unemployment fell to 3.5% in March, the lowest level since 1969."
P2 = "The city spent 2.8 million dollars on the new bridge, officials said."
P3 = "Exports to China rose by 12% last year according to the trade ministry."
P4 = "The mayor said crime had dropped 20% since she took office in 2020."


def _revised(wb: Workbench, old: str, new: str) -> list[tuple[str, int, int, int, int, str, str]]:
    doc = add_document(wb, old.encode(), meta=DocumentMeta(title="t")).document.id
    update_document(wb, doc, Content(new, "text", "r2.txt"))
    [rev] = document_changes(wb, doc).revisions
    return [
        (c.op, c.old_start, c.old_end, c.new_start, c.new_end, c.old_text, c.new_text)
        for c in rev.changes
    ]


def test_a_paragraph_moved_to_the_top_is_a_move_not_a_deletion(wb: Workbench) -> None:
    old = f"{P1}\n\n{P2}\n\n{P3}\n\n{P4}\n"
    new = f"{P4}\n\n{P1}\n\n{P2}\n"
    changes = _revised(wb, old, new)
    at = old.index(P4)
    assert ("move", at, at + len(P4), 0, len(P4), P4, P4) in changes, changes
    # The paragraph deleted with it is still a deletion; nothing says P4 was deleted or added.
    deleted = [c for c in changes if c[0] == "delete"]
    assert [c[5].strip() for c in deleted] == [P3], changes
    assert not any(P4 in c[5] or P4 in c[6] for c in changes if c[0] != "move"), changes


def test_two_paragraphs_swapped_are_a_move(wb: Workbench) -> None:
    old = f"{P1}\n\n{P2}\n\n{P3}\n"
    new = f"{P2}\n\n{P1}\n\n{P3}\n"
    changes = _revised(wb, old, new)
    assert [c[0] for c in changes] == ["move"], changes
    moved = changes[0][5]
    assert changes[0][5] == changes[0][6] and moved in (P1, P2), changes


def test_a_paragraph_moved_and_edited_is_no_move(wb: Workbench) -> None:
    old = f"{P1}\n\n{P2}\n\n{P3}\n"
    new = f"{P3.replace('12%', '14%')}\n\n{P1}\n\n{P2}\n"
    changes = _revised(wb, old, new)
    assert "move" not in [c[0] for c in changes], changes
