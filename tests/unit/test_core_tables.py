"""The tables of the read paths name the models' columns, with the models' kinds of value: a
column renamed, retyped or added to a view's fields without its table here fails here, not at
run time."""

from __future__ import annotations

from dataclasses import fields

import pytest
from sqlalchemy import Boolean, Date, Float, Integer, String, Text

from workbench.db import tables
from workbench.db.models import Base
from workbench.db.types import UTCDateTime
from workbench.services.views import ClaimView

# What each kind of the read paths' tables is in the models (String and Text are both text).
MODEL_TYPES = {
    tables.Kind.INTEGER: (Integer,),
    tables.Kind.FLOAT: (Float,),
    tables.Kind.TEXT: (String, Text),
    tables.Kind.DATE: (Date,),
    tables.Kind.DATETIME: (UTCDateTime,),
    tables.Kind.BOOLEAN: (Boolean,),
}

READ_TABLES = [
    tables.documents,
    tables.document_revisions,
    tables.claims,
    tables.claim_tags,
    tables.notes,
    tables.evidence,
    tables.events,
    tables.users,
]


@pytest.mark.parametrize("table", READ_TABLES, ids=lambda t: t.name)
def test_read_columns_are_model_columns(table: tables.Table) -> None:
    model = Base.metadata.tables[table.name]
    for column in table.c:
        assert column.name in model.c, (table.name, column.name)
        assert column.sql == f"{table.name}.{column.name}"
        model_type = type(model.c[column.name].type)
        assert model_type in MODEL_TYPES[column.kind], (table.name, column.name, model_type)


def test_the_check_sees_a_wrong_kind() -> None:
    wrong = tables.Table("claims", due=tables.Kind.DATETIME)
    model_type = type(Base.metadata.tables["claims"].c["due"].type)
    assert model_type not in MODEL_TYPES[wrong.c.due.kind]


def test_claims_table_holds_every_stored_field_of_the_claim_view() -> None:
    derived = {"tags", "evidence_count", "similar", "same_span", "last_activity"}
    # The span's columns are span_start/span_end (start and end are SQL keywords).
    renamed = {"start": "span_start", "end": "span_end"}
    for f in fields(ClaimView):
        if f.name not in derived:
            assert renamed.get(f.name, f.name) in tables.claims.c, f.name
