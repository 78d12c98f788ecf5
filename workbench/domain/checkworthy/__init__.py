"""Check-worthiness: which sentences of a document hold a claim worth checking.

`find_candidates` is the entry point (`extract` calls it): the units of a document (sentences,
cut at semicolons) or, failing that, runs of their clauses, that score at least the threshold,
each with its score, the reasons for it and a suggested claim type.

Scores. Each unit is scored by features a person can verify by eye. A named feature fires or
not (a number, a first, an opinion cue...); the unit's English words and word pairs (or, in
Chinese, its characters and how it starts and ends), and its length band, count too. Every one
has a weight learnt from public labelled debates, adapted for Chinese on labelled Chinese
articles (see `checkworthy_model` and tools/train_checkworthy.py), positive for signs of a
checkable fact and negative for signs of opinion, prediction or rhetoric, and every score comes
with the reasons that explain it. Nothing here loads a model or touches the network.

The modules, from the words up:

- `zh_cues`, `en_cues`: the cue words of each feature, Chinese and English;
- `scan`: where each cue occurs in a unit, numbers classified by their neighbours;
- `names`: names of people, organisations and places, and the Chinese names a document
  introduces;
- `quotes`: the quotations of a document, and which are attributed to a speaker;
- `nonclaims`: adverts, bylines and boilerplate, which are no claim whatever they hold (a view
  in the writer's own voice with nothing checkable, `features.own_opinion`, and the writer's
  framings, `framing`, a target set for a date to come among them, are the other kind): scored
  0 with the reason, and never read;
- `features`: the named features, and what they read of a unit;
- `claim_type`: the claim types, and which one a unit's features suggest;
- `scoring`: a unit's score, its reasons, and the bound on what its clauses can score;
- `candidates`: units, clauses and `find_candidates`.

This package exports what callers use; the rest is reached through its module.
"""

from __future__ import annotations

from workbench.domain.checkworthy.candidates import (
    PROGRESS_EVERY,
    Candidate,
    candidate_units,
    clause_bar,
    find_candidates,
    span_features,
)
from workbench.domain.checkworthy.claim_type import CLAIM_TYPES
from workbench.domain.checkworthy.features import FEATURE_NAMES, named_features
from workbench.domain.checkworthy.names import harvest_names
from workbench.domain.checkworthy.scoring import score_text, shown_reasons

__all__ = [
    "CLAIM_TYPES",
    "FEATURE_NAMES",
    "PROGRESS_EVERY",
    "Candidate",
    "candidate_units",
    "clause_bar",
    "find_candidates",
    "harvest_names",
    "named_features",
    "score_text",
    "shown_reasons",
    "span_features",
]
