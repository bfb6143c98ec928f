"""Responses are gzipped for clients that accept it and answer conditional GETs with 304."""

import gzip

import pytest


@pytest.mark.django_db
def test_html_is_gzipped_for_a_client_that_accepts_it(client):
    plain = client.get("/")
    compressed = client.get("/", HTTP_ACCEPT_ENCODING="gzip")
    assert compressed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in compressed["Vary"]
    assert len(compressed.content) < len(plain.content)
    assert b"</html>" in gzip.decompress(compressed.content)


@pytest.mark.django_db
def test_json_is_gzipped_for_a_client_that_accepts_it(client):
    response = client.get("/api/v1/openapi.json", HTTP_ACCEPT_ENCODING="gzip")
    assert response["Content-Encoding"] == "gzip"


@pytest.mark.django_db
def test_a_feed_carries_an_etag_and_an_unchanged_feed_answers_304_without_a_body(client):
    first = client.get("/feeds/articles.rss")
    assert first.status_code == 200 and first["ETag"]
    again = client.get("/feeds/articles.rss", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again.content == b""


@pytest.mark.django_db
def test_a_stale_etag_gets_the_full_page(client):
    response = client.get("/feeds/articles.rss", HTTP_IF_NONE_MATCH='"not-the-current-page"')
    assert response.status_code == 200 and response.content


@pytest.mark.django_db
def test_the_benchmark_hello_view_is_absent_unless_switched_on(client, settings):
    assert client.get("/bench/hello").status_code == 404
    settings.BENCH_HELLO = True
    response = client.get("/bench/hello")
    assert response.status_code == 200 and response.content == b"hello"


@pytest.mark.django_db
def test_a_census_export_answers_304_until_the_census_changes(client):
    from medsocial.census.services.recompute import recompute_census

    first = client.get("/census/data/hospitals.csv")
    assert first.status_code == 200 and first["ETag"]
    assert client.get("/census/data/hospitals.csv", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    recompute_census()
    assert client.get("/census/data/hospitals.csv", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200


@pytest.mark.django_db
def test_an_api_list_carries_an_etag_and_answers_304_when_unchanged(client):
    first = client.get("/api/v1/census/hospitals")
    assert first.status_code == 200 and first["ETag"]
    assert client.get("/api/v1/census/hospitals", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
