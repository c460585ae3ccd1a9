"""Showing a resident named on a record (the cared-for person of a carer, the resident of a signal): their
name where the user may see them, else "een inwoner buiten uw team". The access kernel marks the names the
user may not see (``hidden_people``, from the model's ``PersonalData.others``); a record read without that
mark shows no name at all, so nothing slips through by default."""

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _

register = template.Library()


@register.simple_tag
def person(record, path: str, link: bool = True):
    other = getattr(record, path, None)
    if other is None:
        return ""
    hidden = getattr(record, "hidden_people", None)
    if hidden is None or path in hidden:
        return _("een inwoner buiten uw team")
    if not link:
        return other.full_name
    return format_html(
        '<a class="utrecht-link" href="{}">{}</a>',
        reverse("people:resident-detail", args=[other.public_id]),
        other.full_name,
    )
