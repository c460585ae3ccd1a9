"""The API against the NL API Design Rules (Logius, "comply or explain"), one test per rule.

The checks follow the rules' "how to test" and the Spectral ruleset Logius publishes for them
(https://static.developer.overheid.nl/adr/ruleset.yaml), written here in Python. What we deliberately do not
comply with is explained in docs/api.md.
"""

import json
import re

import pytest
from django.conf import settings
from django.test import Client
from django.urls import resolve as django_resolve
from django.urls import reverse
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from drf_spectacular.validation import validate_schema

from wijkkracht.access.url_policy import URL_POLICY
from wijkkracht.accounts.roles import Role

from ..api_helpers import PROBLEM_JSON
from ..conftest import login

METHODS = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}
SEMVER = re.compile(
    r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)"
    r"(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$"
)
KEBAB_PATH = re.compile(r"^(\/|(\/_[a-z0-9]+|\/(([a-z0-9\-]+|{[^}]+})(\/([a-z0-9\-\.]+|{[^}]+}))*)(\/_[a-z]+)?)\/?)$")
CAMEL_QUERY_KEY = re.compile(r"^\$?[a-z][a-z\d]*([A-Z][a-z\d]*)*$")
DATE_NAME = re.compile(r"((\w+D)|(_[dD]))((ate)|(atum))")


@pytest.fixture(scope="module")
def schema() -> dict:
    generated = SchemaGenerator().get_schema(request=None, public=True)
    return json.loads(OpenApiJsonRenderer().render(generated))


def operations(schema):
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            if method in METHODS:
                yield path, method, operation


def resolve(schema, node: dict) -> dict:
    """A schema with its $ref followed and its allOf merged (as a client sees it)."""
    while "$ref" in node:
        node = schema["components"]["schemas"][node["$ref"].rsplit("/", 1)[1]]
    if "allOf" in node:
        merged = {"properties": {}, "required": []}
        for part in node["allOf"]:
            part = resolve(schema, part)
            merged["properties"].update(part.get("properties", {}))
            merged["required"] += part.get("required", [])
        return merged
    return node


def all_properties(node):
    """Every (name, property schema) anywhere in the document, like the ruleset's `$..properties[*]`."""
    if isinstance(node, dict):
        for name, value in node.get("properties", {}).items():
            if isinstance(value, dict):
                yield name, value
        for value in node.values():
            yield from all_properties(value)
    elif isinstance(node, list):
        for value in node:
            yield from all_properties(value)


@pytest.fixture
def worker(db, make_user):
    return make_user(Role.WORKER)


@pytest.fixture
def client(worker):
    return login(Client(), worker)


def test_core_doc_openapi(schema):
    """/core/doc-openapi: an OpenAPI 3 document that validates and whose $refs all resolve.
    https://logius-standaarden.github.io/API-Design-Rules/#/core/doc-openapi"""
    assert re.fullmatch(r"3(\.\d+){1,2}", schema["openapi"])
    validate_schema(schema)
    refs = set(re.findall(r'"\$ref": "#/components/(\w+)/(\w+)"', json.dumps(schema)))
    assert refs and all(name in schema["components"][kind] for kind, name in refs)
    assert schema["paths"]


def test_core_publish_openapi(client, schema):
    """/core/publish-openapi: the document at <base>/openapi.json, in JSON, as the linter's prerequisites check it
    (unique operationIds and tags, every path parameter declared, servers present). Deliberately behind the login:
    docs/api.md. https://logius-standaarden.github.io/API-Design-Rules/#/core/publish-openapi"""
    response = client.get(reverse("api:schema"))
    assert response.request["PATH_INFO"] == "/api/v1/openapi.json"
    assert response.status_code == 200 and "json" in response["Content-Type"]
    assert response.json() == schema
    ids = [operation["operationId"] for _path, _method, operation in operations(schema)]
    assert len(ids) == len(set(ids))
    tags = [tag["name"] for tag in schema.get("tags", [])]
    assert len(tags) == len(set(tags))
    for path, _method, operation in operations(schema):
        declared = {p["name"] for p in operation.get("parameters", []) if p["in"] == "path"}
        assert declared == set(re.findall(r"{([^}]+)}", path)), path
    assert schema["servers"]


def _client_for(path: str, clients: dict, make_user) -> Client:
    """A client of a role the URL policy lets in (the worker where it may, else the first allowed role)."""
    rule = URL_POLICY[f"api:{django_resolve(path).url_name}"]
    role = Role.WORKER if Role.WORKER in rule.allowed else sorted(rule.allowed)[0]
    if role not in clients:
        clients[role] = login(Client(), make_user(role))
    return clients[role]


def test_core_no_trailing_slash(client, schema, make_user):
    """/core/no-trailing-slash: no path ends in a slash, and asking with one answers 404, not a redirect.
    https://logius-standaarden.github.io/API-Design-Rules/#/core/no-trailing-slash"""
    assert [path for path in schema["paths"] if path.endswith("/")] == []
    base = settings.API_SERVER_URL
    clients = {Role.WORKER: client}
    for path, method, _operation in operations(schema):
        if method == "get" and "{" not in path:
            response = client.get(f"{base}{path}/")
            assert (response.status_code, response["Content-Type"]) == (404, PROBLEM_JSON), path
            allowed = _client_for(f"{base}{path}", clients, make_user)
            assert allowed.get(f"{base}{path}").status_code == 200, path


def test_core_path_segments_kebab_case(schema):
    """/core/path-segments-kebab-case: lowercase letters, digits and hyphens only.
    https://logius-standaarden.github.io/API-Design-Rules/#/core/path-segments-kebab-case"""
    assert [path for path in schema["paths"] if not KEBAB_PATH.match(path)] == []


def test_core_query_keys_camel_case(schema):
    """/core/query-keys-camel-case: query keys in lower camelCase.
    https://logius-standaarden.github.io/API-Design-Rules/#/core/query-keys-camel-case"""
    keys = {p["name"] for _p, _m, op in operations(schema) for p in op.get("parameters", []) if p["in"] == "query"}
    assert keys >= {"page", "status", "q"}
    assert sorted(key for key in keys if not CAMEL_QUERY_KEY.match(key)) == []


def test_core_uri_version(schema):
    """/core/uri-version: every server URL has the major version (only the major), the one of info.version, and
    the app serves the API there. https://logius-standaarden.github.io/API-Design-Rules/#/core/uri-version"""
    major = schema["info"]["version"].split(".")[0]
    for server in schema["servers"]:
        assert re.search(rf"/v{major}(/|$)", server["url"]), server
        assert not re.search(r"/v\d+\.\d", server["url"]), server
    assert reverse("api:request-list").startswith(f"/api/v{major}/")


def test_core_semver(schema):
    """/core/semver: info.version is a semantic version, the one the settings give.
    https://logius-standaarden.github.io/API-Design-Rules/#/core/semver"""
    assert SEMVER.match(schema["info"]["version"])
    assert schema["info"]["version"] == settings.API_VERSION


def test_core_version_header(worker, client, schema, monkeypatch):
    """/core/version-header: documented on every 2xx/3xx answer, and sent with every answer, errors included.
    https://logius-standaarden.github.io/API-Design-Rules/#/core/version-header"""
    for path, method, operation in operations(schema):
        for status, response in operation["responses"].items():
            if status[0] in "23":
                assert "API-Version" in response.get("headers", {}), (path, method, status)
    version = schema["info"]["version"]
    answers = [
        client.get(reverse("api:request-list")),  # 200
        client.get(reverse("api:request-list"), {"status": "AAA"}),  # 400 from the API
        Client().get(reverse("api:request-list")),  # 403, not logged in
        client.get("/api/v1"),  # the base URL: 404 from Django
        client.get(reverse("api:schema")),
    ]
    monkeypatch.setattr("wijkkracht.cases.api_requests.selectors.help_request_page", lambda **kw: 1 / 0)
    broken = login(Client(raise_request_exception=False), worker)
    answers.append(broken.get(reverse("api:request-list")))  # 500
    assert [a.status_code for a in answers] == [200, 400, 403, 404, 200, 500]
    assert [a["API-Version"] for a in answers] == [version] * len(answers)
    assert not client.get(reverse("core:home")).has_header("API-Version")


def test_core_doc_openapi_contact(schema):
    """/core/doc-openapi-contact: info.contact with name, email and url (from settings, API_CONTACT_*).
    https://logius-standaarden.github.io/API-Design-Rules/#/core/doc-openapi-contact"""
    assert schema["info"]["contact"] == settings.API_CONTACT
    assert all(schema["info"]["contact"][key] for key in ("name", "email", "url"))


def test_core_http_methods(schema):
    """/core/http-methods: only GET, POST, PUT, PATCH and DELETE.
    https://logius-standaarden.github.io/API-Design-Rules/#/core/http-methods"""
    used = {method for item in schema["paths"].values() for method in item if method not in {"parameters"}}
    assert used <= {"get", "post", "put", "patch", "delete"}


def test_core_error_handling_problem_details(client, schema):
    """/core/error-handling/problem-details: every 4xx/5xx is application/problem+json with status, title, detail.
    https://logius-standaarden.github.io/API-Design-Rules/#/core/error-handling/problem-details"""
    for path, method, operation in operations(schema):
        for status, response in operation["responses"].items():
            if status[0] in "45":
                assert set(response["content"]) == {PROBLEM_JSON}, (path, method, status)
                body = resolve(schema, response["content"][PROBLEM_JSON]["schema"])
                assert {"status", "title", "detail"} <= set(body["properties"]) & set(body["required"])
    answer = client.get(reverse("api:request-detail", args=["00000000-0000-4000-8000-000000000000"]))
    assert answer["Content-Type"] == PROBLEM_JSON
    assert {"status", "title", "detail"} <= set(answer.json())


def test_core_error_handling_invalid_input(client, schema):
    """/core/error-handling/invalid-input: operations with parameters or a body can answer 400 (documented), and
    an unknown query value does. https://logius-standaarden.github.io/API-Design-Rules/#/core/error-handling/invalid-input"""
    for path, method, operation in operations(schema):
        if method in {"post", "put", "patch"} or operation.get("parameters"):
            assert "400" in operation["responses"], (path, method)
    for _path, _method, operation in operations(schema):
        assert {"400", "403", "404"} <= set(operation["responses"])
    assert client.get(reverse("api:request-list"), {"status": "AAA"}).status_code == 400


def test_core_error_handling_all_errors(client):
    """/core/error-handling/all-errors: a 400 names every invalid field at once, not only the first.
    https://logius-standaarden.github.io/API-Design-Rules/#/core/error-handling/all-errors"""
    response = client.post(reverse("api:request-list"), {"channel": "fax"}, content_type="application/json")
    assert {error["name"] for error in response.json()["errors"]} == {"resident", "channel", "question"}


def test_core_date_time_format(schema):
    """/core/date-time/format: dates and date-times are strings with format date / date-time; no local date-times
    and no time with an offset (the ruleset's date-time-ensure-timezone and time-without-timezone).
    https://logius-standaarden.github.io/API-Design-Rules/#/core/date-time/format"""
    formats = [(name, prop) for name, prop in all_properties(schema) if "format" in prop]
    assert {prop["format"] for _n, prop in formats} >= {"date", "date-time"}
    for name, prop in formats:
        assert prop["format"] not in {"date-time-local", "time"}, name
        if prop["format"] in {"date", "date-time"}:
            assert prop["type"] == "string", name


def test_core_date_time_date_omit_time_portion(schema):
    """/core/date-time/date-omit-time-portion: a field named as a date has format date, never date-time.
    https://logius-standaarden.github.io/API-Design-Rules/#/core/date-time/date-omit-time-portion"""
    dates = [
        (name, prop) for name, prop in all_properties(schema) if name in {"date", "datum"} or DATE_NAME.search(name)
    ]
    assert {name for name, _p in dates} >= {"birth_date", "due_date"}
    assert [name for name, prop in dates if prop.get("format") != "date"] == []


def test_core_transport_security_headers(client):
    """/core/transport/security-headers: what we send on every API answer. Cache-Control and HSTS: docs/api.md.
    https://logius-standaarden.github.io/API-Design-Rules/#/core/transport/security-headers"""
    response = client.get(reverse("api:request-list"))
    assert response["Content-Type"] == "application/json"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]


def test_nlgov_schema_camel_case(schema):
    """The ruleset's nlgov:schema-camel-case (a warning): schema names in UpperCamelCase.
    https://static.developer.overheid.nl/adr/ruleset.yaml"""
    assert [name for name in schema["components"]["schemas"] if not re.fullmatch(r"([A-Z][a-z0-9]*)+", name)] == []


def test_nlgov_servers_use_https(schema):
    """The ruleset's nlgov:servers-use-https (a warning): no server URL over plain http.
    https://static.developer.overheid.nl/adr/ruleset.yaml"""
    assert [s["url"] for s in schema["servers"] if s["url"].startswith("http://")] == []
