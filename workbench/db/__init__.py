"""Persistence: SQLAlchemy models, engines, backend specifics and the schema-version check."""
