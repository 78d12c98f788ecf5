"""finalA: fix286's refusal of a speaker's second kind tag named its remedy in the library's
message ("untag speaker:person first to say the other"), a command's verb the library does not
speak (domain.errors: it states facts, and the front end words the remedy from a Hint). The
library now says the fact with a hint (run: untag, the claim and its tag); the CLI says the
command."""

from __future__ import annotations

import pytest
from export_desk import Run

from workbench.domain.errors import InvalidInput, step
from workbench.services.claims import SpanRequest, add_claim
from workbench.services.context import Workbench
from workbench.services.documents import DocumentMeta, add_document
from workbench.services.workflow import tag

TEXT = "Jim Press said sales rose."


def test_the_library_says_the_fact_and_hints_the_untag(wb: Workbench) -> None:
    doc = add_document(wb, TEXT.encode(), meta=DocumentMeta(title="t")).document.id
    claim_id = add_claim(wb, doc, "Sales rose", SpanRequest(quote="sales rose")).id
    tag(wb, [claim_id], ["speaker:person"])
    with pytest.raises(InvalidInput) as refused:
        tag(wb, [claim_id], ["speaker:organisation"])
    assert "untag" not in refused.value.message, refused.value.message
    assert "tagged speaker:person" in refused.value.message, refused.value.message
    assert refused.value.hint == step("untag", claim_id=claim_id, tags=("speaker:person",))


def test_the_cli_says_the_command(run: Run, tmp_path: object) -> None:
    import pathlib

    path = pathlib.Path(str(tmp_path)) / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    assert run("doc", "add", str(path)).code == 0
    added = run("claim", "add", "1", "--quote", "sales rose", "--text", "Sales rose")
    assert added.code == 0, added.err
    assert run("claim", "tag", "1", "speaker:person").code == 0
    refused = run("claim", "tag", "1", "speaker:organisation")
    assert refused.code == 1, refused.err
    assert "`workbench claim untag 1 speaker:person`" in refused.err, refused.err
