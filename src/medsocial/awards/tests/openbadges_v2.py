"""The Open Badges 2.0 document shapes (IMS Global, https://www.imsglobal.org/sites/default/files/Badges/OBv2p0Final/index.html)
as JSON Schema: the required properties of each class, their value types, and the JSON-LD
context. Tests validate every document the hub serves against these."""

import jsonschema_rs

CONTEXT = {"const": "https://w3id.org/openbadges/v2"}
IRI = {"type": "string", "format": "uri", "pattern": "^https?://"}
DATETIME = {"type": "string", "format": "date-time"}

IDENTITY_OBJECT = {
    "type": "object",
    "required": ["type", "hashed", "identity"],
    "properties": {
        "type": {"enum": ["email", "url", "telephone", "id"]},
        "hashed": {"type": "boolean"},
        "salt": {"type": "string"},
        "identity": {"type": "string"},
    },
    # A hashed identity is "<algorithm>$<hex digest>" (sha256 or md5).
    "if": {"properties": {"hashed": {"const": True}}},
    "then": {"properties": {"identity": {"pattern": "^(sha256\\$[0-9a-f]{64}|md5\\$[0-9a-f]{32})$"}}},
}

EVIDENCE = {
    "type": "object",
    "properties": {
        "type": {"const": "Evidence"},
        "id": IRI,
        "narrative": {"type": "string", "minLength": 1},
        "name": {"type": "string"},
        "description": {"type": "string"},
    },
    "anyOf": [{"required": ["id"]}, {"required": ["narrative"]}],
}

ASSERTION = {
    "type": "object",
    "required": ["@context", "id", "type", "recipient", "badge", "verification", "issuedOn"],
    "properties": {
        "@context": CONTEXT,
        "id": IRI,
        "type": {"const": "Assertion"},
        "recipient": IDENTITY_OBJECT,
        "badge": IRI,
        "verification": {
            "type": "object",
            "required": ["type"],
            "properties": {"type": {"enum": ["hosted", "HostedBadge", "signed", "SignedBadge"]}},
        },
        "issuedOn": DATETIME,
        "image": IRI,
        "evidence": {"anyOf": [IRI, EVIDENCE, {"type": "array", "items": {"anyOf": [IRI, EVIDENCE]}}]},
        "narrative": {"type": "string"},
        "expires": DATETIME,
        "revoked": {"type": "boolean"},
        "revocationReason": {"type": "string"},
    },
}

BADGE_CLASS = {
    "type": "object",
    "required": ["@context", "id", "type", "name", "description", "image", "criteria", "issuer"],
    "properties": {
        "@context": CONTEXT,
        "id": IRI,
        "type": {"const": "BadgeClass"},
        "name": {"type": "string", "minLength": 1},
        "description": {"type": "string", "minLength": 1},
        "image": IRI,
        "criteria": {
            "anyOf": [
                IRI,
                {
                    "type": "object",
                    "properties": {"id": IRI, "narrative": {"type": "string", "minLength": 1}},
                    "anyOf": [{"required": ["id"]}, {"required": ["narrative"]}],
                },
            ]
        },
        "issuer": IRI,
        "tags": {"type": "array", "items": {"type": "string"}},
    },
}

ISSUER = {
    "type": "object",
    "required": ["@context", "id", "type", "name", "url", "email"],
    "properties": {
        "@context": CONTEXT,
        "id": IRI,
        "type": {"enum": ["Issuer", "Profile"]},
        "name": {"type": "string", "minLength": 1},
        "url": IRI,
        "email": {"type": "string", "format": "email"},
        "description": {"type": "string"},
        "revocationList": IRI,
    },
}

REVOCATION_LIST = {
    "type": "object",
    "required": ["@context", "id", "type", "revokedAssertions"],
    "properties": {
        "@context": CONTEXT,
        "id": IRI,
        "type": {"const": "RevocationList"},
        "issuer": IRI,
        "revokedAssertions": {
            "type": "array",
            "items": {
                "anyOf": [
                    IRI,
                    {
                        "type": "object",
                        "required": ["id"],
                        "properties": {"id": IRI, "revocationReason": {"type": "string"}},
                    },
                ]
            },
        },
    },
}


def problems(schema: dict, document: dict) -> list[str]:
    """Every way `document` breaks `schema`, as readable lines (empty when it conforms)."""
    validator = jsonschema_rs.validator_for(schema, validate_formats=True)
    return [
        f"{'/'.join(map(str, error.instance_path)) or '(document)'}: {error.message}"
        for error in validator.iter_errors(document)
    ]
