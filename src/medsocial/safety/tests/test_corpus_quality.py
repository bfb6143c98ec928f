"""The engine keeps its measured quality on the labeled corpus (bench/safety_eval.py)."""

import pytest

from medsocial.safety.evaluation import evaluate, load_corpus


@pytest.fixture(scope="module")
def corpus():
    return load_corpus()


def test_corpus_is_large_and_balanced(corpus):
    assert len(corpus) >= 300
    with_phi = sum(1 for p in corpus if p["spans"])
    assert 0.4 <= with_phi / len(corpus) <= 0.6
    for post in corpus:
        for span in post["spans"]:
            assert 0 <= span["start"] < span["end"] <= len(post["text"])


@pytest.mark.parametrize("split", ["dev", "holdout", None])
def test_corpus_meets_recall_and_precision_targets(corpus, split):
    """Targets: recall >= 0.95 and precision >= 0.85 on the development split, on the holdout
    split (never used for tuning) and on the whole corpus."""
    report = evaluate([p for p in corpus if split is None or p["split"] == split])
    assert report.overall.recall >= 0.95
    assert report.overall.precision >= 0.85
