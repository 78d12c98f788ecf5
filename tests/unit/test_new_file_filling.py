"""rr309: new_file.filling (report --all's folder, review304) takes back, on an error or a stop,
only a folder this command made: never one that was there, nor one another process made
between the look and the mkdir (which mkdir(exist_ok=True) did not tell from its own)."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.new_file import filling


def test_a_folder_that_was_there_empty_is_kept_with_its_pages(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    with pytest.raises(KeyboardInterrupt), filling(site) as written:
        (site / "index.html").write_text("x")
        written.append(site / "index.html")
        raise KeyboardInterrupt
    assert site.is_dir() and [p.name for p in site.iterdir()] == ["index.html"]


def test_a_folder_made_by_another_meanwhile_is_not_taken_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "site"
    mkdir = Path.mkdir

    def another_first(self: Path, *args: object, **kwargs: object) -> None:
        if self == site and not site.exists():
            mkdir(site)  # another process's, between the look and this mkdir
        mkdir(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "mkdir", another_first)
    with pytest.raises(OSError, match="full"), filling(site):
        raise OSError(28, "full")
    assert site.is_dir()


def test_a_folder_made_here_is_taken_back_with_its_pages(tmp_path: Path) -> None:
    site = tmp_path / "site"
    with pytest.raises(KeyboardInterrupt), filling(site) as written:
        (site / "index.html").write_text("x")
        written.append(site / "index.html")
        raise KeyboardInterrupt
    assert not site.exists()
