"""A Chinese desk's colleagues on Windows save with Notepad as "Unicode" (UTF-16 LE with a
byte-order mark) or "Unicode big endian" (UTF-16 BE with one). `doc add`, `doc update` and
`import claims` refused those files with an iconv hint; the mark says the encoding, so they are
read now, stored NFC/LF with nothing said to be guessed. The size limit still holds: on the
file's bytes as read, and on the text as stored (UTF-8), which UTF-16 Chinese is half as
large again as."""

from __future__ import annotations

import codecs
import csv
import io
import json
from pathlib import Path

from tests.inprocess import Outcome, run_cli

ARTICLE = "MiniMax 成立于2021年底。\r\n闫俊杰说：“我们一定会成功。”\r\n"
STORED = "MiniMax 成立于2021年底。\n闫俊杰说：“我们一定会成功。”\n"
NEWER = "MiniMax 成立于2021年底。\r\n闫俊杰说：“我们会成功。”\r\n"


def _run(db_url: str, *args: str, env: dict[str, str] | None = None) -> Outcome:
    base = {"WORKBENCH_DB": db_url, "WORKBENCH_USER": "tester"}
    return run_cli(list(args), env={**base, **(env or {})})


def test_doc_add_and_update_read_notepads_unicode_files(db_url: str, tmp_path: Path) -> None:
    le = tmp_path / "article.txt"
    le.write_bytes(ARTICLE.encode("utf-16"))  # Python writes the mark, little-endian here
    r = _run(db_url, "doc", "add", str(le), "--json")
    assert r.code == 0 and r.err == "", r.err
    added = json.loads(r.out)
    assert "guessed_encoding" not in json.dumps(added)
    r = _run(db_url, "doc", "text", "1")
    assert r.code == 0 and r.out == STORED
    # offsets are code points of the stored text
    r = _run(db_url, "claim", "add", "1", "--text", "founded", "--quote", "2021年底", "--json")
    assert r.code == 0, r.err
    claim = json.loads(r.out)
    assert (claim["start"], claim["end"]) == (STORED.index("2021"), STORED.index("2021") + 6)
    be = tmp_path / "newer.txt"
    be.write_bytes(codecs.BOM_UTF16_BE + NEWER.encode("utf-16-be"))
    r = _run(db_url, "doc", "update", "1", str(be))
    assert r.code == 0 and "guess" not in r.err, r.err
    assert _run(db_url, "doc", "text", "1").out == NEWER.replace("\r\n", "\n")


def test_utf16_without_a_mark_is_still_refused_saying_what_it_looks_like(
    db_url: str, tmp_path: Path
) -> None:
    """Was "holds a NUL character at offset 1: it looks like a binary file"."""
    bare = tmp_path / "bare.txt"
    bare.write_bytes("Founded in 2021.\r\nIt grew.\r\n".encode("utf-16-le"))
    r = _run(db_url, "doc", "add", str(bare))
    assert r.code == 1 and r.err == (
        f"error: {bare} is not UTF-8: it looks like UTF-16 without a byte-order mark "
        "(UTF-16LE); convert it first, e.g. iconv -f UTF-16LE -t UTF-8 FILE > FILE.utf8\n"
    )
    assert json.loads(_run(db_url, "doc", "list", "--json").out) == []


def test_import_claims_reads_a_unicode_csv(db_url: str, tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(STORED, encoding="utf-8")
    assert _run(db_url, "doc", "add", str(article)).code == 0
    table = io.StringIO()
    writer = csv.writer(table)
    writer.writerow(["quote", "text", "speaker"])
    writer.writerow(["2021年底", "成立时间", "闫俊杰"])
    writer.writerow(["我们一定会成功", "一定成功", "闫俊杰"])
    for name, data in (
        ("le.csv", table.getvalue().encode("utf-16")),
        ("be.csv", codecs.BOM_UTF16_BE + table.getvalue().encode("utf-16-be")),
    ):
        path = tmp_path / name
        path.write_bytes(data)
        r = _run(db_url, "import", "claims", str(path), "--doc", "1", "--json")
        assert r.code == 0, r.err
    claims = json.loads(_run(db_url, "claim", "list", "--json").out)
    assert sorted(c["quote"] for c in claims) == ["2021年底", "我们一定会成功"]
    assert {c["speaker"] for c in claims} == {"闫俊杰"}
    bare = tmp_path / "bare.csv"
    bare.write_bytes(table.getvalue().encode("utf-16-le"))
    r = _run(db_url, "import", "claims", str(bare), "--doc", "1")
    assert r.code == 1 and "looks like UTF-16 without a byte-order mark (UTF-16LE)" in r.err
    assert r.err.count("\n") == 1


def test_the_size_limit_holds_for_the_file_and_for_the_text_it_stores(
    db_url: str, tmp_path: Path
) -> None:
    """A limit of 3,000 bytes: UTF-16 Chinese of 2,002 bytes (1,000 characters) is 3,000 bytes
    of UTF-8 and is taken; of 2,402 bytes, 3,600 of UTF-8, refused as over the limit as
    stored; 3,002 bytes of file are refused as read, as any file over the limit is."""
    env = {"WORKBENCH_MAX_DOCUMENT_MB": str(3000 / 1024 / 1024)}
    fits = tmp_path / "fits.txt"
    fits.write_bytes(("中" * 1000).encode("utf-16"))
    r = _run(db_url, "doc", "add", str(fits), env=env)
    assert r.code == 0, r.err
    grows = tmp_path / "grows.txt"
    grows.write_bytes(("文" * 1200).encode("utf-16"))
    r = _run(db_url, "doc", "add", str(grows), env=env)
    assert r.code == 1 and r.err == (
        f"error: {grows} is 3,600 bytes as text (UTF-8; 2,402 as UTF-16), over the "
        "3,000-byte limit (raise it with WORKBENCH_MAX_DOCUMENT_MB)\n"
    )
    big = tmp_path / "big.txt"
    big.write_bytes(("字" * 1500).encode("utf-16"))
    r = _run(db_url, "doc", "add", str(big), env=env)
    assert r.code == 1 and "3,002 bytes, over the 3,000-byte limit" in r.err
    # a claims table alike
    table = tmp_path / "grows.csv"
    table.write_bytes(("quote,text\n" + "文" * 1200 + ",x\n").encode("utf-16"))
    r = _run(db_url, "import", "claims", str(table), "--doc", "1", env=env)
    assert r.code == 1 and "over the 3,000-byte limit" in r.err and "as text (UTF-8" in r.err
