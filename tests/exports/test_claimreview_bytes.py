"""`export claimreview` on a realistic desk, byte for byte: the JSON-LD and what stderr says of
the claims, as the export wrote them before its selection became one object and its skip list
a count per reason (fix78). The desk is bench/desk.py's generator (seeded, its clock fixed):
ten documents of twenty claims, each with its whole workflow (owners, evidence, notes,
verdicts; about half still open or opinions), so the same bytes every run."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from tests.inprocess import run_cli

ORG = ("--org", "Desk", "--org-url", "https://desk.example")
NO_AUTHOR = (
    "published naming no author of the claim (a claim's speaker, `claim edit ID --speaker "
    'NAME`, and the document\'s author that "Article author" names, `doc edit DOC --author '
    "NAME`, are set before its verdict: reopen it first, `claim status ID in_progress --note "
    "TEXT`)"
)


CASES = {
    "everything": (
        (),
        0,
        "ac7636817f55527db6e68b986ee60ffd8f52b475661bed508cf2d0cc2dee913c",
        "skipped 59 claims (#3, #12, #15, #16, #17 and 54 more): "
        "no final verdict yet (status unverified)\n"
        "skipped 37 claims (#6, #10, #14, #19, #21 and 32 more): "
        "no final verdict yet (status in_progress)\n"
        "skipped 13 claims (#9, #11, #36, #53, #107 and 8 more): an opinion is not rated\n"
        f"note: 6 claims (#52, #56, #81, #148, #152 and 1 more) {NO_AUTHOR}\n",
    ),
    "two documents, a template": (
        ("--doc", "2", "--doc", "5", "--url-template", "https://desk.example/checks/{id}"),
        0,
        "594775b5dcf742d7e7afba36da9e45f8363aa406da49c7254a21e7ad1f659ff2",
        # A reason is said where its lowest id comes: in_progress (#21) before unverified.
        "skipped 5 claims (#21, #23, #28, #82, #97): no final verdict yet (status in_progress)\n"
        "skipped 12 claims (#22, #24, #25, #29, #30 and 7 more): "
        "no final verdict yet (status unverified)\n"
        "skipped claim #36: an opinion is not rated\n"
        f"note: 1 claim (#81) {NO_AUTHOR}\n",
    ),
    "a span": (
        ("--since", "2026-06-01", "--until", "2026-08-31"),
        0,
        "9dbcc610035971971509b2b539185899d44c7abb7d9afa236b2ebf1e102df596",
        "skipped 3 claims (#107, #113, #147): an opinion is not rated\n"
        f"note: 1 claim (#148) {NO_AUTHOR}\n",
    ),
    "claims named": (
        ("--claim", "110", "--claim", "104", "--claim", "105"),
        0,
        "897cbde0620cb2ba107671da829d48e2e7b60a22544ff3cf353b8153741c2673",
        "",
    ),
    # Of the named claims that cannot be published, the lowest id is the one refused.
    "an unverified and an opinion named": (
        ("--claim", "9", "--claim", "104", "--claim", "3"),
        1,
        hashlib.sha256(b"").hexdigest(),
        "error: claim #3 cannot be published as a ClaimReview: "
        "no final verdict yet (status unverified)\n",
    ),
    "an opinion named": (
        ("--claim", "9", "--claim", "104"),
        1,
        hashlib.sha256(b"").hexdigest(),
        "error: claim #9 cannot be published as a ClaimReview: an opinion is not rated\n",
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_the_export_writes_the_bytes_it_wrote_before(generated: Path, case: str) -> None:
    """The same JSON-LD (its sha256) and the same lines on stderr, for the whole desk, a
    selection of documents with a URL template, a span of verdicts, claims named, and the
    refusals of claims named that cannot be published."""
    args, code, digest, err = CASES[case]
    r = run_cli(
        ["export", "claimreview", *ORG, *args],
        env={"WORKBENCH_DB": f"sqlite:///{generated}", "WORKBENCH_USER": "tester"},
    )
    assert r.crash is None, r.crash
    assert (r.code, r.err) == (code, err)
    assert hashlib.sha256(r.out.encode("utf-8")).hexdigest() == digest
