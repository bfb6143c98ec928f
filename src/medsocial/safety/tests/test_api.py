"""POST /api/v1/safety/check: JSON in, findings with spans out."""

import pytest

pytestmark = pytest.mark.django_db
URL = "/api/v1/safety/check"


def test_findings_with_spans(client, user):
    client.force_login(user)
    text = "My patient John in room 412, MRN 48213377."
    response = client.post(URL, {"text": text}, content_type="application/json")
    body = response.json()
    assert response.status_code == 200, body
    assert body["has_blocking"] is True
    spans = {(f["category"], text[f["start"] : f["end"]]) for f in body["findings"]}
    assert {("name", "John"), ("room_bed", "room 412"), ("mrn", "48213377")} <= spans
    assert body["redacted_text"] == "My patient [patient] in [room], MRN [record number]."


def test_clean_post_has_no_findings(client, user):
    client.force_login(user)
    body = client.post(URL, {"text": "Flu shots this Saturday!"}, content_type="application/json").json()
    assert body["findings"] == [] and body["has_blocking"] is False


def test_too_long_input_is_a_400_with_the_reason(client, user):
    client.force_login(user)
    response = client.post(URL, {"text": "x" * 50_001}, content_type="application/json")
    assert response.status_code == 400
    assert "50,000" in response.json()["detail"]


def test_organization_the_caller_does_not_belong_to_is_404(client, make_user, make_organization):
    other = make_organization(name="Elsewhere")
    client.force_login(make_user(organization=make_organization()))
    response = client.post(URL, {"text": "hi", "organization": other.slug}, content_type="application/json")
    assert response.status_code == 404


def test_anonymous_caller_is_refused(client):
    assert client.post(URL, {"text": "hi"}, content_type="application/json").status_code == 401
