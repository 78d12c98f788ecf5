"""A candidate's reasons name only what moved its score, and add up to it.

An English sentence with Chinese words in it (`The firm said revenue grew 三倍 in 2023, and
他们预计 it will double.`) is scored by the English model, which has no weight for the features
only Chinese cues fire (`spelled_number`, `forecast`, `narrative`...), yet its reasons listed
them: a fact-checker read that 三倍 and 预计 had moved a score they did not touch. Each named
feature listed is now one with a weight in the model that scored the sentence, and the score is
the logistic of the bias, the listed features' weights, the length band, the context and every
learnt n-gram of the sentence (of which the reasons show the largest).
"""

from __future__ import annotations

import math

import pytest

from workbench.domain import checkworthy_model as cm
from workbench.domain.checkworthy import FEATURE_NAMES, find_candidates
from workbench.domain.checkworthy.features import body_of

MIXED = [
    "The firm said revenue grew 三倍 in 2023, and 他们预计 it will double.",
    "他说 the company hired 300 people last year, 我觉得 it was the first.",
    "In 2019 we hired 300 people, the first time ever, he recalled.",
    "公司2023年营收增长了三倍，他们预计明年还会翻番。",
]


def _logit(body: str, fired: list[str]) -> float:
    model = cm.load()
    band = cm.length_band(body)
    if cm.mostly_english(body):
        factor = model.factor(cm.word_count(body))
        grams = sum(model.ngrams[g] for g in cm.word_ngrams(body) if g in model.ngrams)
        features = sum(model.features[f] for f in fired)
        return model.bias + model.bands.get(band, 0.0) + features + grams * factor
    plain = model.plain
    grams = sum(plain.chars[g] for g in cm.char_grams(body) if g in plain.chars)
    features = sum(plain.features[f] for f in fired)
    return plain.bias + plain.bands.get(band, 0.0) + features + grams


@pytest.mark.parametrize("text", MIXED)
def test_every_feature_listed_has_a_weight_and_the_reasons_add_up(text: str) -> None:
    (found,) = find_candidates(text, 0.0)
    body = body_of(found.text)[0]
    model = cm.load()
    weights = model.features if cm.mostly_english(body) else model.plain.features
    fired = [r for r in found.reasons if r in FEATURE_NAMES]
    assert fired
    assert [f for f in fired if not weights.get(f)] == []
    assert found.score == round(1.0 / (1.0 + math.exp(-_logit(body, fired))), 3)
