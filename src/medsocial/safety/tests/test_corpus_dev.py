"""The coach keeps its measured quality on the development part of the evaluation corpus
(src/medsocial/safety/corpus/dev.jsonl). The frozen test part is never used here: it is only
scored by bench/safety_eval.py."""

import pytest

from medsocial.safety.evaluation import CORPUS_DIR, advice_score, evaluate, load_corpus


@pytest.fixture(scope="module")
def dev():
    return load_corpus(CORPUS_DIR / "dev.jsonl")


def test_fast_mode_meets_the_targets_on_the_development_part(dev):
    report = evaluate(dev, mode="fast")
    assert report.overall.recall >= 0.95
    assert report.overall.precision >= 0.95
    names = report.categories["name"]
    assert names.recall >= 0.93 and names.precision >= 0.95


def test_advice_requests_are_found_on_the_development_part(dev):
    score = advice_score(dev)
    assert score.labeled > 100
    assert score.recall >= 0.95 and score.precision >= 0.95
