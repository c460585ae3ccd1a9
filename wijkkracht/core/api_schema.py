"""The OpenAPI schema of the API: page components named ``<Item>Page``, and on every operation the problem
answers (400/403/404 as ``application/problem+json``) and the ``API-Version`` header of every answer.

Wired in settings: ``REST_FRAMEWORK["DEFAULT_SCHEMA_CLASS"]`` and ``SPECTACULAR_SETTINGS["POSTPROCESSING_HOOKS"]``.
tests/core/test_api_design_rules.py checks the result against the NL API Design Rules.
"""

from django.conf import settings
from drf_spectacular import openapi
from drf_spectacular.extensions import OpenApiAuthenticationExtension

from .api_errors import PROBLEM_JSON, TYPES

HTTP_METHODS = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}

# Every operation can answer these; a view may describe its own (a 409, a more precise 400) and keeps that text.
ERROR_RESPONSES = {
    "400": "Ongeldige invoer: een queryparameter of de inhoud klopt niet. `errors` noemt elk veld of elke parameter.",
    "403": "Niet ingelogd (`code` not_authenticated), of geen toegang met deze rol (`code` permission_denied).",
    "404": "Niet gevonden: bestaat niet, of valt buiten wat u mag zien. Dat is bewust hetzelfde antwoord.",
}

_PROBLEM_PROPERTIES = {
    "type": {
        "type": "string",
        "format": "uri",
        "description": "De soort fout: de betekenis van de HTTP-status (RFC 9110).",
        "example": TYPES[404],
    },
    "title": {"type": "string", "description": "Korte titel van de soort fout.", "example": "Niet gevonden"},
    "status": {"type": "integer", "description": "De HTTP-status.", "example": 404},
    "detail": {
        "type": "string",
        "description": "Wat er mis is, in het Nederlands.",
        "example": "Dit bestaat niet, of u heeft er geen toegang toe.",
    },
    "instance": {
        "type": "string",
        "format": "uri-reference",
        "description": "Het pad van het verzoek (zonder de query).",
        "example": "/api/v1/hulpvragen/5f0c7e2a-1b3d-4c5e-8f90-a1b2c3d4e5f6",
    },
    "code": {
        "type": "string",
        "description": "Machineleesbare reden: invalid, parse_error, not_authenticated, permission_denied, "
        "not_found, method_not_allowed, not_acceptable, unsupported_media_type, conflict, server_error.",
        "example": "not_found",
    },
}
_ERROR_ITEM = {
    "type": "object",
    "required": ["detail", "code"],
    "properties": {
        "name": {"type": "string", "description": "Het veld of de parameter; genest met punten.", "example": "status"},
        "detail": {"type": "string", "description": "De melding, in het Nederlands."},
        "code": {
            "type": "string",
            "description": "Machineleesbare reden (required, invalid, ...).",
            "example": "invalid",
        },
        "pointer": {"type": "string", "description": "JSON Pointer naar het veld in de inhoud.", "example": "#/status"},
        "parameter": {"type": "string", "description": "De queryparameter.", "example": "status"},
    },
}
PROBLEM = {
    "type": "object",
    "description": "Een fout volgens RFC 9457 (Problem Details for HTTP APIs).",
    "required": ["type", "title", "status", "detail"],
    "properties": _PROBLEM_PROPERTIES,
}
VALIDATION_PROBLEM = {
    "type": "object",
    "description": "Ongeldige invoer (RFC 9457), met één melding per veld of parameter in `errors`.",
    "required": ["type", "title", "status", "detail", "errors"],
    "properties": {**_PROBLEM_PROPERTIES, "errors": {"type": "array", "items": _ERROR_ITEM}},
}


class AutoSchema(openapi.AutoSchema):
    def get_paginated_name(self, serializer_name: str) -> str:
        return f"{serializer_name}Page"

    def _get_paginator(self):
        # Only a GET pages; a POST on the same URL that answers a plain list (consents recorded) does not.
        return super()._get_paginator() if self.method == "GET" else None


class SessionScheme(OpenApiAuthenticationExtension):
    """Our SessionAuthentication (core.api) in the schema: the website's session cookie."""

    target_class = "wijkkracht.core.api.SessionAuthentication"
    name = "cookieAuth"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "cookie",
            "name": settings.SESSION_COOKIE_NAME,
            "description": "De sessie van de website: ingelogd met wachtwoord en, waar de rol die heeft, de tweede "
            "stap. Schrijven vraagt ook de X-CSRFToken-header.",
        }


def problem_responses(result, generator, request, public):
    """Postprocessing hook: problem answers and the API-Version header on every operation."""
    components = result.setdefault("components", {})
    components.setdefault("schemas", {}).update({"Problem": PROBLEM, "ValidationProblem": VALIDATION_PROBLEM})
    components.setdefault("headers", {})["API-Version"] = {
        "description": "De volledige versie van de API (semver); bij elk antwoord.",
        "schema": {"type": "string", "example": settings.API_VERSION},
    }
    for path_item in result.get("paths", {}).values():
        for method, operation in path_item.items():
            if method not in HTTP_METHODS:
                continue
            responses = operation.setdefault("responses", {})
            for status, description in ERROR_RESPONSES.items():
                responses.setdefault(status, {"description": description})
            for status, response in responses.items():
                if int(status) >= 400:
                    _as_problem(status, response)
                response.setdefault("headers", {})["API-Version"] = {"$ref": "#/components/headers/API-Version"}
            operation["responses"] = dict(sorted(responses.items()))
    return result


def _as_problem(status: str, response: dict) -> None:
    """The answer as problem+json; members a view declares for it (a 409's ``current``) are added to the problem."""
    base = {"$ref": "#/components/schemas/" + ("ValidationProblem" if status == "400" else "Problem")}
    own = next((media["schema"] for media in (response.get("content") or {}).values() if "schema" in media), None)
    response["content"] = {PROBLEM_JSON: {"schema": {"allOf": [base, own]} if own else base}}
