"""fix319: three refusals a script meets often had no `reason` (trial316): `--as` a name the
desk never registered, and a speaker given its second kind tag (by `claim tag`, or by a row of
`import claims`), were `invalid_input` like any mistyped value, so a script could tell them only
by the message's English, which may change. Each now names its rule (docs/errors.md)."""

from __future__ import annotations

import pytest

from workbench.domain.errors import InvalidInput
from workbench.domain.speaker_kind import check_new_claim_kinds
from workbench.services.claims import SpanRequest, add_claim
from workbench.services.context import Workbench
from workbench.services.documents import DocumentMeta, add_document
from workbench.services.users import add_user
from workbench.services.workflow import assign, tag

TEXT = "MiniMax said sales rose."


def _as(wb: Workbench, name: str) -> Workbench:
    return Workbench(url=wb.url, actor=name)


def _claim(wb: Workbench) -> int:
    doc = add_document(wb, TEXT.encode(), meta=DocumentMeta(title="t")).document.id
    return add_claim(wb, doc, "Sales rose", SpanRequest(quote="sales rose")).id


def test_an_unregistered_name_acting_or_owning_is_refused_by_its_reason(wb: Workbench) -> None:
    ana = _as(wb, "ana")
    add_user(ana, "ana")
    claim_id = _claim(ana)
    with pytest.raises(InvalidInput) as acting:
        tag(_as(wb, "nobody"), [claim_id], ["economy"])
    assert acting.value.reason == "unregistered_user", acting.value
    with pytest.raises(InvalidInput) as owning:
        assign(ana, [claim_id], "nobody")
    assert owning.value.reason == "unregistered_user", owning.value


def test_a_second_speaker_kind_is_refused_by_its_reason(wb: Workbench) -> None:
    claim_id = _claim(wb)
    with pytest.raises(InvalidInput) as both:
        tag(wb, [claim_id], ["speaker:person", "speaker:organisation"])
    assert both.value.reason == "one_speaker_kind", both.value
    tag(wb, [claim_id], ["speaker:person"])
    with pytest.raises(InvalidInput) as other:
        tag(wb, [claim_id], ["speaker:organization"])
    assert other.value.reason == "one_speaker_kind", other.value
    with pytest.raises(InvalidInput) as row:
        check_new_claim_kinds(["speaker:person", "speaker:organisation"])
    assert row.value.reason == "one_speaker_kind", row.value
