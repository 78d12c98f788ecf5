"""Every candidate's span and score on the seed article and the English sample, held to a digest
taken before the scores were explained term by term (issue 14): listing a score's terms must not
move any score, span or threshold decision."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from workbench.domain.checkworthy import find_candidates
from workbench.domain.transcript import read_transcript

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "seeds" / "minimax-profile.zh.txt"
ENGLISH = REPO / "tests" / "data" / "checkworthy" / "english.txt"

# sha256 of json.dumps([[start, end, score], ...]) for each text and --min-score, taken from the
# code before contributions were added (commit 72c582b3).
DIGESTS = {
    (SEED, 0.0): (116, "6309b399a763957910e0ff8bf5b21fbe967a8f1acfe4e8004864cb1a7165a39e"),
    (SEED, 0.5): (37, "8ec93b1c2b24ff43d7c417bb272a883d54bd7ed4002967b31154b6296c242c2f"),
    (ENGLISH, 0.0): (37, "19adea2544150c9f78c5d0134af7603a49c4f9625ac9322d9a056b53e5af05bd"),
    (ENGLISH, 0.5): (20, "3bc0fa5828672c8ea4d72665c27848110419d39fd8b2adca834c1c179901eddd"),
}


@pytest.mark.parametrize(("path", "min_score"), list(DIGESTS))
def test_candidate_spans_and_scores_are_as_before(path: Path, min_score: float) -> None:
    text = path.read_text(encoding="utf-8")
    found = find_candidates(text, min_score, None, read_transcript(text, "auto"))
    dumped = json.dumps([[c.start, c.end, c.score] for c in found])
    count, digest = DIGESTS[(path, min_score)]
    assert (len(found), hashlib.sha256(dumped.encode()).hexdigest()) == (count, digest)
