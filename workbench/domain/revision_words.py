"""How a message names one revision of one document, said alike everywhere.

"revision 2 of document #1": the revision first, as `doc add`, `doc show` and the refusals
said it, where `doc update` once said "document #1 revision 1" and `claim show` "document #1,
revision 2" of the same thing (fix292)."""

from __future__ import annotations


def revision_of(number: int | str, document_id: int | str) -> str:
    """`revision N of document #M` (N and M as a payload held them, already escaped for the
    medium, where they are read from the audit trail)."""
    return f"revision {number} of document #{document_id}"
