"""Resident pages. Every read goes through wijkkracht.access.selectors: policy first, then the audit log."""

import csv

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, TemplateView

from wijkkracht.access import selectors
from wijkkracht.access.errors import NotFoundOrForbidden
from wijkkracht.core.policy import PolicyRequiredMixin

from .forms import BreakGlassForm


class ResidentListView(PolicyRequiredMixin, TemplateView):
    permission = "people.view_resident"
    template_name = "people/resident_list.html"

    def get_context_data(self, **kwargs):
        q = self.request.GET.get("q", "").strip()[:100]
        page_obj = selectors.resident_page(
            user=self.request.user, view="people:resident-list", query=q, page=self.request.GET.get("page", 1)
        )
        return super().get_context_data(page_obj=page_obj, q=q, query_string=f"q={q}" if q else "", **kwargs)


class ResidentExportView(PolicyRequiredMixin, View):
    """The residents I may see as CSV (for a team meeting list); every exported resident is logged."""

    permission = "people.view_resident"

    def get(self, request):
        residents = selectors.resident_export_rows(user=request.user, view="people:resident-export")
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="inwoners.csv"'
        response["Cache-Control"] = "no-store"
        writer = csv.writer(response, delimiter=";")
        writer.writerow([_("Referentie"), _("Naam"), _("Geboortedatum"), _("Adres"), _("Buurt"), _("Telefoon")])
        for r in residents:
            writer.writerow(
                [
                    r.reference,
                    r.full_name,
                    r.birth_date.isoformat(),
                    r.household.address,
                    r.household.neighbourhood.name,
                    r.phone,
                ]
            )
        return response


class ResidentDetailView(PolicyRequiredMixin, TemplateView):
    permission = "people.view_resident"
    template_name = "people/resident_detail.html"

    def get(self, request, public_id):
        try:
            resident = selectors.resident_get(user=request.user, public_id=public_id, view="people:resident-detail")
        except NotFoundOrForbidden:
            context = {}
            if request.user.has_perm("people.break_glass"):
                context["break_glass_url"] = reverse("people:resident-break-glass", args=[public_id])
            return render(request, "404.html", context, status=404)
        return self.render_to_response(self.get_context_data(resident=resident))


class ResidentBreakGlassView(PolicyRequiredMixin, FormView):
    """Emergency access to a resident outside one's need-to-know, with a reason that is logged and flagged."""

    permission = "people.break_glass"
    template_name = "people/break_glass.html"
    form_class = BreakGlassForm

    def form_valid(self, form):
        resident = selectors.resident_get_break_glass(
            user=self.request.user,
            public_id=self.kwargs["public_id"],
            view="people:resident-break-glass",
            reason=form.cleaned_data["reason"],
        )
        return render(self.request, "people/resident_detail.html", {"resident": resident, "break_glass": True})
