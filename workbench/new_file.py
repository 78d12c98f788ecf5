"""Writing a file without ever overwriting one by accident: every command that writes a file
(`evidence get -o`, the exports' `-o`, `report`, `audit export -o`, `export bundle`, `backup`).

A file is written whole into a temporary file in the same folder, then put in place in one
step: an interrupted or failed write never leaves a half file, at the target or anywhere. An
existing file is refused (`file_exists`) unless the caller says to replace it (the CLI's
`--force`); then the finished file replaces it in one rename. Without `replace`, the finished
file is linked into place, so that a file appearing meanwhile is not overwritten either.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from workbench.domain.errors import InvalidInput, give

_BUFFER = 1 << 20

# The `reason` of refusing to write over an existing file (a script may retry with --force).
FILE_EXISTS = "file_exists"


def file_exists(path: str | Path, never: str | None = None, *, more: int = 0) -> InvalidInput:
    """The refusal for an existing `path` (and `more` others of the same set of files): with
    `never` (what is written, "a bundle"), a kind of file that never replaces one; else one that
    does when told to (hint: `force`, the option's name, as `doc update`'s hint names it)."""
    if never is not None:
        return InvalidInput(f"{path} exists: {never} never overwrites a file", reason=FILE_EXISTS)
    others = f" (and {more} more of the files to write)" if more else ""
    # A link is named as one: "exists" alone hid that --force replaces the link, not the file
    # it leads to, which a shell's `>` would have written through (trial252).
    return InvalidInput(
        f"{path} exists{as_link(path)}{others}: nothing was written",
        hint=give("force"),
        reason=FILE_EXISTS,
    )


def onto_the_database(
    path: str, database: str, given: str | None = None, *, into: tuple[int, int] | None = None
) -> str | None:
    """Why the output `path` may not be written: it is one of the files of the SQLite database
    a command works on, else None. `database` is the file as the command opens it; `given`,
    the name --db gave it (a link to it: a path, not a URL), counts while it leads there.
    `export claims -o desk.db --force` replaced the desk just read with a CSV (rexits). The name
    is compared where it is written (a link there is replaced, never written through), and an
    existing file also as a file, which a name in another case is on a case-blind drive.
    `into`: the identity of the file already open to be written into (`-o /dev/fd/N`), which
    is that file whatever its name."""
    written = _written_name(path)
    here = into if into is not None else file_identity(path) if not os.path.islink(path) else None
    # SQLite follows a link to its database and keeps its -wal and -journal beside the
    # file it leads to: a URL's name (sqlite:///link.db) is not resolved (rrexits).
    real = os.path.realpath(database)
    names = [database]
    if given is not None and os.path.realpath(os.path.expanduser(given)) == real:
        # (--db's `~`, as resolve_url's.) A relative name the library was given leads
        # elsewhere once its caller changes folder: `desk.db` is then another folder's file,
        # which was refused as the desk, named there (r3exits).
        names.append(os.path.expanduser(given))
    # A link on the way from a name to the desk (workbench.db -> mid.db -> real.db) is the
    # desk's name too: `-o mid.db --force` replaced it, and workbench.db led to a CSV (rnames).
    names += [hop for name in list(names) for hop in _links_on_the_way(name)]
    for name in names:
        named = _written_name(name)
        for suffix in DATABASE_FILES:
            own = named + suffix
            if written in (own, real + suffix) or (here is not None and here == file_identity(own)):
                part = f"the {suffix[1:]} file of " if suffix else ""
                return (
                    f"cannot write {path}: it is {part}the database this command works on "
                    f"({named}); give the output another name"
                )
    return None


# As the system's own limit on links followed in one lookup (Linux's 40): past it, a loop.
_MOST_LINKS = 40


def _links_on_the_way(name: str) -> list[str]:
    """The names `name`, a link, leads through before its last file: each link's target, read
    beside the link, while that is a link itself; none for a file or a broken name."""
    hops: list[str] = []
    here = name
    for _ in range(_MOST_LINKS):
        try:
            target = os.readlink(here)
        except (OSError, ValueError):
            break
        here = os.path.join(os.path.dirname(here), target)
        if not os.path.islink(here):
            break
        hops.append(here)
    return hops


def _written_name(path: str) -> str:
    """The name a file written at `path` gets: its folder resolved, its own name as given.
    The folder as typed is resolved by realpath, which reads `..` after a link as the system
    does (abspath first dropped `s/..` by its spelling: another folder, s a link) (rrexits)."""
    folder, name = os.path.split(path)
    if name in ("", ".", ".."):  # a folder's name: no file is written there
        return os.path.realpath(path)
    return os.path.join(os.path.realpath(folder or "."), name)


def file_identity(path: str) -> tuple[int, int] | None:
    """The device and inode of the file at `path` (following links), None if there is none:
    another name for the same file has the same (a hard link, a link to it)."""
    try:
        found = os.stat(path)
    except (OSError, ValueError):
        return None
    return (found.st_dev, found.st_ino)


def as_link(path: str | Path) -> str:
    """ " (a symbolic link to TARGET)" when `path` is a link (a dangling or looping one too),
    else "": how a refusal names a link it will not write through."""
    target = link_target(path)
    return "" if target is None else f" (a symbolic link to {target})"


def link_target(path: str | Path) -> str | None:
    """Where the symbolic link `path` leads, as it is written; None when `path` is none."""
    try:
        return os.readlink(path)
    except (OSError, ValueError):
        return None


def check_free(targets: list[Path]) -> None:
    """Refuse a set of files to write (a report's pages) when any of them exists, before any
    is written; the first one is named."""
    taken = [t for t in targets if occupied(t)]
    if taken:
        raise file_exists(taken[0], more=len(taken) - 1)


def folder_of(target: Path) -> Path:
    """The folder `target` is written in (its temporary file too)."""
    return target.parent if str(target.parent) else Path(".")


def missing_folder(path: str | Path, target: Path) -> str | None:
    """Why `target` (asked for as `path`) cannot be written when its folder does not exist,
    else None."""
    folder = folder_of(target)
    if folder.is_dir():
        return None
    if (file := file_on_the_way(folder)) is not None:
        # There, as a file: "does not exist" sent the user to `mkdir`, which fails (review265).
        return f"cannot write {path}: {file}"
    loop = looping(folder)
    if loop is not None:
        # There as a link, so "does not exist" sent the user to make it (review261).
        return f"cannot write {path}: the folder {folder} cannot be reached, {loop}"
    if (dangling := dangling_on_the_way(folder)) is not None:
        # A link to a folder that is gone: `mkdir` of the folder named failed (fix272).
        return f"cannot write {path}: {dangling}"
    return f"cannot write {path}: the folder {folder} does not exist"


def dangling_on_the_way(folder: Path) -> str | None:
    """The first folder on the way to `folder` (or `folder` itself) that is a symbolic link
    leading nowhere, said with its target, else None."""
    for step in (*reversed(folder.parents), folder):
        if os.path.islink(step) and not os.path.exists(step):
            return (
                f"the folder {step} is a symbolic link to {link_target(step)}, which leads to "
                "no folder"
            )
    return None


def named_as_folder(path: str) -> str | None:
    """Why `path` cannot be written when it names a file as a folder (`notes.txt/`,
    `notes.txt/.`), else None: Path drops the slash and reads it as notes.txt, which "exists"
    (and --force would write over); a shell's `> notes.txt/` refuses it (rr271, trial273).
    So is a path that ends as a folder's where none is (`new/`): no file is named there."""
    why = folder_named(path, "a file name is needed")
    return None if why is None else f"cannot write {path}: {why}"


def folder_named(path: str, needed: str) -> str | None:
    """Why `path`, meant as a file's, names a folder (`needed` then says what is), else None:
    a file named as a folder (`notes.txt/`), or a path ending as a folder's (`new/`, `new/.`)
    where no folder is (one that is there is the caller's to say as a folder). Path and
    realpath drop the slash, and a file named `new` was written, or notes.txt read.
    First, the system's words for a name it cannot take at all (`too_long`)."""
    if (why := too_long(path)) is not None:
        return why
    target = Path(path)
    if target.is_file() and not os.path.lexists(path):
        return f"{target} is a file, not a folder"
    if path.endswith(_AS_FOLDER) and not target.is_dir():
        # `-o new/` with no folder new: a file named `new` was written where the user meant
        # a folder.
        return f"that names a folder; {needed}"
    return None


def too_long(path: str) -> str | None:
    """The system's words for `path` when a name in it (or the whole) is longer than it
    takes, else None: Path's exists and is_file raise for one (Python 3.11), and a write and
    --db said the raw `File name too long: PATH` where a read says `cannot read PATH: ...`
    (review290). Said by the callers in their words: `cannot write PATH: WHY`, `no database at
    PATH: WHY`."""
    try:
        os.lstat(path)
    except OSError as exc:
        if exc.errno == errno.ENAMETOOLONG:
            return exc.strerror
    except ValueError:  # a NUL in it: not a length, and said where it is opened
        pass
    return None


# What SQLite adds to a database's name for the file it keeps beside it while writing (WAL
# mode's -wal and -shm are shorter).
JOURNAL = "-journal"
# The files SQLite keeps beside a database: its write-ahead log and shared memory (WAL mode),
# its rollback journal.
BESIDE_A_DATABASE = ("-wal", "-shm", JOURNAL)
# The files SQLite keeps a database in: the file itself and those beside it.
DATABASE_FILES = ("", *BESIDE_A_DATABASE)


def too_long_for_a_database(path: str) -> str | None:
    """Why the file `path` cannot be made a SQLite database though the system takes its name,
    else None: no room is left in it for the -journal SQLite keeps beside it, and SQLite says
    only "unable to open database file" (`--db`, a backup; review290)."""
    name = os.fsencode(os.path.basename(path))
    most = longest_name(folder_of(Path(path)))
    if len(name) > most or len(name) + len(JOURNAL) <= most:
        return None  # (too long for any file: `too_long` says it)
    return (
        f"{os.strerror(errno.ENAMETOOLONG)} (a database's name leaves {len(JOURNAL)} bytes of "
        f"the system's {most} for SQLite's {JOURNAL} file beside it)"
    )


# How a path's end names it as a folder, whatever is there (`new/`, `new/.`).
_AS_FOLDER = tuple({"/", "/.", os.sep, os.sep + "."})


def file_on_the_way(path: str | Path) -> str | None:
    """Which folder on the way to `path` (or `path` itself, taken as a folder) is a file,
    said as such, else None: reached through it, the system says only "Not a directory"."""
    here = Path(path)
    for folder in (*reversed(here.parents), here):
        if os.path.exists(folder) and not os.path.isdir(folder):
            return f"{folder} is a file, not a folder"
    return None


def through_a_file(path: str | Path) -> str:
    """Why `path` cannot be reached when the system says "Not a directory" (ENOTDIR): the file
    on the way to it named (`file_on_the_way`), or, when that file was moved away between the
    two looks, that one was. Said by a read (`cannot read PATH: ...`) and by --db (`no
    database at PATH: ...`); a write names it with the folder it asked for (missing_folder)."""
    found = file_on_the_way(os.path.dirname(path))
    return found if found is not None else "a file on the way to it is not a folder"


def looping(path: str | Path) -> str | None:
    """How a symbolic link on the way to `path` loops (`ln -s loop loop`; `path` itself, or a
    folder it is in), said after the path, else None: Path.exists and is_dir read such a path
    as missing, and the advice for a missing one (make it, start a database there) cannot be
    followed."""
    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return f"a symbolic link on the way to it loops ({exc.strerror})"
    return None


def occupied(target: Path) -> bool:
    """Something is at `target`: a file, or a link (even a dangling one: never written
    through)."""
    return target.exists() or target.is_symlink()


@contextmanager
def writing(
    target: Path,
    *,
    replace: bool = False,
    binary: bool = False,
    never: str | None = None,
    asked: str | None = None,
) -> Iterator[IO[Any]]:
    """A file object whose contents become the file `target` when the block ends without an
    error; on an error nothing is left, and an existing `target` is untouched.

    An existing `target` is refused before anything is written (`file_exists`) unless
    `replace`; `never` names what is written for a kind that is never written over (`replace`
    does not apply). Text is UTF-8 with the newlines as written. The file gets the usual
    permissions (0666 less the umask), as a shell redirect would give it. The folder must exist.
    The system's refusal names the file as `asked` for (as typed: Path writes `./out//x` as
    `out/x`, review304), `target` unless given.
    """
    if (never is not None or not replace) and occupied(target):
        raise file_exists(target, never)
    said = asked if asked is not None else target
    fd, tmp = temporary_beside(target, said)
    try:
        try:
            yield from _placed(fd, tmp, target, replace=replace, binary=binary, never=never)
        except OSError as exc:
            # A write into the file object (a full disk) names no file, and the temporary
            # file's name means nothing to the user: said as the file asked for (review290);
            # so is the target's own (place_new's copy on a drive without links, review304).
            named = None if exc.filename is None else os.fspath(exc.filename)
            if named in (tmp, os.fspath(target)) or (named is None and exc.errno in _NO_ROOM):
                raise cannot_write(said, exc) from None
            raise
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@contextmanager
def filling(folder: Path) -> Iterator[list[Path]]:
    """The folder `folder`, made if it is not there, for files written into it one by one
    (`report --all`'s pages): the caller adds each file written to the list yielded. Ended by
    an error or a stop, a folder made here is taken back with the files written into it, so
    that a refusal (a full disk at the third page) leaves nothing, as every output's does
    (review304: the folder, empty or half a site, was left). A folder that was there keeps
    what it holds, the pages written too: with --force they replaced the ones there."""
    # Made here only if this mkdir made it: one another process made after a look (is_dir)
    # and before mkdir(exist_ok=True) was taken for this command's (rr309).
    try:
        folder.mkdir()
        made = True
    except FileExistsError:
        if not folder.is_dir():
            raise
        made = False
    written: list[Path] = []
    try:
        yield written
    except BaseException:
        if made:
            for page in written:
                page.unlink(missing_ok=True)
            # (not if anything else was put there meanwhile: it is not this command's)
            with contextlib.suppress(OSError):
                folder.rmdir()
        raise


# The system's words for a file that could not grow: a full disk, a quota, a size limit.
_NO_ROOM = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG})


def _placed(
    fd: int, tmp: str, target: Path, *, replace: bool, binary: bool, never: str | None
) -> Iterator[IO[Any]]:
    """`writing`'s file object on the temporary file `tmp` (open as `fd`), then the finished
    file put at `target`."""
    # A 1 MB buffer: an audit export of 10,000,000 events is some 5 GB, and the default
    # 8 KB buffer made that 600,000 write calls.
    f: IO[Any] = (
        os.fdopen(fd, "wb", buffering=_BUFFER)
        if binary
        else os.fdopen(fd, "w", encoding="utf-8", newline="", buffering=_BUFFER)
    )
    with f:
        yield f
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)
    if replace and never is None:
        # (A sticky folder, /tmp, refuses to replace another user's file: the refusal
        # named the temporary file, and is said of the target, review261.)
        os.replace(tmp, target)
        return
    try:
        place_new(tmp, target)
    except FileExistsError:
        raise file_exists(target, never) from None
    Path(tmp).unlink()


def cannot_write(path: str | Path, exc: OSError) -> OSError:
    """The system's refusal to write the file asked for as `path`, said as every output's
    refusal is and as a read's (`cannot read PATH: WHY`, services.inputs): `cannot write PATH:
    WHY`. Still an OSError (the CLI's file_error, exit 1) with its errno."""
    return OSError(exc.errno, f"cannot write {path}: {exc.strerror or exc}")


def temporary_beside(
    target: Path, asked: str | Path | None = None, *, beside: int = 0
) -> tuple[int, str]:
    """A new temporary file in `target`'s folder, for a file written whole and then put in
    place: its descriptor and name, hidden (a dot first) and starting with the target's name,
    so that one a crash leaves says what it was for; `beside`: the bytes a program adds to it
    for a file of its own beside it (SQLite's `-journal`). A refusal is said of the file
    `asked` for (`target` unless given): the temporary file's name means nothing to the user."""
    folder = folder_of(target)
    prefix = _temporary_prefix(target.name, longest_name(folder) - beside)
    try:
        return tempfile.mkstemp(prefix=prefix, dir=folder)
    except OSError as exc:
        raise cannot_write(asked if asked is not None else target, exc) from None


def longest_name(folder: Path) -> int:
    """The longest name, in bytes, a file in `folder` may have (255 on the usual drives)."""
    try:
        return os.pathconf(folder, "PC_NAME_MAX")
    except (OSError, ValueError, AttributeError):  # a folder not there; Windows has no pathconf
        return 255


def _temporary_prefix(name: str, most: int) -> str:
    """`.NAME.`, NAME cut short where mkstemp's eight characters would take the whole over
    `most` bytes: a name of 246 to 255 bytes is a file's, and was refused as "too long" for
    its temporary file's (review290). Cut between characters, not inside one (a hanzi is
    three bytes: review304). A name too long itself is kept whole, and refused as such."""
    if len(os.fsencode(name)) > most:
        return f".{name}."
    cut = name
    while len(os.fsencode(cut)) > most - len("..") - 8:
        cut = cut[:-1]  # (at most ten bytes to take off: a few characters)
    return f".{cut}."


def place_new(tmp: str, target: Path) -> None:
    """Put the finished file `tmp` at `target`, which must not exist: a hard link, which fails
    if the target appeared meanwhile; on a drive without links (exFAT, a USB stick) a copy into
    a file created here and only here (O_EXCL), removed if the copy fails. FileExistsError
    when the target exists. `tmp` stays for the caller to remove."""
    try:
        os.link(tmp, target)
        return
    except FileExistsError:
        raise
    except OSError:
        pass  # no hard links here: copy instead
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(fd, "wb") as out, open(tmp, "rb") as src:
            shutil.copyfileobj(src, out, _BUFFER)
    except BaseException:
        target.unlink(missing_ok=True)
        raise
