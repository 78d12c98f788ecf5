"""How a message names one revision of one document, said alike everywhere.

"revision 2 of document #1": the revision first, as `doc add`, `doc show` and the refusals
said it, where `doc update` once said "document #1 revision 1" and `claim show` "document #1,
revision 2" of the same thing (fix292)."""

from __future__ import annotations


def revision_of(number: int, document_id: int) -> str:
    """`revision N of document #M`."""
    return f"revision {number} of document #{document_id}"
