"""Each limit on what a person types is the width of the column that stores it.

The widths are written twice: as numbers in workbench/db/models.py (and in the frozen
migrations), and as the named limits the services check before any SQL (domain/limits.py,
identity's MAX_NAME, display names, e-mail, tags, similarity terms). PostgreSQL refuses a
string longer than its column and SQLite stores it, so a limit that drifted above its column
would pass the check and fail on one backend only. Nothing held the two together; this does.
"""

from __future__ import annotations

import pytest
from sqlalchemy import String

from workbench.db import models
from workbench.domain.display_names import MAX_DISPLAY
from workbench.domain.identity import MAX_NAME
from workbench.domain.limits import (
    MAX_FILE_NAME,
    MAX_LANGUAGE,
    MAX_SHORT,
    MAX_SOURCE,
    MAX_TAG,
    MAX_TITLE,
    MAX_URL,
)
from workbench.domain.people import MAX_EMAIL
from workbench.domain.similarity.bag import MAX_TERM

COLUMNS = [
    (models.Document.title, MAX_TITLE),
    (models.Document.url, MAX_URL),
    (models.Document.author, MAX_SHORT),
    (models.Document.language, MAX_LANGUAGE),
    (models.Document.source, MAX_SOURCE),
    (models.DocumentRevision.source, MAX_SOURCE),
    (models.Claim.speaker, MAX_SHORT),
    (models.ClaimTag.tag, MAX_TAG),
    (models.Evidence.url, MAX_URL),
    (models.Evidence.title, MAX_TITLE),
    (models.Evidence.publisher, MAX_SHORT),
    (models.Evidence.file_name, MAX_FILE_NAME),
    (models.Evidence.media_type, MAX_SHORT),
    (models.User.name, MAX_NAME),
    (models.User.display, MAX_DISPLAY),
    (models.User.email, MAX_EMAIL),
    (models.SimilarTerm.term, MAX_TERM),
]


@pytest.mark.parametrize(("column", "limit"), COLUMNS, ids=lambda c: str(c))
def test_a_limit_is_its_columns_width(column: object, limit: int) -> None:
    kind = column.type  # type: ignore[attr-defined]
    assert isinstance(kind, String)
    assert kind.length == limit
