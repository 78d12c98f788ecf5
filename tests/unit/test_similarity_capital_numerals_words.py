"""Capital numerals (陆 拾 伍 佰 ...) are also ordinary characters. `similarity.numerals` reads a
run of numerals holding a capital digit and a capital unit as a number, but such a run can
span two words: 大陆 (mainland) + 拾荒 (scavenging) holds 陆拾, "sixty"."""

from __future__ import annotations

from workbench.domain.similarity import terms
from workbench.domain.similarity.numerals import plain_numerals


def test_mainland_beside_scavenging_is_no_sixty() -> None:
    """大陆拾荒者增多 ("mainland scavengers are more") was rewritten 大六十荒者增多 and read as
    the figure 60 (#60, ≈60): a claim with no number scored as one giving sixty of something,
    and 大陆 was no longer there to match."""
    text = "大陆拾荒者增多"
    assert plain_numerals(text) == text
    assert not any(t.startswith(("#", "≈")) for t in terms(text))
