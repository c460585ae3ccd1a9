from django import template

from wijkkracht.accounts.roles import Role

register = template.Library()


@register.filter
def role_label(value: str) -> str:
    """'worker' -> 'wijkwerker' (in the active language); unknown values stay as they are."""
    try:
        return Role(value).label
    except ValueError:
        return value
