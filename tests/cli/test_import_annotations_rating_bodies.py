"""`import annotations` of an export whose rating an editor gave twice, or not as text.

The rating (an annotation's `assessing` body) is compared only, never imported (fix195). An
editor added the Chinese rating beside ours, as a second `assessing` body ("假", language
zh, as Web Annotation bodies carry translations), or a tool wrote the rating as a number:
before fix195 such a file imported as any other; since, it was refused whole ('annotation 2:
2 assessing bodies; a claim has one', exit 1, nothing added), for a field the import does
not take. A rating that is not one label gives nothing to compare: the file imports.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.cli.test_import_annotations_differs import _body, _claim, _desk, _exported, _saved
from tests.cli.test_spreadsheet_round_trip_trial97 import _head


def test_a_second_rating_body_in_another_language_does_not_refuse_the_file(
    cli: Any, tmp_path: Path
) -> None:
    _desk(cli, tmp_path)
    data = _exported(cli, tmp_path)
    second = data["first"]["items"][1]
    assert _body(second, "assessing")["value"] == "False"
    second["body"].append(
        {"type": "TextualBody", "purpose": "assessing", "value": "假", "language": "zh"}
    )
    before = _head(cli)
    r = cli("import", "annotations", str(_saved(tmp_path, data)), "--doc", "1")
    assert r.code == 0, (r.out, r.err)
    assert r.err.splitlines() == ["0 claims added, 2 already present"], r.err
    assert _head(cli) == before
    assert _claim(cli, 2) == (None, "fact", "false")


def test_a_rating_that_is_no_text_does_not_refuse_the_file(cli: Any, tmp_path: Path) -> None:
    _desk(cli, tmp_path)
    data = _exported(cli, tmp_path)
    _body(data["first"]["items"][1], "assessing")["value"] = 1
    r = cli("import", "annotations", str(_saved(tmp_path, data)), "--doc", "1")
    assert r.code == 0, (r.out, r.err)
    assert r.err.splitlines() == ["0 claims added, 2 already present"], r.err
