"""A file's problems in the file's words, not Pydantic's (trial47)."""

from __future__ import annotations

import pytest

from workbench.services.validation_words import place, problem, problems

CLAIMS = {"claims": "claim"}


@pytest.mark.parametrize(
    ("loc", "said"),
    [
        (("claims", 2, "type"), "claim 3: type"),  # counted from 1, as "claim 2: quote ..." is
        (("claims", 0), "claim 1"),
        (("document", "title"), "document: title"),
        (("tags", 0), "tags: 1"),  # a list not named: its items counted from 1 too
        ((), ""),
    ],
)
def test_a_place_is_said_as_the_file_counts(loc: tuple[object, ...], said: str) -> None:
    assert place(loc, CLAIMS) == said


def test_pydantic_s_prefixes_and_class_names_are_left_out() -> None:
    assert problem({"type": "value_error", "msg": "Value error, unknown claim type 'x'"}) == (
        "unknown claim type 'x'"
    )
    not_a_mapping = {"type": "model_type", "msg": "Input should be ... of SeedDocument"}
    assert "SeedDocument" not in problem(not_a_mapping)
    assert problem({"type": "missing", "msg": "Field required"}) == "missing"
    assert problem({"type": "extra_forbidden", "msg": "Extra inputs are not permitted"}) == (
        "unknown key"
    )


def test_the_first_three_are_said_and_the_others_counted() -> None:
    errors = [{"loc": ("claims", i, "text"), "type": "missing", "msg": ""} for i in range(5)]
    assert problems(errors, CLAIMS) == (
        "claim 1: text: missing; claim 2: text: missing; claim 3: text: missing (and 2 more)"
    )
    assert problems(errors[:1], CLAIMS) == "claim 1: text: missing"
