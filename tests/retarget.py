"""A claims export made importable into another document: its rows name the document they
were exported from (document_id), which `import claims --doc` refuses for any other."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path


def without_document(path: Path | str) -> None:
    """Empty the file's document_id column (CSV, JSON or JSON Lines), in place."""
    path = Path(path)
    raw = path.read_bytes()
    bom = raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    if path.suffix == ".csv":
        rows = list(csv.DictReader(io.StringIO(text, newline="")))
        out = io.StringIO(newline="")
        writer = csv.DictWriter(out, list(rows[0]), lineterminator="\r\n")
        writer.writeheader()
        writer.writerows({**row, "document_id": ""} for row in rows)
        text = out.getvalue()
    elif path.suffix == ".json":
        text = json.dumps([{**row, "document_id": None} for row in json.loads(text)])
    else:
        lines = [json.loads(line) for line in text.splitlines() if line.strip()]
        text = "".join(json.dumps({**row, "document_id": None}) + "\n" for row in lines)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode())
