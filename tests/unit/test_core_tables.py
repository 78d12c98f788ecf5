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
from workbench.services.user_list import UserView
from workbench.services.views import ClaimView, DocumentView, RevisionView

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


# `doc list` selects each of these views' fields as its table's column of that name
# (services/doc_list.py); `user list` selects UserView's stored fields (services/user_list.py).
# A field added to a view without its column here would break those commands at run time.
VIEWS_READ_ON_THE_DRIVER = [
    (tables.documents, DocumentView, set()),
    (tables.document_revisions, RevisionView, set()),
    (tables.users, UserView, {"role_enforced"}),
]


@pytest.mark.parametrize(
    ("table", "view", "derived"),
    VIEWS_READ_ON_THE_DRIVER,
    ids=[view.__name__ for _, view, _ in VIEWS_READ_ON_THE_DRIVER],
)
def test_tables_hold_every_stored_field_of_the_views_listed_on_the_driver(
    table: tables.Table, view: type, derived: set[str]
) -> None:
    missing = [f.name for f in fields(view) if f.name not in derived and f.name not in table.c]
    assert not missing, (table.name, view.__name__, missing)
