"""timeline (session 65): the claim, document and clock criteria of an audit export, and the
check that the claim or document it names exists, have one home (services.event_criteria)
that the ORM's reads (services.audit) and the driver's (services.events_csv) both call. rA
found the driver's path restating them: a change to what "a document's events" means had to
be made twice, held together only by the byte-identity tests."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.dialects import sqlite

from workbench.db.models import Event
from workbench.exports.events import export_events
from workbench.services.context import Workbench, transaction
from workbench.services.event_filter import EventFilter

FILTERS = (
    EventFilter(claim_id=3),
    EventFilter(document_id=2),
    EventFilter(claim_id=3, document_id=2, since="2020-01-01", until="2020-02-01T10:00:00Z"),
    EventFilter(document_id=2, actors=("maria",), actions=("claim.*",), after_seq=4),
)


@pytest.mark.parametrize("flt", FILTERS)
def test_the_orms_statement_is_the_shared_criteria(flt: EventFilter) -> None:
    """The ORM's WHERE holds the shared criteria's own text and values, not a copy."""
    from workbench.services import audit, event_criteria, events_csv

    shared = event_criteria.criteria(flt)
    assert events_csv.conditions(flt) == shared
    compiled = audit.apply_filter(flt, select(Event.seq)).compile(dialect=sqlite.dialect())
    for part in shared:
        assert part.text in str(compiled), (flt, part.text)
    values = list(compiled.construct_params().values())
    assert all(p in values for part in shared for p in part.params), flt


def test_both_paths_check_the_subjects_in_one_place(
    wb: Workbench, document_with_claims: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Both the ORM's check (Markdown, JSON Lines, a filter by actor) and the driver's (CSV)
    are the one check_subjects: what it refuses, both refuse."""
    import io

    from workbench.services import audit, event_criteria

    doc = document_with_claims()

    class Refused(Exception):
        pass

    def refuse(reader: Any, flt: EventFilter) -> None:
        raise Refused(flt)

    monkeypatch.setattr(event_criteria, "check_subjects", refuse)
    flt = EventFilter(document_id=doc.doc)
    with pytest.raises(Refused):
        export_events(wb, "csv", io.StringIO(), flt)
    with pytest.raises(Refused), transaction(wb) as tx:
        audit.check_subjects(tx, flt)
