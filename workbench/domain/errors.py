"""Typed errors raised by the library. The CLI maps each to one line on stderr and exit 1."""


class WorkbenchError(Exception):
    """A refused operation: the user can read the message and act on it."""


class NotFound(WorkbenchError):
    """The named document, claim, note or other record does not exist."""


class InvalidInput(WorkbenchError):
    """The input breaks a rule (bad span, empty text, missing note, file too large...)."""


class Conflict(WorkbenchError):
    """The change was based on stale data or collides with another change."""


class SchemaError(WorkbenchError):
    """The database schema is not one this version of the workbench can use."""
