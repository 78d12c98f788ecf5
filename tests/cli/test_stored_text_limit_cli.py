"""The document size limit bounds the text a document stores, whatever its file's encoding.

fix80 checked the stored text (UTF-8, NFC) of a UTF-16 or UTF-32 file against the limit, on
the word that "a UTF-8 file's text is never larger than its bytes". NFC can make it larger:
a composition exclusion such as U+1D160 (musical symbol eighth note, 4 bytes) is stored as three
code points (12 bytes). A UTF-8 file of 4,010 bytes under a 5,000-byte limit was stored as
12,010 bytes of text, past the bound a backup bundle's row and a later `doc update` rely on. Now
every text is held to the limit as stored."""

from __future__ import annotations

from pathlib import Path

from tests.inprocess import Outcome, run_cli


def _run(db_url: str, *args: str, env: dict[str, str]) -> Outcome:
    return run_cli(list(args), env={"WORKBENCH_DB": db_url, "WORKBENCH_USER": "tester", **env})


def test_a_utf8_file_whose_nfc_text_outgrows_the_limit_is_refused(
    db_url: str, tmp_path: Path
) -> None:
    env = {"WORKBENCH_MAX_DOCUMENT_MB": str(5000 / 1024 / 1024)}
    grows = tmp_path / "notes.txt"
    grows.write_text("音符：" + "\U0001d160" * 1000 + "\n", encoding="utf-8")
    assert grows.stat().st_size == 4010
    r = _run(db_url, "doc", "add", str(grows), env=env)
    assert r.code == 1, r.out
    assert r.err == (
        f"error: {grows} is 12,010 bytes as text (UTF-8, NFC), over the 5,000-byte limit "
        "(raise it with WORKBENCH_MAX_DOCUMENT_MB)\n"
    )
    # within the limit as stored, it is taken
    fits = tmp_path / "fits.txt"
    fits.write_text("音符：" + "\U0001d160" * 400 + "\n", encoding="utf-8")
    assert _run(db_url, "doc", "add", str(fits), env=env).code == 0
