"""The generated OpenAPI document is compared with a committed copy, so every API change
shows as a diff. Regenerate with: UPDATE_OPENAPI_SNAPSHOT=1 pytest src/medsocial/api"""

import json
import os
import re
from pathlib import Path

import pytest

SNAPSHOT = Path(__file__).with_name("openapi_snapshot.json")


@pytest.mark.django_db
def test_openapi_document_matches_the_committed_snapshot(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    current = response.json()
    if os.environ.get("UPDATE_OPENAPI_SNAPSHOT"):
        SNAPSHOT.write_text(json.dumps(current, indent=2, sort_keys=True) + "\n")
    assert current == json.loads(SNAPSHOT.read_text()), "the API changed: review and regenerate the snapshot"


@pytest.mark.django_db
def test_every_operation_documents_the_shared_error_format(client):
    document = client.get("/api/v1/openapi.json").json()
    assert document["components"]["schemas"]["Error"]["required"] == ["detail", "errors"]
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            assert {"401", "404", "422"} <= set(operation["responses"]), f"{method.upper()} {path}"


def test_the_docs_page_loads_its_scripts_locally(client):
    html = client.get("/api/v1/docs").content.decode()
    addresses = re.findall(r'(?:src|href)\s*=\s*["\']([^"\']+)', html)
    assert "/static/ninja/swagger-ui-bundle.js" in addresses
    assert not [a for a in addresses if re.match(r"(?:[a-z][a-z0-9+.-]*:)?//", a, re.I)], (
        "an asset from another host"
    )
