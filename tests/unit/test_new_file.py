"""workbench.new_file.writing: a file is written whole or not at all, and an existing file is
refused unless the caller says to replace it (the CLI's --force)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from workbench.domain.errors import InvalidInput
from workbench.new_file import FILE_EXISTS, check_free, writing


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_a_new_file_is_written(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    with writing(target) as out:
        out.write("新的\n")
    assert target.read_text(encoding="utf-8") == "新的\n"
    assert leftovers(tmp_path) == []


def test_an_existing_file_is_refused_and_kept(tmp_path: Path) -> None:
    target = tmp_path / "precious.txt"
    target.write_text("precious")
    with pytest.raises(InvalidInput) as caught, writing(target) as out:
        out.write("export")
    assert caught.value.reason == FILE_EXISTS
    assert caught.value.message == f"{target} exists: nothing was written"
    assert caught.value.hint is not None and caught.value.hint.facts["field"] == "force"
    assert target.read_text() == "precious"
    assert leftovers(tmp_path) == []


def test_a_link_is_refused_even_a_dangling_one(tmp_path: Path) -> None:
    link = tmp_path / "link.txt"
    link.symlink_to(tmp_path / "nowhere.txt")
    with pytest.raises(InvalidInput, match="exists"), writing(link) as out:
        out.write("x")
    assert not (tmp_path / "nowhere.txt").exists()


def test_replace_puts_the_new_file_in_place(tmp_path: Path) -> None:
    target = tmp_path / "precious.txt"
    target.write_text("old")
    with writing(target, replace=True, binary=True) as out:
        out.write(b"new")
    assert target.read_bytes() == b"new"
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("replace", [False, True])
def test_a_failed_write_leaves_no_half_file_and_the_old_one_whole(
    tmp_path: Path, replace: bool
) -> None:
    target = tmp_path / "out.txt"
    if replace:
        target.write_text("old")
    with pytest.raises(RuntimeError), writing(target, replace=replace) as out:
        out.write("half")
        raise RuntimeError("interrupted")
    assert leftovers(tmp_path) == []
    if replace:
        assert target.read_text() == "old"
    else:
        assert not target.exists()


def test_a_file_appearing_meanwhile_is_not_overwritten(tmp_path: Path) -> None:
    target = tmp_path / "late.txt"
    with pytest.raises(InvalidInput, match="exists"), writing(target) as out:
        out.write("export")
        target.write_text("precious")  # another process, meanwhile
    assert target.read_text() == "precious"
    assert leftovers(tmp_path) == []


def test_a_kind_that_never_overwrites_ignores_replace(tmp_path: Path) -> None:
    target = tmp_path / "desk.zip"
    target.write_text("precious")
    with (
        pytest.raises(InvalidInput, match=r"desk\.zip exists: a bundle never overwrites a file"),
        writing(target, replace=True, never="a bundle") as out,
    ):
        out.write("x")
    assert target.read_text() == "precious"


def test_a_set_of_files_is_refused_when_any_exists_naming_the_first(tmp_path: Path) -> None:
    names = [tmp_path / n for n in ("a.html", "b.html", "c.html")]
    check_free(names)  # none yet
    names[1].write_text("x")
    names[2].write_text("y")
    with pytest.raises(InvalidInput) as caught:
        check_free(names)
    assert caught.value.message == (
        f"{names[1]} exists (and 1 more of the files to write): nothing was written"
    )


def test_a_file_that_cannot_be_made_is_named_as_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not by its temporary file's name (`/proc/.x.csv.r6lpntmf`, a new-user trial saw)."""
    import errno
    import tempfile

    def refused(*args: object, **kwargs: object) -> tuple[int, str]:
        raise OSError(errno.ENOENT, "No such file or directory", str(tmp_path / ".x.csv.abc"))

    monkeypatch.setattr(tempfile, "mkstemp", refused)
    target = tmp_path / "x.csv"
    with pytest.raises(OSError) as failed, writing(target):
        pass
    # Said as every output's refusal is (review290): `cannot write PATH: WHY`.
    assert failed.value.strerror == f"cannot write {target}: No such file or directory"
    assert ".x.csv.abc" not in str(failed.value)


@pytest.mark.parametrize("name", ["写" * 83 + ".csv", "é" * 125 + ".txt"], ids=["3", "2"])
def test_a_temporary_name_cut_to_fit_cuts_between_characters(tmp_path: Path, name: str) -> None:
    """review304: a name near the limit in a script of several bytes a character (83 hanzi
    and .csv, 253 bytes) had its temporary file's name cut inside a character: a name
    that is not UTF-8, shown as `?` or escapes by `ls` when a crash leaves it."""
    from workbench.new_file import longest_name, temporary_beside

    fd, tmp = temporary_beside(tmp_path / name)
    os.close(fd)
    raw = os.fsencode(Path(tmp).name)
    raw.decode("utf-8")  # raises if cut inside a character
    assert len(raw) <= longest_name(tmp_path)
    assert Path(tmp).name.startswith("." + name[:10])


def test_a_copy_into_place_refused_on_a_drive_without_links_is_said_as_every_refusal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """review304 (fix298's leftover): on a drive without hard links (exFAT) the finished file
    is copied into one made at the target (O_EXCL); a refusal of that file (a full disk with
    no room for its entry) was said `No space left on device: PATH`, the system's order, where
    every other output refusal says `cannot write PATH: WHY`. Nothing is left."""
    import errno

    real_open = os.open

    def no_links(*args: object, **kwargs: object) -> None:
        raise OSError(errno.EPERM, os.strerror(errno.EPERM))

    def no_room_for_the_target(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if os.fspath(path) == str(target):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), path)
        return real_open(path, flags, *args, **kwargs)

    target = tmp_path / "x.csv"
    monkeypatch.setattr(os, "link", no_links)
    monkeypatch.setattr(os, "open", no_room_for_the_target)
    with pytest.raises(OSError) as failed, writing(target, asked="./x.csv") as out:
        out.write("a\n")
    assert str(failed.value.strerror) == "cannot write ./x.csv: No space left on device"
    assert list(tmp_path.iterdir()) == []
