"""A transcript's surname label read as the document's one full name of it (WHITFIELD: as
Dana Whitfield) is no other speaker when a revision makes the surname ambiguous (review55: a
revision that only added a JANE WHITFIELD line turned the untouched WHITFIELD line's speaker
back to WHITFIELD, and `doc update` rewrote the claim's speaker and flagged its verdict)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.conftest import Result

TRANSCRIPT = (
    "MODERATOR (Dana Whitfield): Welcome to the debate.\n"
    "OKAFOR: The budget grew by 12 percent last year.\n"
    "WHITFIELD: Unemployment fell to 4 percent in March.\n"
)


def _ok(r: Result) -> Result:
    assert r.code == 0, r.err
    return r


def test_a_line_elsewhere_does_not_give_whitfields_words_to_someone_else(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(TRANSCRIPT, encoding="utf-8")
    second.write_text(TRANSCRIPT + "JANE WHITFIELD: I am in the audience.\n", encoding="utf-8")
    _ok(cli("doc", "add", str(first)))
    _ok(cli("extract", "1", "--accept"))
    assert "Dana Whitfield" in _ok(cli("claim", "show", "2")).out
    _ok(cli("claim", "status", "2", "unverifiable", "--note", "no data"))
    r = _ok(cli("doc", "update", "1", str(second)))
    assert "speaker changed" not in r.out and "flagged" not in r.out, r.out
    assert "Dana Whitfield" in _ok(cli("claim", "show", "2")).out


def test_a_claim_stored_under_the_surname_follows_a_correction_of_its_line(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    """A claim stored as WHITFIELD (before labels were read as one name) is still that line's
    speaker's: a revision that gives the line to OKAFOR re-attributes it, as it would have."""
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(TRANSCRIPT, encoding="utf-8")
    second.write_text(TRANSCRIPT.replace("WHITFIELD: Unemployment", "OKAFOR: Unemployment"))
    _ok(cli("doc", "add", str(first)))
    quote = "Unemployment fell to 4 percent in March."
    _ok(cli("claim", "add", "1", "--text", "4%", "--quote", quote, "--speaker", "WHITFIELD"))
    r = _ok(cli("doc", "update", "1", str(second)))
    assert "speaker changed" in r.out, r.out
    assert "OKAFOR" in _ok(cli("claim", "show", "1")).out
