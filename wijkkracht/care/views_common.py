"""Small helpers shared by the care views."""

from django.urls import NoReverseMatch, reverse
from django.utils.http import url_has_allowed_host_and_scheme


def safe_next(request, default: str) -> str:
    """The ``next`` address from the form or query, only when it points to this site."""
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(candidate, allowed_hosts={request.get_host()}):
        return candidate
    return default


def optional_url(name: str, *args) -> str:
    """A link to a page another part of the project may not have yet."""
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return ""
