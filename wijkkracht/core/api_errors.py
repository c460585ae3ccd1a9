"""The API's one error boundary: every error answers ``application/problem+json`` (RFC 9457) with a Dutch title.

``REST_FRAMEWORK["EXCEPTION_HANDLER"]`` points at :func:`problem_exception_handler`, so an API view raises and
never builds an error response itself: a DRF or Django ``ValidationError`` (from a serializer, a service or a query
parameter) answers 400 with ``errors`` naming each field, ``Http404`` (so ``NotFoundOrForbidden``) answers 404 with
one fixed text, whether the record is absent or refused. Django's own 400/403/404/500 answers for paths under
``/api/`` use :func:`problem_response` (see ``core/views.py``). docs/api.md describes the shape.
"""

import json

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework import exceptions
from rest_framework.settings import api_settings
from rest_framework.views import exception_handler

PROBLEM_JSON = "application/problem+json"
API_PATH_PREFIX = "/api/"

# ``type``: the HTTP semantics of the status, as Dutch government APIs do (Haal Centraal); RFC 9457 allows it.
_RFC9110 = "https://www.rfc-editor.org/rfc/rfc9110#section-"
TYPES = {
    400: _RFC9110 + "15.5.1",
    401: _RFC9110 + "15.5.2",
    403: _RFC9110 + "15.5.4",
    404: _RFC9110 + "15.5.5",
    405: _RFC9110 + "15.5.6",
    406: _RFC9110 + "15.5.7",
    409: _RFC9110 + "15.5.10",
    413: _RFC9110 + "15.5.14",
    415: _RFC9110 + "15.5.16",
    429: "https://www.rfc-editor.org/rfc/rfc6585#section-4",
    500: _RFC9110 + "15.6.1",
    503: _RFC9110 + "15.6.4",
}
TITLES = {
    400: gettext_lazy("Ongeldige invoer"),
    401: gettext_lazy("Niet ingelogd"),
    403: gettext_lazy("Geen toegang"),
    404: gettext_lazy("Niet gevonden"),
    405: gettext_lazy("Methode niet toegestaan"),
    406: gettext_lazy("Antwoordformaat niet beschikbaar"),
    409: gettext_lazy("Conflict"),
    413: gettext_lazy("Verzoek te groot"),
    415: gettext_lazy("Formaat niet ondersteund"),
    429: gettext_lazy("Te veel verzoeken"),
    500: gettext_lazy("Interne fout"),
    503: gettext_lazy("Tijdelijk niet beschikbaar"),
}
NOT_LOGGED_IN = gettext_lazy("Niet ingelogd")
NOT_LOGGED_IN_DETAIL = gettext_lazy(
    "Log eerst in: de API gebruikt de sessie van de website, met de tweede stap waar uw rol die heeft."
)
DETAILS = {
    400: gettext_lazy("Het verzoek is niet in orde."),
    403: gettext_lazy("U heeft geen toegang tot deze gegevens."),
    # The same words for absent and refused: a refusal must not reveal that something exists.
    404: gettext_lazy("Dit bestaat niet, of u heeft er geen toegang toe."),
    500: gettext_lazy(
        "Er ging aan onze kant iets mis. Probeer het later opnieuw; blijft het misgaan, meld dan het tijdstip."
    ),
}
_NON_FIELD = {api_settings.NON_FIELD_ERRORS_KEY, "__all__"}


class Conflict(exceptions.APIException):
    """409: the record changed since the caller read it. Extra members (the current state) go into the body."""

    status_code = 409
    default_detail = gettext_lazy("Iemand anders heeft dit intussen gewijzigd.")
    default_code = "conflict"

    def __init__(self, detail=None, **members):
        super().__init__(detail)
        self.members = members


class QueryParameterError(exceptions.ValidationError):
    """An unknown or malformed value of a query parameter: 400, naming the parameter."""

    def __init__(self, parameter: str, message):
        super().__init__({parameter: [message]}, code="invalid")


def is_api_request(request) -> bool:
    return request.path_info.startswith(API_PATH_PREFIX)


def problem(*, status: int, detail=None, instance: str = "", code: str = "", title=None, **members) -> dict:
    """A problem details object: type, title, status, detail, instance, plus our ``code`` and any extensions."""
    body = {
        "type": TYPES.get(status, "about:blank"),
        "title": str(title or TITLES.get(status, TITLES[500 if status >= 500 else 400])),
        "status": status,
        "detail": str(detail or DETAILS.get(status, DETAILS[500 if status >= 500 else 400])),
    }
    if instance:
        body["instance"] = instance
    if code:
        body["code"] = code
    body.update(members)
    return body


def problem_response(request, status: int, detail=None, code: str = "", title=None) -> HttpResponse:
    """A problem answer outside DRF (Django's 404 and 500 for API paths). Only the path, never the query string:
    a search term (a name, a BSN) is not echoed back."""
    body = problem(status=status, detail=detail, instance=request.path, code=code, title=title)
    return HttpResponse(json.dumps(body, ensure_ascii=False), status=status, content_type=PROBLEM_JSON)


def problem_exception_handler(exc, context):
    """DRF's EXCEPTION_HANDLER. Anything it does not know (a bug) is left to Django: a 500 problem, see views."""
    exc = _as_api_exception(exc)
    response = exception_handler(exc, context)  # keeps DRF's headers (Retry-After) and the transaction rollback
    if response is None:
        return None
    request = context.get("request")
    code = _code(exc)
    not_logged_in = code == "not_authenticated"
    body = problem(
        status=response.status_code,
        detail=NOT_LOGGED_IN_DETAIL if not_logged_in else exc.detail if isinstance(exc.detail, str) else None,
        instance=request.path if request is not None else "",
        code=code,
        title=NOT_LOGGED_IN if not_logged_in else None,
    )
    if isinstance(exc, exceptions.ValidationError):
        errors = list(_errors(exc.detail, in_query=isinstance(exc, QueryParameterError)))
        body["code"] = "invalid"
        body["errors"] = errors
        if len(errors) == 1:
            body["detail"] = errors[0]["detail"]
        elif errors:
            body["detail"] = _("%(count)d gegevens zijn niet in orde; zie errors.") % {"count": len(errors)}
    body.update(getattr(exc, "members", {}))
    response.data = body
    response.content_type = PROBLEM_JSON
    return response


def _as_api_exception(exc):
    if isinstance(exc, DjangoValidationError):
        return exceptions.ValidationError(_validation_detail(exc))
    if isinstance(exc, Http404):
        # Never the exception's own text: it could name what was looked for.
        return exceptions.NotFound(DETAILS[404])
    if isinstance(exc, DjangoPermissionDenied):
        return exceptions.PermissionDenied(DETAILS[403])
    return exc


def _validation_detail(error: DjangoValidationError):
    """A service's ValidationError as DRF error details, keeping each message's code."""

    def details(errors):
        return [exceptions.ErrorDetail(message, code=e.code or "invalid") for e in errors for message in e.messages]

    if hasattr(error, "error_dict"):
        return {field: details(errors) for field, errors in error.error_dict.items()}
    return details(error.error_list)


def _code(exc: exceptions.APIException) -> str:
    codes = exc.get_codes()
    return codes if isinstance(codes, str) else exc.default_code


def _errors(detail, path=(), *, in_query=False):
    """Flatten DRF's nested error details into one entry per message: name, detail, code, and where it is."""
    if isinstance(detail, dict):
        for key, value in detail.items():
            yield from _errors(value, path if str(key) in _NON_FIELD else (*path, str(key)), in_query=in_query)
    elif isinstance(detail, list):
        for index, item in enumerate(detail):
            if isinstance(item, dict | list):  # a list of objects: the index is part of the place
                yield from _errors(item, (*path, str(index)), in_query=in_query)
            else:
                yield _entry(path, item, in_query)
    else:
        yield _entry(path, detail, in_query)


def _entry(path, message, in_query: bool) -> dict:
    entry = {}
    if path:
        entry["name"] = ".".join(path)
        if in_query:
            entry["parameter"] = path[0]
        else:
            entry["pointer"] = "#/" + "/".join(p.replace("~", "~0").replace("/", "~1") for p in path)
    entry["detail"] = str(message)
    entry["code"] = getattr(message, "code", None) or "invalid"
    return entry
