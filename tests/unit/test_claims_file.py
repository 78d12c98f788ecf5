"""A claims file's columns judged as a whole (`column_problem`)."""

from __future__ import annotations

import pytest

from workbench.claims_file import NEEDS, column_problem


@pytest.mark.parametrize(
    "columns",
    [
        ("quote", "text"),
        ("text", "start", "end"),
        ("quote", "text", "who"),  # an unknown column beside the needed ones: the rows say it
        ("id", "document_id", "quote", "start", "end", "revision", "text", "rating", "flagged"),
    ],
)
def test_a_file_with_the_needed_columns_has_no_column_problem(columns: tuple[str, ...]) -> None:
    assert column_problem(columns) is None


@pytest.mark.parametrize(
    ("columns", "said"),
    [
        # a trial's header: nothing known
        (
            ("claim_text", "excerpt", "who"),
            "no 'text' column and no 'quote' column (nor 'start' and 'end'): the file's columns "
            f"are claim_text, excerpt, who; {NEEDS}",
        ),
        (
            ("claim",),
            "no 'text' column and no 'quote' column (nor 'start' and 'end'): the file's one "
            f"column is claim; {NEEDS}",
        ),
        # required ones missing
        (("quote", "speaker"), f"no 'text' column: the file's columns are quote, speaker; {NEEDS}"),
        (
            ("text", "start"),
            "no 'quote' column (nor 'start' and 'end'): the file's columns are text, start; "
            + NEEDS,
        ),
        (
            ("claim_text", "quote", "who"),
            f"no 'text' column: the file's columns are claim_text, quote, who; {NEEDS}",
        ),
        ((), f"no columns: {NEEDS}"),
        # names as given, repeats once, odd ones quoted and long ones clipped
        (
            ("who", "who", "a\tb", "x" * 50),
            "no 'text' column and no 'quote' column (nor 'start' and 'end'): the file's columns "
            f"are who, 'a\\tb', {'x' * 39}…; {NEEDS}",
        ),
    ],
)
def test_a_file_without_them_is_said_once(columns: tuple[str, ...], said: str) -> None:
    assert column_problem(columns) == said


def test_many_columns_are_counted_past_ten() -> None:
    said = column_problem([f"c{n}" for n in range(15)])
    assert said is not None and said.startswith("no 'text' column and no 'quote' column")
    assert "the file's columns are c0, c1," in said and "c9 and 5 more; " in said
