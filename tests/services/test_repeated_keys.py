"""A key given twice in a person's file is refused, with the key named (session 48 left it:
json and PyYAML kept the last one and said nothing, so a hand-written row pinned a quote its
writer did not read); an unquoted YAML date in a seed is read as the date it writes (it was
refused as "not a valid string")."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from workbench.domain.errors import InvalidInput
from workbench.domain.json_stream import iter_array
from workbench.domain.unique_keys import RepeatedKey, loads
from workbench.services.context import Workbench
from workbench.services.documents import add_document
from workbench.services.imports import import_annotations, import_claims
from workbench.services.seeds import load_seed, prepare_seed
from workbench.services.yaml_input import load_yaml

TEXT = "甲说了一句话。乙说了另一句话。"
Counts = Callable[[], dict[str, int]]


@pytest.fixture
def doc(wb: Workbench) -> int:
    return add_document(wb, TEXT.encode()).document.id


def test_json_objects_keep_their_keys_once() -> None:
    assert loads('{"a": 1, "b": {"c": 2}}') == {"a": 1, "b": {"c": 2}}
    with pytest.raises(RepeatedKey, match='the key "c" is given twice'):
        loads('{"a": 1, "b": {"c": 2, "c": 3}}')
    chunks = iter(['[{"引语": 1}, {"引语": 1, "引语": 2}]', ""])
    with pytest.raises(InvalidInput, match='row 2: the key "引语" is given twice'):
        list(iter_array(lambda _size: next(chunks), 1000))


def test_yaml_keeps_dates_as_text_and_its_keys_once() -> None:
    assert load_yaml("published: 2025-10-01\nat: 2025-10-01 08:00:00\n") == {
        "published": "2025-10-01",
        "at": "2025-10-01 08:00:00",
    }
    # A key of a mapping's own may still override one merged into it, as YAML means.
    merged = load_yaml("base: &b {type: fact, text: A}\nclaim:\n  <<: *b\n  text: B\n")
    assert merged["claim"] == {"type": "fact", "text": "B"}
    with pytest.raises(RepeatedKey, match='line 3, column 3: the key "text" is given twice'):
        load_yaml("claims:\n- text: A\n  text: B\n")


@pytest.mark.parametrize(
    ("name", "body", "said"),
    [
        ("in.jsonl", '{"quote": "甲说", "text": "A", "quote": "乙说"}\n', 'row 1: the key "quote"'),
        (
            "in.json",
            '[{"quote": "甲说", "text": "A"}, {"quote": "乙说", "text": "B", "text": "C"}]',
            'row 2: the key "text"',
        ),
    ],
)
def test_a_claims_row_with_a_key_twice_is_refused(
    wb: Workbench, doc: int, tmp_path: Path, counts: Counts, name: str, body: str, said: str
) -> None:
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    before = counts()
    with pytest.raises(InvalidInput, match=said):
        import_claims(wb, str(path), doc, skip_bad=True)
    assert counts() == before


def test_an_annotation_collection_with_a_key_twice_is_refused(
    wb: Workbench, doc: int, tmp_path: Path
) -> None:
    path = tmp_path / "notes.json"
    path.write_text('{"type": "AnnotationCollection", "items": [], "items": []}', "utf-8")
    with pytest.raises(InvalidInput, match=r'notes\.json: the key "items" is given twice'):
        import_annotations(wb, str(path), doc)


def _seed(tmp_path: Path, body: str, name: str = "seed.yaml") -> Path:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return path


def test_a_seed_with_a_key_twice_is_refused(tmp_path: Path) -> None:
    path = _seed(
        tmp_path, "document:\n  file: a.txt\nclaims:\n- quote: 甲说\n  text: A\n  text: B\n"
    )
    with pytest.raises(InvalidInput, match=r'seed\.yaml: line 6, column 3: the key "text"'):
        prepare_seed(str(path))
    path = _seed(
        tmp_path, '{"document": {"file": "a.txt", "file": "b.txt"}, "claims": []}', "s.json"
    )
    with pytest.raises(InvalidInput, match=r's\.json: the key "file" is given twice'):
        prepare_seed(str(path))


def test_a_seeds_unquoted_date_is_its_date(wb: Workbench, tmp_path: Path, cli: Any) -> None:
    path = _seed(
        tmp_path,
        "document:\n  file: a.txt\n  title: T\n  published: 2025-10-01\n"
        "claims:\n- quote: 甲说\n  text: A said\n",
    )
    assert prepare_seed(str(path)).meta.published == "2025-10-01"
    load_seed(wb, str(path))
    shown = cli("doc", "show", "1", "--json")
    assert shown.code == 0, shown.err
    assert '"2025-10-01' in shown.out
