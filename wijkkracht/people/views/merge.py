"""Merging two records of the same person: find the other record, compare, merge with a reason."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView

from wijkkracht.core.forms import form_apply_errors
from wijkkracht.core.policy import PolicyRequiredMixin
from wijkkracht.people import selectors, services
from wijkkracht.people.bsn import bsn_mask
from wijkkracht.people.forms import MergeForm

from .common import ResidentMixin


class ResidentMergeView(PolicyRequiredMixin, ResidentMixin, TemplateView):
    """Step 1: find the other record of the same person, within one's own residents."""

    permission = "people.merge_residents"
    template_name = "people/merge_search.html"
    resident_fields = ["name", "birth_date", "address"]

    def get_context_data(self, **kwargs):
        q = self.request.GET.get("q", "").strip()[:100]
        page_obj = None
        if q:
            page_obj = selectors.resident_search(
                user=self.request.user,
                view="people:resident-merge",
                query=q,
                page=self.request.GET.get("page", 1),
                exclude=self.resident,
            )
        return super().get_context_data(q=q, page_obj=page_obj, query_string=f"q={q}" if q else "", **kwargs)


class ResidentMergeConfirmView(PolicyRequiredMixin, ResidentMixin, FormView):
    """Step 2: both records side by side; merging moves everything to the record on the left."""

    permission = "people.merge_residents"
    template_name = "people/merge_confirm.html"
    form_class = MergeForm
    resident_fields = [*selectors.RESIDENT_PAGE_FIELDS, "bsn_masked"]

    duplicate = None

    def get_duplicate(self):
        if self.duplicate is None:
            self.duplicate = selectors.resident_get(
                user=self.request.user,
                public_id=self.kwargs["duplicate_id"],
                view="people:resident-merge-confirm",
                fields=self.resident_fields,
                permission=self.permission,
            )
        return self.duplicate

    def get_context_data(self, **kwargs):
        duplicate = self.get_duplicate()
        return super().get_context_data(
            duplicate=duplicate,
            keep_bsn=bsn_mask(self.resident.bsn_last_digits),
            duplicate_bsn=bsn_mask(duplicate.bsn_last_digits),
            cancel_url=self.detail_url(),
            **kwargs,
        )

    def form_valid(self, form):
        try:
            services.resident_merge(
                keep=self.resident,
                duplicate=self.get_duplicate(),
                by=self.request.user,
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            form_apply_errors(form, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("De dossiers zijn samengevoegd. %(ref)s verwijst nu naar dit dossier.")
            % {"ref": self.get_duplicate().reference},
        )
        return redirect(self.detail_url())
