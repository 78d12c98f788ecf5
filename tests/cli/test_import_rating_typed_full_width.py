"""A rating typed full-width, imported back: the claim's rating, not a changed one.

An editor on a Chinese IME in full-width mode retyped claim #2's rating in the exported
annotations file as `Ｆａｌｓｅ` (the claim is false) and imported it: the import said
"its rating differs from the file and was not changed (use claim status)", of a rating that
is the claim's. The same cell in a claims table said the same. A rating is compared as the
project reads what a full-width IME types (ids, dates, numbers: `inputs.typed`), in either
import. (假/真 are not read as False/True: the project maps no rating word of Chinese.)
Run on both backends.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.cli.test_import_annotations_differs import _body, _desk, _exported, _saved
from tests.cli.test_import_claims_rating_edited import _judged
from tests.cli.test_import_emptied_cells import _edited


def test_an_annotations_full_width_rating_is_the_claims(cli: Any, tmp_path: Path) -> None:
    _desk(cli, tmp_path)
    data = _exported(cli, tmp_path)
    for typed in ("Ｆａｌｓｅ", "\u3000ＦＡＬＳＥ"):
        _body(data["first"]["items"][1], "assessing")["value"] = typed
        r = cli("import", "annotations", str(_saved(tmp_path, data)), "--doc", "1", "--json")
        assert r.code == 0, (r.out, r.err)
        assert json.loads(r.out)["differs"] == [], (typed, r.out)
    # Another rating typed full-width is still said.
    _body(data["first"]["items"][1], "assessing")["value"] = "Ｔｒｕｅ"
    r = cli("import", "annotations", str(_saved(tmp_path, data)), "--doc", "1", "--json")
    assert json.loads(r.out)["differs"] == [
        {"row": 2, "claim": 2, "fields": ["rating"], "emptied": []}
    ]


def test_a_tables_full_width_rating_is_the_claims(cli: Any, tmp_path: Path) -> None:
    _judged(cli, tmp_path)
    sheet = _edited(cli, tmp_path, rating="Ｆａｌｓｅ")
    r = cli("import", "claims", str(sheet), "--doc", "1", "--json")
    assert r.code == 0, r.err
    assert json.loads(r.out)["differs"] == [], r.out
    sheet = _edited(cli, tmp_path, rating="Ｔｒｕｅ")
    r = cli("import", "claims", str(sheet), "--doc", "1", "--json")
    assert json.loads(r.out)["differs"] == [
        {"row": 2, "claim": 1, "fields": ["rating"], "emptied": []}
    ]
