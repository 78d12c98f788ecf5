"""The Core tables of the read paths name the models' columns, with the models' types: a column
renamed, retyped or added to a view's fields without its table here fails here, not at run time."""

from __future__ import annotations

from dataclasses import fields

import pytest
from sqlalchemy import TableClause

from workbench.db import tables
from workbench.db.models import Base
from workbench.services.views import ClaimView

CORE = [
    tables.documents,
    tables.document_revisions,
    tables.claims,
    tables.claim_tags,
    tables.notes,
    tables.evidence,
    tables.events,
]


@pytest.mark.parametrize("core", CORE, ids=lambda t: t.name)
def test_core_columns_are_model_columns(core: TableClause) -> None:
    model = Base.metadata.tables[core.name]
    for column in core.c:
        assert column.name in model.c, (core.name, column.name)
        assert type(column.type) is type(model.c[column.name].type), (core.name, column.name)


def test_claims_table_holds_every_stored_field_of_the_claim_view() -> None:
    derived = {"tags", "evidence_count", "similar", "same_span"}
    # The span's columns are span_start/span_end (start and end are SQL keywords).
    renamed = {"start": "span_start", "end": "span_end"}
    for f in fields(ClaimView):
        if f.name not in derived:
            assert renamed.get(f.name, f.name) in tables.claims.c, f.name
