"""Claim Workbench: claims pinned to exact source spans, a verification workflow, an audit trail.

This package must stay cheap to import: `workbench --help` loads it, so nothing here may import
SQLAlchemy, Alembic or Pydantic.
"""

__version__ = "0.1.0"
