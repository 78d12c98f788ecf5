"""Review 52: hostile input that escaped the rules (one line on stderr, exit 1 or 2, no
traceback, no hang, no unbounded read). Each test failed on the code as reviewed."""

from __future__ import annotations

import io
import json
import tracemalloc
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.inprocess import Outcome, run_cli
from workbench.domain.errors import WorkbenchError
from workbench.services.bundle import export_bundle, import_bundle
from workbench.services.context import Workbench

Run = Callable[..., Outcome]

DEEP = "[" * 100_000 + "]" * 100_000
ARTICLE = "The minister said unemployment rose to 7 percent in 2021. " * 10


@pytest.fixture
def run(db_url: str) -> Run:
    def go(*args: str, stdin: bytes | None = b"") -> Outcome:
        return run_cli(list(args), stdin=stdin, env={"WORKBENCH_DB": db_url, "WORKBENCH_USER": "t"})

    return go


def refused_in_one_line(r: Outcome) -> None:
    assert r.crash is None, f"traceback: {r.crash!r}"
    assert r.code == 1, (r.code, r.out, r.err)
    assert r.err.startswith("error: ") and r.err.count("\n") == 1, r.err


# --- 2. deeply nested JSON / YAML is a traceback --------------------------------------------


def test_a_page_with_deeply_nested_json_ld_is_added_or_refused_in_one_line(
    run: Run, tmp_path: Path
) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        '<html><head><title>X</title><script type="application/ld+json">'
        + DEEP
        + f"</script></head><body><article><p>{ARTICLE}</p></article></body></html>",
        encoding="utf-8",
    )
    r = run("doc", "add", str(page))
    assert r.crash is None, f"traceback: {r.crash!r}"
    assert r.code in (0, 1), (r.code, r.err)


def test_a_seed_json_nested_too_deeply_is_refused_in_one_line(run: Run, tmp_path: Path) -> None:
    (tmp_path / "seed.json").write_text(DEEP, encoding="utf-8")
    refused_in_one_line(run("seed", "load", str(tmp_path / "seed.json")))


def test_a_seed_yaml_nested_too_deeply_is_refused_in_one_line(run: Run, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "seed.yaml").write_text(
        "document:\n  file: a.txt\nclaims: " + "[" * 50_000 + "]" * 50_000 + "\n",
        encoding="utf-8",
    )
    refused_in_one_line(run("seed", "load", str(tmp_path / "seed.yaml")))


def test_an_audit_file_nested_too_deeply_is_refused_in_one_line(run: Run, tmp_path: Path) -> None:
    """Judged as any line that is no event is: BROKEN at line 1, exit 1 (it was a traceback)."""
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    assert run("doc", "add", str(tmp_path / "a.txt")).code == 0
    (tmp_path / "trail.jsonl").write_text(DEEP + "\n", encoding="utf-8")
    r = run("audit", "verify", "--file", str(tmp_path / "trail.jsonl"))
    assert r.crash is None, f"traceback: {r.crash!r}"
    assert r.code == 1 and r.out.startswith("BROKEN: line 1: "), (r.code, r.out, r.err)


def _bundle_with(wb: Workbench, tmp_path: Path, member: str, data: bytes) -> Path:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    from workbench.services.documents import add_document

    add_document(wb, ARTICLE.encode())
    buf = io.BytesIO()
    export_bundle(wb, buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    path = tmp_path / "hostile.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            out.writestr(info.filename, data if info.filename == member else src.read(info))
    return path


@pytest.mark.parametrize("member", ["manifest.json", "tables/blobs.jsonl"])
def test_a_bundle_nested_too_deeply_is_refused_in_one_line(
    wb: Workbench, tmp_path: Path, member: str
) -> None:
    path = _bundle_with(wb, tmp_path, member, (DEEP + "\n").encode())
    target = tmp_path / "target.db"
    r = run_cli(["--db", str(target), "import", "bundle", str(path)], env={"WORKBENCH_USER": "t"})
    refused_in_one_line(r)


# --- 3. a seed file's document path -----------------------------------------------------------


def test_a_seed_naming_a_path_with_a_nul_is_refused_in_one_line(run: Run, tmp_path: Path) -> None:
    (tmp_path / "seed.json").write_text(
        json.dumps({"document": {"file": "a.txt\u0000x"}, "claims": []}), encoding="utf-8"
    )
    refused_in_one_line(run("seed", "load", str(tmp_path / "seed.json")))


@pytest.mark.parametrize("where", ["/etc/hostname", "../../../../../../etc/hostname"])
def test_a_seed_reads_its_document_beside_it_not_anywhere(
    run: Run, tmp_path: Path, where: str
) -> None:
    """A seed's document is 'the article, relative to the claims file'; a seed file someone
    sent stores any readable file of the machine (an absolute path or one climbing out with
    ..) into the desk's database, where every export and bundle carries it."""
    if not Path("/etc/hostname").is_file():
        pytest.skip("no /etc/hostname here")
    folder = tmp_path / "sent"
    folder.mkdir()
    (folder / "seed.yaml").write_text(f"document:\n  file: {where}\nclaims: []\n", encoding="utf-8")
    r = run("seed", "load", str(folder / "seed.yaml"))
    assert r.code == 1, (r.code, r.out, r.err)


# --- 4. a bundle's row is read whole, whatever its size ---------------------------------------


def test_a_bundle_row_is_not_read_whole_into_memory(
    wb: Workbench, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The only bound was the bundle's declared unpacked size (4 GB by default): one line of a
    member was read into memory whole, then parsed. A 3 MB bundle holding one 3 GB line took
    6.2 GB of memory before it was refused as 'not valid JSON'. A line is now read at most a
    row's bytes (twice the larger of the evidence and document limits, and a megabyte): with
    1 MB limits, a 200 MB line (200 KB compressed) may not cost 20 MB."""
    line = b'["' + b"a" * (200 * 1024 * 1024)
    path = _bundle_with(wb, tmp_path, "tables/blobs.jsonl", line)
    assert path.stat().st_size < 2 * 1024 * 1024
    monkeypatch.setenv("WORKBENCH_MAX_EVIDENCE_MB", "1")
    monkeypatch.setenv("WORKBENCH_MAX_DOCUMENT_MB", "1")
    target = Workbench(url=f"sqlite:///{tmp_path / 'target.db'}", actor="t")
    tracemalloc.start()
    try:
        with pytest.raises(WorkbenchError) as exc:
            import_bundle(target, str(path))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 20 * 1024 * 1024, f"peak {peak:,} bytes for a {path.stat().st_size:,}-byte file"
    assert exc.value.message.startswith("bundle blobs row 1: over 3,145,728 bytes, more than")


def test_a_seed_cannot_reach_out_through_a_linked_folder(run: Run, tmp_path: Path) -> None:
    """A folder beside the seed that links elsewhere leads out of it all the same."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(ARTICLE, encoding="utf-8")
    folder = tmp_path / "sent"
    folder.mkdir()
    (folder / "linked").symlink_to(outside, target_is_directory=True)
    (folder / "seed.yaml").write_text(
        "document:\n  file: linked/secret.txt\nclaims: []\n", encoding="utf-8"
    )
    r = run("seed", "load", str(folder / "seed.yaml"))
    refused_in_one_line(r)
    assert "leads out of the seed's folder" in r.err
    (folder / "seed.yaml").write_text(
        "document:\n  file: ../outside/secret.txt\nclaims: []\n", encoding="utf-8"
    )
    r = run("seed", "load", str(folder / "seed.yaml"))
    refused_in_one_line(r)
    assert "is not a file beside the seed file" in r.err
