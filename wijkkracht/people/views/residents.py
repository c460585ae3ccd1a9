"""Finding residents and the resident page (composed from the sections other apps register)."""

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, TemplateView

from wijkkracht.access.errors import NotFoundOrForbidden
from wijkkracht.access.known import resident_visibility
from wijkkracht.access.reads import page_reads
from wijkkracht.access.scopes import resident_facts
from wijkkracht.core.exports import csv_writer
from wijkkracht.core.policy import PolicyRequiredMixin
from wijkkracht.people import selectors
from wijkkracht.people.bsn import bsn_mask
from wijkkracht.people.forms import BreakGlassForm
from wijkkracht.people.sections import resident_sections

# The resident page: personal details, the masked BSN and the consents (logged in one entry).
DETAIL_FIELDS = [*selectors.RESIDENT_PAGE_FIELDS, "bsn_masked", "consent"]


class ResidentListView(PolicyRequiredMixin, TemplateView):
    """One search box: name (typo-tolerant), birth date, postcode + house number or BSN."""

    permission = "people.view_resident"
    template_name = "people/resident_list.html"

    def get_context_data(self, **kwargs):
        q = self.request.GET.get("q", "").strip()[:100]
        view = "people:resident-list"
        page_obj = selectors.resident_search(
            user=self.request.user, view=view, query=q, page=self.request.GET.get("page", 1)
        )
        hints = []
        if q and page_obj.paginator.count == 0:
            hints = selectors.resident_known_elsewhere(user=self.request.user, view=view, query=q)
        return super().get_context_data(
            page_obj=page_obj,
            parsed=page_obj.parsed,
            hints=hints,
            q=q,
            query_string=f"q={q}" if q else "",
            can_create=self.request.user.has_perm("people.change_resident"),
            **kwargs,
        )


class ResidentExportView(PolicyRequiredMixin, View):
    """The residents I may see as CSV (for a team meeting list); every exported resident is logged."""

    permission = "people.view_resident"

    def get(self, request):
        residents = selectors.resident_export_rows(user=request.user, view="people:resident-export")
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="inwoners.csv"'
        response["Cache-Control"] = "no-store"
        writer = csv_writer(response)
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
        view = "people:resident-detail"
        user = request.user
        # One call: every read of the page in one transaction, one audit entry for this resident.
        with page_reads():
            try:
                resident = selectors.resident_get(user=user, public_id=public_id, view=view, fields=DETAIL_FIELDS)
            except NotFoundOrForbidden:
                context = {}
                if user.has_perm("people.break_glass"):
                    context["break_glass_url"] = reverse("people:resident-break-glass", args=[public_id])
                return render(request, "404.html", context, status=404)
            household = selectors.resident_household(user=user, resident=resident, view=view)
            consents = selectors.resident_consent_page(user=user, resident=resident, view=view, per_page=10)
            about = resident_facts(user, resident)
            sections = resident_sections(user=user, resident=resident, view=view, about=about)
            visibility = resident_visibility(resident)
        context = self.get_context_data(
            resident=resident,
            members=household["members"],
            relations=household["relations"],
            consents=consents,
            visibility=visibility,
            bsn_masked=bsn_mask(resident.bsn_last_digits),
            can_change=user.has_perm("people.change_resident"),
            can_reveal=user.has_perm("people.reveal_bsn"),
            can_merge=user.has_perm("people.merge_residents"),
            can_manage_consent=user.has_perm("people.manage_consent"),
            sections=sections,
            page_actions=[a for s in sections for a in s["context"].get("page_actions", [])],
        )
        return self.render_to_response(context)


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
        return render(
            self.request,
            "people/resident_detail.html",
            {"resident": resident, "break_glass": True, "bsn_masked": bsn_mask(resident.bsn_last_digits)},
        )
