"""The independent evaluation corpus is intact: well-formed spans, a frozen test part and a builder
that reproduces both files. These tests check the corpus itself, not how well the coach does on it.
"""

import hashlib
import importlib.util
import json
from pathlib import Path

import pytest
from stdnum import iban, luhn

CORPUS_DIR = Path(__file__).resolve().parents[1] / "corpus"
BUILDER = Path(__file__).resolve().parents[4] / "bench" / "safety_corpus" / "build.py"

# SHA-256 of test.jsonl. The test part is frozen: record a new value only in a commit whose
# message says why the frozen part had to change.
TEST_PART_SHA256 = "daad6aef16599f85fb082759520368f7e12d967b027233928c01cb3def59cd7d"

CATEGORIES = {
    "name",
    "date",
    "age",
    "phone",
    "fax",
    "email",
    "ssn",
    "mrn",
    "health_plan_id",
    "account_number",
    "license_number",
    "vehicle_id",
    "device_id",
    "url",
    "ip_address",
    "geographic",
    "room_bed",
    "unique_characteristic",
}
ALLOWED_KINDS = {"phones", "urls", "addresses", "emails"}
REQUIRED_FIELDS = {"id", "split", "voice", "text", "spans", "advice_request"}
OPTIONAL_FIELDS = {"allowed", "origin"}


def load_builder():
    spec = importlib.util.spec_from_file_location("safety_corpus_build", BUILDER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def span_value(post, span):
    return post["text"][span["start"] : span["end"]]


@pytest.fixture(scope="module")
def parts():
    return {
        split: [
            json.loads(line)
            for line in (CORPUS_DIR / f"{split}.jsonl").read_text(encoding="utf-8").splitlines()
        ]
        for split in ("dev", "test")
    }


@pytest.fixture(scope="module")
def all_posts(parts):
    return parts["dev"] + parts["test"]


def test_both_parts_together_hold_at_least_1500_posts_with_about_40_percent_frozen(parts):
    sizes = {split: len(posts) for split, posts in parts.items()}
    assert sizes["dev"] > 0 and sizes["test"] > 0
    assert sum(sizes.values()) >= 1500
    assert 0.35 <= sizes["test"] / sum(sizes.values()) <= 0.45, sizes


def test_every_post_has_the_documented_fields_and_its_file_split(parts):
    for split, posts in parts.items():
        for post in posts:
            assert REQUIRED_FIELDS <= post.keys() <= REQUIRED_FIELDS | OPTIONAL_FIELDS, post["id"]
            assert post["split"] == split, post["id"]
            assert isinstance(post["text"], str) and post["text"].strip(), post["id"]
            assert isinstance(post["voice"], str) and post["voice"], post["id"]
            assert isinstance(post["advice_request"], bool), post["id"]


def test_ids_are_unique_across_both_parts(all_posts):
    ids = [post["id"] for post in all_posts]
    assert len(ids) == len(set(ids))


def test_spans_lie_inside_the_text_do_not_overlap_and_hold_no_surrounding_space(all_posts):
    for post in all_posts:
        previous_end = 0
        for span in sorted(post["spans"], key=lambda s: s["start"]):
            assert isinstance(span["start"], int) and isinstance(span["end"], int), post["id"]
            assert previous_end <= span["start"] < span["end"] <= len(post["text"]), (post["id"], span)
            value = span_value(post, span)
            assert value == value.strip(), (post["id"], value)
            previous_end = span["end"]


def test_span_categories_are_the_eighteen_identifier_kinds_and_each_part_has_all_of_them(parts):
    for split, posts in parts.items():
        seen = {span["category"] for post in posts for span in post["spans"]}
        assert seen <= CATEGORIES, seen - CATEGORIES
        assert seen == CATEGORIES, (split, CATEGORIES - seen)


def test_about_a_third_or_more_of_the_posts_carry_no_identifier(parts):
    for split, posts in parts.items():
        clean = sum(not post["spans"] for post in posts)
        assert 0.3 <= clean / len(posts) <= 0.5, (split, clean)


def test_allowed_details_appear_in_their_post_and_are_never_labelled(all_posts):
    for post in all_posts:
        allowed = post.get("allowed", {})
        assert set(allowed) <= ALLOWED_KINDS, post["id"]
        for values in allowed.values():
            for value in values:
                start = post["text"].find(value)
                assert start >= 0, (post["id"], value)
                end = start + len(value)
                assert not any(s["start"] < end and start < s["end"] for s in post["spans"]), (
                    post["id"],
                    value,
                )


def test_card_numbers_pass_luhn_and_ibans_pass_mod_97(all_posts):
    checked = 0
    for post in all_posts:
        for span in post["spans"]:
            if span["category"] != "account_number":
                continue
            compact = span_value(post, span).replace(" ", "").replace("-", "")
            if compact[:2].isalpha():
                assert iban.is_valid(compact), (post["id"], compact)
                checked += 1
            elif len(compact) in (15, 16):
                assert luhn.is_valid(compact), (post["id"], compact)
                checked += 1
    assert checked >= 40


def test_the_parts_share_no_post_and_no_identifier_value(parts):
    def values(posts):
        return {
            (span["category"], span_value(post, span).lower())
            for post in posts
            for span in post["spans"]
            if span["category"] != "date"  # the same day can be written in both parts
        }

    assert not values(parts["dev"]) & values(parts["test"])
    assert not {p["text"] for p in parts["dev"]} & {p["text"] for p in parts["test"]}


def test_each_part_holds_at_least_150_hand_written_posts(parts):
    for split, posts in parts.items():
        assert sum(post.get("origin") == "handwritten" for post in posts) >= 150, split


def test_advice_requests_number_at_least_300_with_more_negatives_in_each_part(parts):
    total = 0
    for split, posts in parts.items():
        requests = sum(post["advice_request"] for post in posts)
        negatives_with_question = sum(not post["advice_request"] and "?" in post["text"] for post in posts)
        assert requests >= 100, split
        assert negatives_with_question >= requests // 2, split
        total += requests
    assert total >= 300


def test_the_frozen_test_part_is_unchanged():
    digest = hashlib.sha256((CORPUS_DIR / "test.jsonl").read_bytes()).hexdigest()
    assert digest == TEST_PART_SHA256


def test_the_builder_reproduces_both_files_byte_for_byte(tmp_path):
    assert load_builder().main(["--out", str(tmp_path)]) == 0
    for split in ("dev", "test"):
        assert (tmp_path / f"{split}.jsonl").read_bytes() == (CORPUS_DIR / f"{split}.jsonl").read_bytes(), (
            split
        )


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("nurse|maybe|a post", "line 1: advice must be 0 or 1"),
        ("nurse|0|see [[Ana|nickname]] today", "line 1: unknown category 'nickname'"),
        ("nurse|0|call <<fax:555>>", "line 1: unknown allowed kind 'fax'"),
        ("a post without fields", "line 1: expected voice|advice|text"),
    ],
)
def test_a_malformed_hand_written_line_is_refused_with_its_line_and_reason(line, message):
    builder = load_builder()
    with pytest.raises(builder.CorpusError, match=message):
        builder.parse_handwritten(line, "dev")
