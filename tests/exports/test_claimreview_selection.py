"""`export claimreview`'s selection, one object (fix78): its eight options were passed on one
by one through three functions (the CLI's call, `export_claimreview`, `review_stream`, then
`_reviews`), where an added one could be forgotten in any. The CLI now builds a
`ReviewSelection` once, and every layer reads that."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import click
import pytest
from export_desk import Desk, Run

from workbench.cli import export as export_cli
from workbench.services import exports
from workbench.services.review_selection import ReviewSelection

# The options that say where the output goes, not which claims or how they are published
# (--json: what is said of the file written).
OUTPUT_OPTIONS = {"output", "force", "as_json"}


def test_every_selecting_option_is_a_field_of_the_selection() -> None:
    """An option added to the command and not to the selection (or the other way) fails here,
    not in a layer that forgot to pass it on."""
    command = export_cli.export.commands["claimreview"]
    options = {p.name for p in command.params if isinstance(p, click.Option)} - OUTPUT_OPTIONS
    assert options == {f.name for f in dataclasses.fields(ReviewSelection)}


def test_the_cli_hands_the_service_every_option_it_was_given(
    desk: Desk, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What the user typed arrives whole, in one object: each option given a value other than
    its default is that value in the selection the service reads."""
    seen: list[ReviewSelection] = []
    real = exports.review_stream

    @contextmanager
    def spying(wb: Any, selection: ReviewSelection, **how: Any) -> Iterator[Any]:
        seen.append(selection)
        with real(wb, selection, **how) as stream:
            yield stream

    monkeypatch.setattr(exports, "review_stream", spying)
    r = run(
        "export", "claimreview", "--org", "Desk", "--org-url", "https://desk.example.org",
        "--url-template", "https://desk.example.org/c/{id}", "--doc", str(desk.doc),
        "--include-flagged", "--since", "2020-01-01", "--until", "2999-12-31",
    )  # fmt: skip
    assert r.code == 0, r.err
    assert seen == [
        ReviewSelection(
            org="Desk",
            org_url="https://desk.example.org",
            url_template="https://desk.example.org/c/{id}",
            document_ids=(desk.doc,),
            include_flagged=True,
            since="2020-01-01",
            until="2999-12-31",
        )
    ]
    named = [desk.ids["false"], desk.ids["verified"]]
    r = run(
        "export", "claimreview", "--org", "Desk", "--org-url", "https://desk.example.org",
        *(a for c in named for a in ("--claim", str(c))),
    )  # fmt: skip
    assert r.code == 0, r.err
    assert seen[-1].claim_ids == tuple(named)


def test_a_selection_is_not_changed_by_the_lists_it_was_built_from() -> None:
    """Frozen, and holding its own tuples: a caller's list changed after does not change what
    the export selects."""
    ids = [3, 1]
    selection = ReviewSelection(org="D", org_url="https://d.example", claim_ids=ids)
    ids.append(2)
    assert selection.claim_ids == (3, 1) and selection.document_ids == ()
    with pytest.raises(dataclasses.FrozenInstanceError):
        selection.org = "E"  # type: ignore[misc]
