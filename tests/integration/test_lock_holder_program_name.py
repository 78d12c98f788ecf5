"""review215: a program whose name is not ASCII, holding the desk's lock on PostgreSQL.

A writer waiting behind a session whose application_name was '夜间' (a nightly job named in
Chinese) said "waiting for another writer to finish (a session of role postgres (??????)
holds the write lock)": the server keeps only printable ASCII of an application_name, and
before PostgreSQL 16 it writes '?' for each byte of any other letter, so the name cannot be
read back. Now the notice and the refusal say so in words. From PostgreSQL 16 the server
writes such a byte as '\\xe5' instead: those are read back into the name. (A workbench
write's own name was never lost: it sets it escaped, pg_append_lock.app_name.)

No timings are asserted: the lock is held by the test's own connection for as long as the
command runs, the wait cut short and the notice's threshold set to nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from tests.conftest import PG_URL
from tests.inprocess import run_cli
from tests.integration.test_writer_lock_wait_notice import one_claim
from workbench.db.engine import get_engine
from workbench.db.pg_append_lock import holder_of
from workbench.domain.lock_wait import who

SHORT_WAIT_MS = 300


@contextmanager
def held_by_program(url: str, program: str) -> Iterator[None]:
    """The desk's append lock held by a session naming itself `program`, as psql would."""
    from sqlalchemy import create_engine, text

    from workbench.db.pg_locks import APPEND_LOCK_SQL, DESK_LOCK_CLASS

    other = create_engine(url)
    conn = other.connect()
    try:
        conn.execute(text("SELECT set_config('application_name', :name, false)"), {"name": program})
        conn.execute(text(APPEND_LOCK_SQL), {"desk_lock": DESK_LOCK_CLASS})
        yield
    finally:
        conn.close()
        other.dispose()


def test_a_name_the_server_kept_as_question_marks_is_said_as_not_readable() -> None:
    """Before PostgreSQL 16 the server shows '夜间' as '??????': said with what the '?' are,
    never as a name; a name it kept whole is said as it is."""
    lost = who(holder_of("??????", "postgres", lossy=True))
    assert lost.startswith("a session of role postgres (??????: "), lost
    assert "outside printable ASCII as '?'" in lost, lost
    assert who(holder_of("nightly", "postgres", lossy=True)) == (
        "a session of role postgres (nightly)"
    )


def test_what_a_question_mark_may_be_is_said_with_the_name_the_server_shows() -> None:
    """review227: a '?' may be the program's own (`what?`) and a name half ASCII keeps what
    the server kept (`nightly-导入`, shown 'nightly-??????'): both were said only as 'a program
    whose name the server could not keep: it keeps ASCII letters only', untrue of `what?`,
    and of the digits and signs the server keeps, and the job's 'nightly-' was lost."""
    said = who(holder_of("what?", "postgres", lossy=True))
    assert said.startswith("a session of role postgres (what?: "), said
    half = who(holder_of("nightly-??????", "postgres", lossy=True))
    assert half.startswith("a session of role postgres (nightly-??????: "), half
    for words in (said, half):
        assert "could not keep" not in words and "letters only" not in words, words
    job = who(holder_of("job?", None, lossy=True))
    assert job.startswith("a session (job?: "), job


def test_a_name_the_server_kept_as_byte_escapes_is_read_back() -> None:
    """From PostgreSQL 16 the server writes each byte outside ASCII as '\\xNN': '夜间' is
    '\\xe5\\xa4\\x9c\\xe9\\x97\\xb4', read back as 夜间; a '?' there is the program's own."""
    escaped = "nightly-" + "".join(f"\\x{b:02x}" for b in "夜间".encode())
    assert holder_of(escaped, "postgres", lossy=False).program == "nightly-夜间"
    assert holder_of("what?", "postgres", lossy=False).program == "what?"
    # A control character's escape is no letter: left as the server wrote it, never written to
    # a terminal as the character.
    assert holder_of("job\\x1b[2J", "postgres", lossy=False).program == "job\\x1b[2J"
    # Cut by the server at 63 bytes inside a letter's escapes: its whole letters and '…'.
    cut = ("\\x" + "\\x".join(f"{b:02x}" for b in ("夜间" * 4).encode()))[:63]
    assert holder_of(cut, "postgres", lossy=False).program == "夜间夜间夜…"


def test_a_long_name_in_another_encoding_cut_by_the_server_is_left_as_it_wrote_it() -> None:
    """review227: a program naming itself in GBK (a Chinese Windows client's encoding) with a
    name long enough for the server (16+) to cut at 63 bytes, '数据同步任务夜间批处理华东区域',
    was said as 'ͬҹ…': its last run of escapes was read with the bytes that are no UTF-8
    dropped, the rest taken as whatever UTF-8 letters they made. Only a letter the cut left
    incomplete is left out; bytes that are no UTF-8 stay as the server wrote them, as they do
    in a name not cut."""

    def escaped(raw: bytes) -> str:
        return "".join(chr(b) if 32 <= b < 127 else f"\\x{b:02x}" for b in raw)

    gbk = escaped("数据同步任务夜间批处理华东区域".encode("gbk"))
    said = holder_of(gbk[:63], "postgres", lossy=False).program
    assert said == gbk[:60] + "…", said
    # A UTF-8 name cut inside its last letter: its whole letters, and '…'.
    utf8 = escaped(("夜间同步" * 5).encode())[:63]
    assert holder_of(utf8, "postgres", lossy=False).program == "夜间同步夜…"


def test_a_program_naming_itself_as_a_workbench_write_writes_no_control_character() -> None:
    """review227: any session may name itself 'workbench:...': one named
    'workbench:\\x1b[2J\\x1b]0;pwned\\x07' (plain ASCII, kept whole by every server) was read back
    as a write's escaped name, and the waiting writer's notice wrote ESC [2J (a terminal
    cleared) and a window title to stderr; from PostgreSQL 16 a program named 'workbench:夜间'
    was read as 'å¤\\x9cé\\x97´', control characters among them. A name no workbench write
    has (a character no name may hold) is the program's, said as the server shows it."""
    import unicodedata

    for lossy in (True, False):
        said = who(holder_of("workbench:\\x1b[2J\\x1b]0;pwned\\x07", "postgres", lossy=lossy))
        assert not any(unicodedata.category(c) == "Cc" for c in said), repr(said)
        assert said == "a session of role postgres (workbench:\\x1b[2J\\x1b]0;pwned\\x07)", said
    escaped = "workbench:" + "".join(f"\\x{b:02x}" for b in "夜间".encode())
    said = who(holder_of(escaped, "postgres", lossy=False))
    assert said == "a session of role postgres (workbench:夜间)", repr(said)
    # A write's own name, Chinese or full-width folded, is still read back.
    assert holder_of("workbench:\\u6b27\\u9633maria", "r", lossy=True).name == "欧阳maria"


def test_a_program_named_workbench_with_no_name_a_write_sets_is_a_program() -> None:
    """review227: a session named 'workbench:\\N{nope}\\' (escapes no write sets) made
    holder_of raise UnicodeDecodeError, so a writer waiting behind it failed after the quiet
    second as 'the input is not valid UTF-8 text'; one named 'workbench:\\N{nope}x' was said
    as '( holds the write lock)', a name of nothing. Both are a program's names."""
    for program in ("workbench:\\N{nope}\\", "workbench:\\N{nope}x", "workbench:"):
        holder = holder_of(program, "postgres", lossy=True)
        assert holder.name is None and holder.program == program, holder


@pytest.mark.skipif(not PG_URL, reason="PostgreSQL names the holder (a SQLite file cannot)")
def test_a_writer_behind_a_program_named_in_chinese_is_told_what_its_question_marks_are(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`note add` behind a session named '夜间': the notice and the refusal said '(??????)' as if
    it were the name; now with what the '?' are."""
    import workbench.db.lock_wait as lock_wait
    import workbench.db.sqlite as sqlite_backend

    monkeypatch.setattr(sqlite_backend, "BUSY_TIMEOUT_MS", SHORT_WAIT_MS)
    monkeypatch.setattr(lock_wait, "WAIT_NOTICE_MS", 0)
    get_engine(db_url).dispose()
    claim = one_claim(db_url)
    with held_by_program(db_url, "夜间"):
        outcome = run_cli(
            ["note", "add", str(claim), "等锁"],
            env={"WORKBENCH_DB": db_url, "WORKBENCH_USER": "bob"},
        )
    assert outcome.code == 1, (outcome.code, outcome.out, outcome.err)
    notice, refusal = outcome.err.strip().splitlines()
    assert notice.startswith("waiting for another writer to finish (a session of role"), notice
    assert refusal.startswith("error: the database stayed locked by another writer (a session")
    assert "(??????: the server shows" in notice and "(??????: the server shows" in refusal, (
        outcome.err
    )
