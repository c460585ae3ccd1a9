from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views import View

from wijkkracht.core.forms import form_apply_errors
from wijkkracht.core.policy import PolicyRequiredMixin


class Page(PolicyRequiredMixin, View):
    """A provision page: ``permission`` and ``url_name`` (the view name in the audit entries)."""

    url_name = ""

    def render(self, template: str, context: dict):
        return render(self.request, f"provisions/{template}", context)


def saved(request, form, write, *, message: str, to: tuple | None = None):
    """Run a service call; its ValidationError goes on the form. Returns the redirect, or None."""
    try:
        result = write()
    except ValidationError as error:
        form_apply_errors(form, error)
        return None
    messages.success(request, message)
    if to is None:
        return result
    name, *args = to
    return redirect(name, *[a(result) if callable(a) else a for a in args])


def message_errors(request, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)
