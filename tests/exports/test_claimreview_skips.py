"""What `export claimreview` remembers of the claims it does not publish (fix78): it kept one
record (id and reason) per skipped claim, half of a desk's claims (10,350 of 20,000 on the
generated year-scale desk), only for stderr to say, per reason, how many and the five lowest
ids. It now keeps exactly that: a count per reason and the lowest few ids of each."""

from __future__ import annotations

from pathlib import Path

from workbench.services.context import Workbench
from workbench.services.exports import export_claimreview, review_stream
from workbench.services.review_selection import ReviewSelection
from workbench.services.skipped_claims import IDS_KEPT, SkippedClaims, SkipReason

EVERYTHING = ReviewSelection(org="Desk", org_url="https://desk.example")
UNVERIFIED = "no final verdict yet (status unverified)"
IN_PROGRESS = "no final verdict yet (status in_progress)"
OPINION = "an opinion is not rated"


def test_a_whole_export_keeps_a_count_and_the_lowest_ids_of_each_reason(generated: Path) -> None:
    """109 claims of the generated desk are skipped: the stream holds three counts and five
    ids of each reason, the reasons in the order of their lowest id (what stderr says)."""
    wb = Workbench(url=f"sqlite:///{generated}", actor="tester")
    with review_stream(wb, EVERYTHING) as stream:
        published = sum(1 for _ in stream.reviews)
    assert published == 91 and len(stream.skipped) == 109
    assert stream.skipped.by_reason() == [
        SkipReason(UNVERIFIED, 59, (3, 12, 15, 16, 17), "open"),
        SkipReason(IN_PROGRESS, 37, (6, 10, 14, 19, 21), "open"),
        SkipReason(OPINION, 13, (9, 11, 36, 53, 107), "opinion"),
    ]
    # The held export says the same.
    assert export_claimreview(wb, EVERYTHING).skipped.by_reason() == stream.skipped.by_reason()


def test_the_lowest_ids_are_kept_whatever_order_they_come_in() -> None:
    """Claims come by document, then id: a later document can hold lower ids. The ids kept
    are the lowest of each reason, ascending; a reason comes where its lowest id does."""
    skipped = SkippedClaims()
    for claim_id in (40, 30, 90, 80, 70, 60, 50, 20, 100):
        skipped.add(claim_id, "open", "open")
    skipped.add(25, "opinion", "opinion")
    skipped.add(10, "withdrawn", "withdrawn")
    assert len(skipped) == 11
    assert skipped.by_reason() == [
        SkipReason("withdrawn", 1, (10,), "withdrawn"),
        SkipReason("open", 9, (20, 30, 40, 50, 60), "open"),
        SkipReason("opinion", 1, (25,), "opinion"),
    ]
    assert IDS_KEPT == 5
    assert not SkippedClaims() and SkippedClaims().by_reason() == []


def test_a_first_read_of_claims_named_keeps_every_one_of_them(generated: Path) -> None:
    """Naming claims that cannot be published refuses the lowest by id, however many are
    named and in whatever order: the first read (of the claims named only) keeps as many ids
    as were named, not five."""
    wb = Workbench(url=f"sqlite:///{generated}", actor="tester")
    opinions = [107, 53, 36, 11, 9, 113, 147]  # all opinions: the refusal names #9
    selection = ReviewSelection(org="Desk", org_url="https://desk.example", claim_ids=opinions)
    try:
        export_claimreview(wb, selection)
    except Exception as refused:
        assert str(refused) == "claim #9 cannot be published as a ClaimReview: " + OPINION
    else:
        raise AssertionError("the opinions named were published")
    kept = SkippedClaims(kept=len(opinions))
    for claim_id in opinions:
        kept.add(claim_id, OPINION, "opinion")
    assert kept.by_reason() == [SkipReason(OPINION, 7, tuple(sorted(opinions)), "opinion")]


def test_the_ids_kept_are_enough_for_the_line_stderr_says() -> None:
    """stderr names IDS_NAMED ids of a reason and counts the rest: each reason keeps at least
    that many."""
    from workbench.cli.export import IDS_NAMED

    assert IDS_KEPT >= IDS_NAMED


def test_every_id_is_kept_when_asked(generated: Path) -> None:
    """`export claimreview --json` gives every skipped id (`every_id`): the 59 unverified
    claims of the generated desk, not the lowest five; the counts are the same."""
    wb = Workbench(url=f"sqlite:///{generated}", actor="tester")
    with review_stream(wb, EVERYTHING, every_id=True) as stream:
        published = sum(1 for _ in stream.reviews)
    assert published == 91
    groups = stream.skipped.by_reason()
    assert [(g.kind, g.count, len(g.ids)) for g in groups] == [
        ("open", 59, 59),
        ("open", 37, 37),
        ("opinion", 13, 13),
    ]
    assert groups[0].ids[:5] == (3, 12, 15, 16, 17) and list(groups[0].ids) == sorted(groups[0].ids)
