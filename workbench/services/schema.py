"""Inspecting and upgrading the schema on request (`workbench db ...`)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.exc import OperationalError

from workbench.db.engine import get_engine
from workbench.db.schema import HEAD_REVISION, current_revision
from workbench.db.url import describe
from workbench.domain.errors import WorkbenchError
from workbench.services.context import Workbench


@dataclass(frozen=True, slots=True)
class SchemaStatus:
    url: str
    current: str | None
    head: str

    def to_json(self) -> dict[str, Any]:
        return {
            "url": self.url,
            "current": self.current,
            "head": self.head,
            "up_to_date": self.current == self.head,
        }


def schema_status(wb: Workbench) -> SchemaStatus:
    """Read-only: `db status` must not create or migrate the database it reports on."""
    if wb.url.startswith("sqlite:///") and not Path(wb.url[len("sqlite:///") :]).exists():
        return SchemaStatus(url=wb.url, current=None, head=HEAD_REVISION)
    try:
        current = current_revision(get_engine(wb.url))
    except OperationalError as exc:
        raise WorkbenchError(f"cannot open database {describe(wb.url)}: {exc.orig}") from None
    return SchemaStatus(url=describe(wb.url), current=current, head=HEAD_REVISION)


def upgrade_schema(wb: Workbench) -> None:
    wb.engine()
