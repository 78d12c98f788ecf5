"""A revision that changes every line a little (trailing spaces added, a character respelt in
each paragraph) over a text of more than REFINE_UP_TO characters: each line's change is its
own, as it is in a shorter text, not one replacement of the whole text (the trial: `doc diff`
and `doc changes` of a whitespace-only revision of a 4,700-character article showed one
'replace [0:4640] -> [0:4852]' whose two excerpts read alike)."""

from __future__ import annotations

from tests.unit.linear_time import linear
from workbench.domain.textdiff import REFINE_UP_TO, diff_texts

PARAGRAPH = "统计局发言人表示,服务业继续成为吸纳就业的主要渠道,数字经济相关的岗位增长较快。"
OLD = "\n\n".join(f"{k}. {PARAGRAPH}" for k in range(120)) + "\n"


def test_spaces_added_at_every_line_end_are_each_an_insert() -> None:
    new = "\n".join(line + "  " if line else line for line in OLD.split("\n"))
    assert len(OLD) > REFINE_UP_TO
    diff = diff_texts(OLD, new)
    assert len(diff.changes) == 120
    assert all(c.op == "insert" and c.new_text == "  " for c in diff.changes)


def test_a_character_changed_in_every_paragraph_is_that_character() -> None:
    new = OLD.replace("较快", "较慢")
    diff = diff_texts(OLD, new)
    assert {(c.old_text, c.new_text) for c in diff.changes} == {("快", "慢")}
    assert len(diff.changes) == 120


def test_offsets_map_through_each_line() -> None:
    new = "\n".join(line + "  " if line else line for line in OLD.split("\n"))
    at = OLD.index("99. ")
    assert new[diff_texts(OLD, new).map_offset(at) :].startswith("99. ")


def test_spaces_added_on_blank_lines_too_are_each_an_insert() -> None:
    """The trial's revision: every line, the blank ones between paragraphs too, ends in two
    spaces (a page saved with CRLF and trailing blanks), so a paragraph and the blank line after
    it, one line to the matcher before, are two lines after."""
    new = OLD.replace("\n", "  \n")
    diff = diff_texts(OLD, new)
    assert len(diff.changes) == OLD.count("\n")
    assert all(c.op == "insert" and c.new_text == "  " for c in diff.changes)


# Paragraphs that differ from one another (each the paragraph turned by k characters).
DISTINCT = [PARAGRAPH[k % 40 :] + PARAGRAPH[: k % 40] for k in range(120)]


def test_a_paragraph_inserted_with_one_deleted_is_not_each_line_its_neighbours() -> None:
    """Spaces at every line end, a lead paragraph inserted and the last one dropped: as many
    lines either side, but line k is not line k's revision; paired one by one, each paragraph
    read as a rewrite of the one above it (a hundred 'replace' of unrelated words)."""
    old = "\n\n".join(DISTINCT) + "\n"
    new = ("\n\n".join(["新的导语段落，记者今天从发布会获悉。", *DISTINCT[:-1]]) + "\n").replace(
        "\n", "  \n"
    )
    assert old.count("\n") == new.count("\n") and len(old) > REFINE_UP_TO
    diff = diff_texts(old, new)
    assert len([c for c in diff.changes if c.op == "replace"]) <= 1


def test_every_line_changed_is_diffed_in_linear_time() -> None:
    """Each line of a block refined against its own: ten thousand lines all changed cost four
    times as much as a quarter of them, the refinement's budget bounding the whole."""

    def make(lines: int) -> str:
        return "".join(f"{k}. {DISTINCT[k % 120][:30]}。\n" for k in range(lines))

    def read(old: str) -> object:
        return diff_texts(old, old.replace("。\n", "!\n"))

    assert linear(read, make)
