"""`claim show` reads the addresses of an approval's people by key, whatever their script.

9d2111fe read the approver's and proposer's rows by key (`claim show` read a thousand
people's for two: 1 ms -> 5 ms), and every person's only when a name not ASCII was not found
under its key (stored in an earlier normal form, `王 芳`). But the keyed read asked only for
rows with an address: 王芳, registered with no `--email` (most of a desk's people), was "not
found", and every `claim show` of a verdict she proposed or approved read the desk's people
again (review264). A row without an address is found, and says there is none.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.services.test_sign_off_emails import _as
from tests.services.test_signoff import proposed
from workbench.db.reader import Reader
from workbench.services import review
from workbench.services.context import Workbench
from workbench.services.queries import show_claim
from workbench.services.users import add_user


def test_a_name_not_ascii_with_no_address_is_read_by_key(
    wb: Workbench, monkeypatch: pytest.MonkeyPatch
) -> None:
    cid = proposed(wb, "王芳")
    add_user(_as(wb, "王芳"), "王芳")
    add_user(_as(wb, "王芳"), "li", email="li@example.org")
    for n in range(5):
        add_user(_as(wb, "王芳"), f"person{n}", email=f"p{n}@example.org")
    review.approve(_as(wb, "li"), cid)
    read: list[int] = []
    rows = Reader.rows

    def counted(self: Reader, query: Any) -> list[Any]:
        found = rows(self, query)
        if " users" in query.sql(self.module.NO_LIMIT).text:
            read.append(len(found))
        return found

    monkeypatch.setattr(Reader, "rows", counted)
    signed = show_claim(wb, cid).sign_off
    assert signed is not None and (signed.given_by, signed.approved_by) == ("王芳", "li")
    # One read, of the two people's rows: not a second of all seven.
    assert read == [2], read
