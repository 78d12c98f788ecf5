"""replay_state.LatestTexts (rr306): each document's latest revision and its whole sha256, in a
bytearray for ids below `array_ids` and a dict for the rest (forged: negative or huge), so that
`document.checked` is held to the text it names. rr306 tested it through replay with small ids
only; the dict's side, an older revision arriving late and an event that gave no hash were
not reached."""

from __future__ import annotations

import hashlib

from workbench.domain.replay_state import NO_SHA256, LatestTexts, sha256_bytes

A = hashlib.sha256(b"a").hexdigest()
B = hashlib.sha256(b"b").hexdigest()


def test_ids_past_the_array_and_forged_ones_are_held_alike() -> None:
    texts = LatestTexts(array_ids=4)
    for document_id in (0, 3, 4, 10**12, -7):
        texts.put(document_id, 2, A)
        assert texts.get(document_id) == (2, bytes.fromhex(A)), document_id
    assert texts.get(5) is None  # never put, inside the array's reach or not
    assert texts.get(2) is None


def test_a_later_revision_replaces_and_an_older_one_does_not() -> None:
    texts = LatestTexts(array_ids=4)
    for document_id in (1, 99):
        texts.put(document_id, 1, A)
        texts.put(document_id, 3, B)
        texts.put(document_id, 2, A)  # arrives after revision 3: not the latest
        assert texts.get(document_id) == (3, bytes.fromhex(B)), document_id


def test_a_revision_with_no_hash_matches_no_check() -> None:
    texts = LatestTexts(array_ids=4)
    texts.put(1, 1, "not a hash")
    texts.put(50, 1, A.upper())  # events record lower-case hex
    assert texts.get(1) == (1, NO_SHA256)
    assert texts.get(50) == (1, NO_SHA256)
    assert sha256_bytes("not a hash") is None and sha256_bytes(A.upper()) is None


def test_forged_numbers_and_ids_are_skipped() -> None:
    texts = LatestTexts()
    texts.put("1", 1, A)
    texts.put(1, 0, A)
    texts.put(1, True, A)
    texts.put(True, 1, A)
    assert texts.get(1) is None
