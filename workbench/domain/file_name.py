"""What makes a text no file's name whatever is on the disk (docs/errors.md, "A file's name"):
asked by every file option of the CLI, as bad usage, and by the library where a name it is
given would otherwise be read as another (an empty seed name as the bundled seed). Import-free."""


def no_file_name(value: str) -> str | None:
    """Why `value` can be no file's name whatever is on the disk, else None."""
    if not value:
        return "an empty name is no file's name; give the file's name"
    if "\0" in value:
        # No system takes one: opening it was a traceback (ValueError: embedded null byte).
        return "a file's name cannot hold a NUL byte"
    return None
