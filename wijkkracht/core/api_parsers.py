"""The API reads JSON only, and refuses JSON nested deeper than ``API_JSON_MAX_DEPTH`` levels.

DRF's JSONParser has no depth limit: Python's decoder recurses until it raises RecursionError, which DRF does
not catch (a 500). Nothing the API accepts is nested more than a few levels; deeper input is refused with 400.
"""

from django.conf import settings
from django.utils.translation import gettext as _
from rest_framework import parsers
from rest_framework.exceptions import ParseError


class JSONParser(parsers.JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        limit = settings.API_JSON_MAX_DEPTH
        too_deep = ParseError(_("De JSON is te diep genest (hoogstens %(limit)d niveaus).") % {"limit": limit})
        try:
            data = super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise too_deep from None
        except ParseError:
            raise ParseError(_("De inhoud is geen geldige JSON.")) from None
        if json_depth(data, limit) > limit:
            raise too_deep
        return data


def json_depth(data, limit: int) -> int:
    """How deep objects and arrays nest (a scalar: 0), counted without recursion and up to ``limit + 1``."""
    deepest = 0
    stack = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict):
            children = value.values()
        elif isinstance(value, list):
            children = value
        else:
            continue
        deepest = max(deepest, depth)
        if deepest > limit:
            return deepest
        stack.extend((child, depth + 1) for child in children)
    return deepest
