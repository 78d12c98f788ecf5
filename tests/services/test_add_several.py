"""`doc add FILE...` through the library: several inputs in one transaction, all or nothing.

A desk adding a folder of transcripts must not be left with half of it stored when one file is
bad: every input is read and checked first, then all are stored in one transaction, each with
its own `document.added` event.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from workbench.defaults import MAX_ADD_INPUTS
from workbench.domain.errors import InvalidInput
from workbench.services.context import Workbench
from workbench.services.documents import DocumentMeta, add_document, add_documents, adding_problem

Counts = Callable[[], dict[str, int]]


def _files(folder: Path, *texts: str) -> list[str]:
    paths = []
    for i, text in enumerate(texts):
        path = folder / f"t{i}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


def test_several_inputs_are_stored_in_order_each_with_its_event(
    wb: Workbench, counts: Counts, tmp_path: Path
) -> None:
    paths = _files(tmp_path, "甲说了一句话。", "乙说了另一句话。", "HOLT: Thank you.\n")
    before = counts()
    added = add_documents(wb, paths, meta=DocumentMeta(language="zh", author="Desk"))
    after = counts()
    assert [a.created for a in added] == [True, True, True]
    assert [a.document.id for a in added] == sorted(a.document.id for a in added)
    assert {a.document.language for a in added} == {"zh"}
    assert {a.document.author for a in added} == {"Desk"}
    assert after["documents"] - before["documents"] == 3
    assert after["events"] - before["events"] == 3


def test_a_text_given_twice_names_the_input_that_added_it(
    wb: Workbench, counts: Counts, tmp_path: Path
) -> None:
    """The second copy is that input's document, not one stored before the command: the
    result says which input (from 1) added it, and a text stored earlier says nothing of it."""
    old, a, b = _files(tmp_path, "早就有的文本。", "甲说了一句话。", "乙说了另一句话。")
    add_documents(wb, [old])
    before = counts()
    added = add_documents(wb, [a, old, b, a, b])
    assert [x.created for x in added] == [True, False, True, False, False]
    assert [x.same_as_input for x in added] == [None, None, None, 1, 3]
    assert added[3].document.id == added[0].document.id
    assert added[3].to_json()["same_as_input"] == 1
    assert "same_as_input" not in added[1].to_json()
    assert counts()["documents"] - before["documents"] == 2


@pytest.mark.parametrize(
    ("bad", "fragment"),
    [
        (b"ok \xe4\xb8 broken", "not valid UTF-8"),
        (b" \n ", "is empty"),
        (b"\x00\x01binary", "NUL character"),
    ],
)
def test_one_bad_input_among_good_ones_adds_nothing_and_names_it(
    wb: Workbench, counts: Counts, tmp_path: Path, bad: bytes, fragment: str
) -> None:
    first, last = _files(tmp_path, "甲说了一句话。", "乙说了另一句话。")
    broken = tmp_path / "broken.txt"
    broken.write_bytes(bad)
    before = counts()
    with pytest.raises(InvalidInput, match=fragment) as refused:
        add_documents(wb, [first, str(broken), last])
    assert str(broken) in refused.value.message
    assert counts() == before


def test_a_missing_file_or_a_directory_among_good_ones_adds_nothing(
    wb: Workbench, counts: Counts, tmp_path: Path
) -> None:
    (good,) = _files(tmp_path, "甲说了一句话。")
    before = counts()
    for other, fragment in ((tmp_path / "gone.txt", "no such file"), (tmp_path, "directory")):
        with pytest.raises(InvalidInput, match=fragment) as refused:
            add_documents(wb, [good, str(other)])
        assert str(other) in refused.value.message
    assert counts() == before


def test_a_refusal_that_does_not_name_its_input_gets_the_name_first(
    wb: Workbench, counts: Counts, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A refusal in words that do not name the file (a page's reader saying what is wrong with
    the page) gets the file's name first with several inputs, so the person knows which of the
    forty to look at."""
    from workbench.services import documents
    from workbench.services.sources import read_content

    def reading(data: bytes, source: str, fmt: str | None = None, **kw: Any) -> Any:
        if source.endswith(".html"):
            raise InvalidInput("the page's markup is cut short")
        return read_content(data, source, fmt, **kw)

    monkeypatch.setattr(documents, "read_content", reading)
    good, page = _files(tmp_path, "甲说了一句话。", "<html><body><p>x")
    page_html = Path(page).with_suffix(".html")
    Path(page).rename(page_html)
    before = counts()
    with pytest.raises(InvalidInput, match="markup is cut short") as refused:
        add_documents(wb, [good, str(page_html)])
    assert refused.value.message == f"{page_html}: the page's markup is cut short"
    assert counts() == before
    with pytest.raises(InvalidInput) as alone:
        add_documents(wb, [str(page_html)])
    assert alone.value.message == "the page's markup is cut short"  # one input: as it was


def test_texts_already_stored_and_repeated_inputs_are_added_once(
    wb: Workbench, counts: Counts, tmp_path: Path
) -> None:
    old, new, copy = _files(tmp_path, "早就有的文本。", "新的文本。", "新的文本。")
    stored = add_document(wb, "早就有的文本。".encode()).document.id
    before = counts()
    added = add_documents(wb, [old, new, copy, new])
    after = counts()
    assert [a.created for a in added] == [False, True, False, False]
    assert added[0].document.id == stored
    assert added[1].document.id == added[2].document.id == added[3].document.id != stored
    assert after["documents"] - before["documents"] == 1
    assert after["events"] - before["events"] == 1


def test_the_input_count_is_limited_before_anything_is_read(
    wb: Workbench, counts: Counts, tmp_path: Path
) -> None:
    many = [str(tmp_path / f"never-read-{i}.txt") for i in range(MAX_ADD_INPUTS + 1)]
    before = counts()
    with pytest.raises(InvalidInput, match=f"at most {MAX_ADD_INPUTS:,}"):
        add_documents(wb, many)
    assert counts() == before
    assert adding_problem(many[:MAX_ADD_INPUTS]) is None


def test_the_size_limit_applies_to_each_input_and_a_total_to_all(
    wb: Workbench, counts: Counts, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WORKBENCH_MAX_DOCUMENT_MB", "0.001")  # 1,048 bytes each
    small = _files(tmp_path, *[f"第{i}篇。" + "字" * 300 for i in range(12)])  # 900+ bytes each
    big = tmp_path / "big.txt"
    big.write_text("x" * 2000, encoding="utf-8")
    before = counts()
    with pytest.raises(InvalidInput, match="WORKBENCH_MAX_DOCUMENT_MB") as refused:
        add_documents(wb, [small[0], str(big)])
    assert str(big) in refused.value.message
    # Each under the limit, together over ten times it: refused, naming the input that crossed.
    with pytest.raises(InvalidInput, match="in all") as refused:
        add_documents(wb, small)
    assert small[11] in refused.value.message
    assert counts() == before
    assert len(add_documents(wb, small[:10])) == 10


@pytest.mark.parametrize(
    ("inputs", "options", "fragment"),
    [
        (["-", "a.txt", "-"], {}, "standard input"),
        (["a.txt", "b.txt"], {"meta": DocumentMeta(title="T")}, "title"),
        (["a.txt", "b.txt"], {"meta": DocumentMeta(url="https://example.com/a")}, "URL"),
        (["a.txt", "b.txt"], {"user_agent": "desk/1"}, "user agent"),
        ([], {}, "nothing to add"),
    ],
)
def test_bad_combinations_are_refused_before_anything_is_read(
    wb: Workbench, counts: Counts, inputs: list[str], options: dict[str, Any], fragment: str
) -> None:
    problem = adding_problem(inputs, **options)
    assert problem is not None and fragment in problem.message
    before = counts()
    with pytest.raises(InvalidInput, match=fragment):
        add_documents(wb, inputs, **options)
    assert counts() == before


def test_one_input_keeps_its_title_url_and_words(wb: Workbench, tmp_path: Path) -> None:
    """One input is `doc add` as it always was: its title and URL, and refusals unprefixed."""
    (path,) = _files(tmp_path, "甲说了一句话。")
    given = DocumentMeta(title="T", url="https://example.com/a")
    assert adding_problem([path], meta=given) is None
    (added,) = add_documents(wb, [path], meta=given)
    assert (added.document.title, added.document.url) == ("T", "https://example.com/a")
    with pytest.raises(InvalidInput) as refused:
        add_documents(wb, [str(tmp_path / "gone.txt")])
    assert refused.value.message == f"no such file: {tmp_path / 'gone.txt'}"


def test_progress_hears_each_input_read_then_stored(wb: Workbench, tmp_path: Path) -> None:
    paths = _files(tmp_path, "一。", "二。", "三。")
    heard: list[tuple[int, int | None]] = []
    add_documents(wb, paths, progress=lambda done, total: heard.append((done, total)))
    assert heard[0] == (0, 6) and heard[-1] == (6, 6)
    assert [done for done, _ in heard] == sorted(done for done, _ in heard)
