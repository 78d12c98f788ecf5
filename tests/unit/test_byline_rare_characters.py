"""A Chinese byline's reporter whose name holds an ideograph beyond the Basic Multilingual
Plane (extension B on: 𠮷): bylines read Han as extension A, the unified block and the
compatibility ideographs only."""

from __future__ import annotations

from workbench.domain.bylines import credit


def test_a_reporter_named_with_an_extension_b_character_was_no_byline() -> None:
    """本报记者王𠮷明报道 gave no credit, where 本报记者王晓明报道 gives 王晓明."""
    assert credit("本报记者王晓明报道") is not None
    found = credit("本报记者王𠮷明报道")
    assert found is not None and found.authors == ("王𠮷明",)
    found = credit("记者 王晓明 发自𠮷林")
    assert found is not None and found.authors == ("王晓明",)
