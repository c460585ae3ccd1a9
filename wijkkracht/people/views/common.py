"""What the resident pages share: reading the resident of the URL through the policy."""

from django.urls import reverse

from wijkkracht.people import selectors


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
