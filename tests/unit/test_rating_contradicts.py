"""When an annotation's rating (its `assessing` label) says another verdict than the claim's:
an editor who changed only the rating was told nothing (fix195)."""

from __future__ import annotations

from workbench.domain.status import rating_contradicts, rating_label


def test_a_label_is_its_statuss_rating() -> None:
    assert rating_label("false") == "False"
    assert rating_label("unverifiable") == "Unproven"
    assert rating_label("opinion") is None and rating_label("in_progress") is None


def test_a_label_other_than_the_claims_contradicts_it() -> None:
    assert rating_contradicts("True", "false", "false")
    assert rating_contradicts("False", None, "in_progress")  # a withheld or open claim rated
    assert rating_contradicts("Pants on fire", "false", "false")


def test_the_claims_label_or_the_files_own_statuss_does_not() -> None:
    assert not rating_contradicts("False", "false", "false")
    assert not rating_contradicts(" false ", None, "false")
    # The file's status changed with it: the status is what differs, said as such.
    assert not rating_contradicts("True", "verified", "false")
    # A re-import where the verdict came in open: the file agrees with itself.
    assert not rating_contradicts("False", "false", "in_progress")
