"""What the resident pages share: reading the resident of the URL through the policy, and form errors."""

from django.core.exceptions import ValidationError
from django.urls import reverse

from wijkkracht.people import selectors


def apply_errors(form, error: ValidationError):
    """Put a service's ValidationError on the form: per field where the form has it, else above the form."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            for e in errors:
                form.add_error(field if field in form.fields else None, e)
    else:
        form.add_error(None, error)


class ResidentMixin:
    """Reads ``self.resident`` through the policy for the view's permission (404 when out of scope)."""

    resident_fields = selectors.RESIDENT_PAGE_FIELDS

    def dispatch(self, request, *args, **kwargs):
        # PolicyRequiredMixin (first in the bases) has checked login and permission already.
        self.resident = selectors.resident_get(
            user=request.user,
            public_id=kwargs["public_id"],
            view=request.resolver_match.view_name,
            fields=self.resident_fields,
            permission=self.permission,
        )
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(resident=self.resident, **kwargs)

    def detail_url(self):
        return reverse("people:resident-detail", args=[self.resident.public_id])
