"""Query parameters of the API, declared once: read (an unknown or malformed value answers 400 naming the
parameter, never a silent default) and documented in the OpenAPI schema from the same declaration.

    STATUS = Choice("status", ["active", "ended"], description="...")

    @extend_schema(parameters=[STATUS.openapi()])
    def get(self, request):
        status = STATUS.read(request)   # the default (None) when absent or empty
"""

import datetime
from abc import ABC, abstractmethod

from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter
from rest_framework.fields import Field

from .api_errors import QueryParameterError


class QueryParam(ABC):
    def __init__(self, name: str, *, default=None, description: str = "", required: bool = False):
        self.name = name
        self.default = default
        self.description = description
        self.required = required

    def read(self, request):
        """The parameter's value, or its default when absent or empty; QueryParameterError when malformed, or
        when a ``required`` parameter is absent or empty."""
        raw = request.query_params.get(self.name)
        if raw is None or not raw.strip():
            if self.required:
                self.fail(Field.default_error_messages["required"])  # DRF's own, in Dutch and English
            return self.default
        return self.parse(raw.strip())

    @abstractmethod
    def parse(self, raw: str):
        """The value of ``raw`` (stripped, not empty), or ``fail`` with a Dutch message."""

    def fail(self, message):
        raise QueryParameterError(self.name, message)

    def openapi(self) -> OpenApiParameter:
        """The parameter in the schema: the same type, choices and bounds as ``read`` applies."""
        schema = self.schema()
        if self.default not in (None, ""):
            schema["default"] = self.default.isoformat() if isinstance(self.default, datetime.date) else self.default
        return OpenApiParameter(self.name, schema, required=self.required, description=self.description)

    def schema(self) -> dict:
        return {"type": "string"}


class Choice(QueryParam):
    """One of a fixed set of values."""

    def __init__(self, name: str, choices, **kwargs):
        super().__init__(name, **kwargs)
        self.choices = [str(c) for c in choices]

    def parse(self, raw: str) -> str:
        if raw not in self.choices:
            self.fail(
                _("Onbekende waarde '%(value)s'. Kies uit: %(choices)s.")
                % {"value": raw[:40], "choices": ", ".join(self.choices)}
            )
        return raw

    def schema(self) -> dict:
        return {"type": "string", "enum": list(self.choices)}


class Integer(QueryParam):
    def __init__(self, name: str, *, minimum: int | None = None, maximum: int | None = None, **kwargs):
        super().__init__(name, **kwargs)
        self.minimum, self.maximum = minimum, maximum

    def parse(self, raw: str) -> int:
        digits = raw[1:] if raw.startswith("-") else raw
        if not (digits.isascii() and digits.isdigit()) or len(digits) > 9:
            self.fail(_("Geef een heel getal."))
        value = int(raw)
        if self.minimum is not None and value < self.minimum:
            self.fail(_("Geef een getal van minstens %(minimum)d.") % {"minimum": self.minimum})
        if self.maximum is not None and value > self.maximum:
            self.fail(_("Geef een getal van hoogstens %(maximum)d.") % {"maximum": self.maximum})
        return value

    def schema(self) -> dict:
        bounds = {"minimum": self.minimum, "maximum": self.maximum}
        return {"type": "integer", **{key: value for key, value in bounds.items() if value is not None}}


class Boolean(QueryParam):
    """``true`` or ``false`` (``1`` and ``0`` too)."""

    VALUES = {"true": True, "1": True, "false": False, "0": False}

    def __init__(self, name: str, *, default: bool = False, **kwargs):
        super().__init__(name, default=default, **kwargs)

    def parse(self, raw: str) -> bool:
        if raw.lower() not in self.VALUES:
            self.fail(_("Geef true of false."))
        return self.VALUES[raw.lower()]

    def schema(self) -> dict:
        return {"type": "boolean"}


class Date(QueryParam):
    """A calendar date, ``jjjj-mm-dd``."""

    def parse(self, raw: str) -> datetime.date:
        try:
            if len(raw) == 10:
                return datetime.date.fromisoformat(raw)
        except ValueError:
            pass
        self.fail(_("Geef de datum als jjjj-mm-dd."))

    def schema(self) -> dict:
        return {"type": "string", "format": "date"}


class Text(QueryParam):
    """Free text of at most ``max_length`` characters (a search term)."""

    def __init__(self, name: str, *, max_length: int, default: str = "", **kwargs):
        super().__init__(name, default=default, **kwargs)
        self.max_length = max_length

    def parse(self, raw: str) -> str:
        if len(raw) > self.max_length:
            self.fail(_("Gebruik hoogstens %(max)d tekens.") % {"max": self.max_length})
        return raw

    def schema(self) -> dict:
        return {"type": "string", "maxLength": self.max_length}
