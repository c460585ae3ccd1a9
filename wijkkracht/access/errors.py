from django.http import Http404


class NotFoundOrForbidden(Http404):
    """Refused or absent: deliberately the same answer, so a refusal does not reveal existence."""


class BreakGlassReasonRequired(ValueError):
    """Emergency access needs a reason of some length; nothing is read without one."""
