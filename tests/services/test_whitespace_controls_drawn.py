"""rlook: a tab or a line break is drawn as a gap between words, not as nothing.

08f0920c made `identity.drawn` leave out every ASCII control, as it left out every control in
text beyond ASCII: right for U+0001 or DEL, which draw nothing, but a tab, a line feed, a
carriage return, a form feed (and NEL, the line and paragraph separators) draw as the space
between two words. `same_person_key` reads a name through `drawn` before it folds spacing, so
`Yan<TAB>Junjie`, pasted from a spreadsheet, became `yanjunjie`, and `claim list --speaker`
found none of Yan Junjie's claims (it found them before 08f0920c); `Ána<TAB>López` already
was `ánalópez`.
"""

from __future__ import annotations

import pytest

from tests.conftest import run_in_process
from tests.services.test_replay_self_approval import _ok, _run
from workbench.domain.identity import drawn, skeleton
from workbench.domain.status import same_person_key

GAPS = ["\t", "\n", "\r\n", "\x0b", "\x0c", "\x85", "\u2028", "\u2029"]


@pytest.mark.parametrize("gap", GAPS)
@pytest.mark.parametrize(
    ("spaced", "name"), [("ana lopez", "Ana{}Lopez"), ("ána lópez", "Ána{}López")]
)
def test_a_line_break_or_tab_between_words_is_a_space(gap: str, spaced: str, name: str) -> None:
    written = name.format(gap)
    assert same_person_key(written) == spaced
    assert skeleton(written) == skeleton(spaced)


def test_controls_that_draw_nothing_still_go() -> None:
    assert drawn("maria\x01") == "maria" and same_person_key("ma\x08ria") == "maria"


def test_claim_list_finds_a_speaker_typed_with_a_tab(db_url: str) -> None:
    _ok(
        run_in_process(
            ["--db", db_url, "--as", "ed", "doc", "add", "-"], input="Yan Junjie said it in 2021.\n"
        )
    )
    _ok(
        _run(
            db_url,
            "ed",
            "claim",
            "add",
            "1",
            "--text",
            "said in 2021",
            "--quote",
            "2021",
            "--speaker",
            "Yan Junjie",
        )
    )
    for typed in ("Yan Junjie", "Yan\tJunjie", "Yan\nJunjie"):
        found = _ok(_run(db_url, "ed", "claim", "list", "--speaker", typed, "--json"))
        assert "said in 2021" in found.out, (typed, found.out, found.err)
