"""Resident pages. Every read goes through wijkkracht.access.selectors: policy first, then the audit log.
Writes go through people.services; the views only translate between forms and those two."""

import csv
import importlib
import importlib.util

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template import TemplateDoesNotExist
from django.template.loader import select_template
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, TemplateView

from wijkkracht.access import selectors
from wijkkracht.access.errors import NotFoundOrForbidden
from wijkkracht.access.reads import page_reads
from wijkkracht.access.scopes import resident_access
from wijkkracht.areas.selectors import neighbourhood_for_postcode
from wijkkracht.core.policy import PolicyRequiredMixin
from wijkkracht.organisations.models import Organisation

from . import services
from .bsn import bsn_mask
from .forms import (
    AddressForm,
    BreakGlassForm,
    BsnForm,
    BsnRevealForm,
    ConsentForm,
    MergeForm,
    RelationForm,
    ResidentCreateForm,
    ResidentForm,
)

# The resident page: personal details, the masked BSN and the consents (logged in one entry).
DETAIL_FIELDS = [*selectors.RESIDENT_PAGE_FIELDS, "bsn_masked", "consent"]
EDIT_FIELDS = [*selectors.RESIDENT_PAGE_FIELDS, "surname_prefix"]


def apply_errors(form, error: ValidationError):
    """Put a service's ValidationError on the form: per field where the form has it, else above the form."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            for e in errors:
                form.add_error(field if field in form.fields else None, e)
    else:
        form.add_error(None, error)


def _optional_section(module_name: str, function: str, template: str, **kwargs):
    """A section another app provides on the resident page, if that app has it (yet)."""
    try:
        if importlib.util.find_spec(module_name) is None:
            return None
        select_template([template])
    except (ModuleNotFoundError, TemplateDoesNotExist):
        return None
    provider = getattr(importlib.import_module(module_name), function, None)
    if provider is None:
        return None
    try:
        return provider(**kwargs)
    except NotFoundOrForbidden:
        return None


def _url_or_empty(name: str, **kwargs) -> str:
    try:
        return reverse(name, kwargs=kwargs)
    except NoReverseMatch:
        return ""


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


# --- search and list -------------------------------------------------------------------------------


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


# --- the resident page (hub) -----------------------------------------------------------------------


class ResidentDetailView(PolicyRequiredMixin, TemplateView):
    permission = "people.view_resident"
    template_name = "people/resident_detail.html"

    def get(self, request, public_id):
        view = "people:resident-detail"
        user = request.user
        # One transaction for every read of the page, the audit entries appended together at its end.
        with page_reads():
            try:
                resident = selectors.resident_get(user=user, public_id=public_id, view=view, fields=DETAIL_FIELDS)
            except NotFoundOrForbidden:
                context = {}
                if user.has_perm("people.break_glass"):
                    context["break_glass_url"] = reverse("people:resident-break-glass", args=[public_id])
                return render(request, "404.html", context, status=404)
            household = selectors.resident_household(user=user, resident=resident, view=view)
            consents = selectors.resident_consent_page(
                user=user, resident=resident, view=view, per_page=10, log_read=False
            )
            sections = {"user": user, "resident": resident, "view": view, "access": resident_access(user, resident)}
            case_section = _optional_section(
                "wijkkracht.cases.selectors.resident",
                "resident_case_section",
                "cases/partials/resident_section.html",
                **sections,
            )
            care_section = _optional_section(
                "wijkkracht.care.selectors", "resident_care_section", "care/partials/resident_section.html", **sections
            )
        context = self.get_context_data(
            resident=resident,
            members=household["members"],
            relations=household["relations"],
            consents=consents,
            bsn_masked=bsn_mask(resident.bsn_last_digits),
            can_change=user.has_perm("people.change_resident"),
            can_reveal=user.has_perm("people.reveal_bsn"),
            can_merge=user.has_perm("people.merge_residents"),
            can_manage_consent=user.has_perm("people.manage_consent"),
            case_section=case_section,
            care_section=care_section,
            new_request_url=_url_or_empty("cases:request-create", public_id=resident.public_id)
            if user.has_perm("cases.add_request")
            else "",
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


# --- create, edit, move -----------------------------------------------------------------------------


class ResidentCreateView(PolicyRequiredMixin, FormView):
    permission = "people.change_resident"
    template_name = "people/resident_create.html"
    form_class = ResidentCreateForm

    def get_initial(self):
        initial = {"city": services.DEFAULT_CITY}
        for name in ("postcode", "house_number", "house_number_suffix"):
            if name in self.request.GET:
                initial[name] = self.request.GET[name][:10]
        return initial

    def form_valid(self, form):
        try:
            resident = services.resident_create(**form.cleaned_data, by=self.request.user)
        except ValidationError as error:
            apply_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Inwoner %(ref)s is vastgelegd.") % {"ref": resident.reference})
        return redirect("people:resident-detail", public_id=resident.public_id)


class AddressCheckView(PolicyRequiredMixin, View):
    """htmx: which neighbourhood and team an address belongs to, while filling in the new-resident form."""

    permission = "people.change_resident"

    def get(self, request):
        form = AddressForm(request.GET)
        context = {}
        postcode = request.GET.get("postcode", "").strip()
        if postcode:
            try:
                neighbourhood = neighbourhood_for_postcode(postcode=postcode)
                context.update(neighbourhood=neighbourhood, teams=list(neighbourhood.teams.all()))
            except ValidationError as error:
                context["error"] = (
                    _("Deze postcode ligt niet in de gemeente.")
                    if error.code == "postcode_outside_city"
                    else error.messages[0]
                )
        context["form"] = form
        return render(request, "people/_address_result.html", context)


class ResidentUpdateView(PolicyRequiredMixin, ResidentMixin, FormView):
    permission = "people.change_resident"
    template_name = "people/form.html"
    form_class = ResidentForm
    resident_fields = EDIT_FIELDS

    def get_initial(self):
        return {name: getattr(self.resident, name) for name in services.PROFILE_FIELDS}

    def get_context_data(self, **kwargs):
        return super().get_context_data(title=_("Gegevens wijzigen"), cancel_url=self.detail_url(), **kwargs)

    def form_valid(self, form):
        try:
            services.resident_update(resident=self.resident, by=self.request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("De gegevens zijn opgeslagen."))
        return redirect(self.detail_url())


class ResidentMoveView(PolicyRequiredMixin, ResidentMixin, FormView):
    permission = "people.change_resident"
    template_name = "people/form.html"
    form_class = AddressForm
    resident_fields = ["name", "address"]

    def get_initial(self):
        return {"city": services.DEFAULT_CITY}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            title=_("Verhuizen naar een ander adres"),
            intro=_(
                "De inwoner gaat naar het huishouden dat op het nieuwe adres woont, of naar een nieuw huishouden. "
                "Het huidige adres is: %(address)s."
            )
            % {"address": self.resident.household.address},
            submit=_("Verhuizen"),
            cancel_url=self.detail_url(),
            **kwargs,
        )

    def form_valid(self, form):
        try:
            services.household_move(resident=self.resident, by=self.request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("De inwoner is verhuisd naar het nieuwe adres."))
        return redirect(self.detail_url())


# --- BSN -----------------------------------------------------------------------------------------------


class ResidentBsnView(PolicyRequiredMixin, ResidentMixin, FormView):
    permission = "people.change_resident"
    template_name = "people/form.html"
    form_class = BsnForm
    resident_fields = ["name", "bsn_masked"]

    def get_context_data(self, **kwargs):
        current = bsn_mask(self.resident.bsn_last_digits)
        return super().get_context_data(
            title=_("BSN vastleggen"),
            intro=(_("Huidig BSN: %(bsn)s. Een nieuw nummer vervangt het.") % {"bsn": current})
            if current
            else _("Van deze inwoner is nog geen BSN bekend."),
            cancel_url=self.detail_url(),
            **kwargs,
        )

    def form_valid(self, form):
        try:
            services.resident_bsn_set(resident=self.resident, bsn=form.cleaned_data["bsn"], by=self.request.user)
        except ValidationError as error:
            apply_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Het BSN is versleuteld opgeslagen."))
        return redirect(self.detail_url())


class ResidentBsnRevealView(PolicyRequiredMixin, ResidentMixin, FormView):
    """The full BSN, after a reason that is logged; everywhere else it is masked."""

    permission = "people.reveal_bsn"
    template_name = "people/bsn_reveal.html"
    form_class = BsnRevealForm
    resident_fields = ["name", "bsn_masked"]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            bsn_masked=bsn_mask(self.resident.bsn_last_digits), cancel_url=self.detail_url(), **kwargs
        )

    def form_valid(self, form):
        try:
            bsn = selectors.resident_bsn_reveal(
                user=self.request.user,
                public_id=self.resident.public_id,
                view="people:resident-bsn-reveal",
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            apply_errors(form, error)
            return self.form_invalid(form)
        response = self.render_to_response(self.get_context_data(form=form, bsn=bsn))
        response["Cache-Control"] = "no-store"
        return response


# --- household and relations -----------------------------------------------------------------------


class HouseholdDetailView(PolicyRequiredMixin, TemplateView):
    permission = "people.view_resident"
    template_name = "people/household_detail.html"

    def get_context_data(self, **kwargs):
        household = selectors.household_get(
            user=self.request.user, public_id=self.kwargs["public_id"], view="people:household-detail"
        )
        return super().get_context_data(
            household=household, can_change=self.request.user.has_perm("people.change_resident"), **kwargs
        )


class RelationAddView(PolicyRequiredMixin, ResidentMixin, FormView):
    permission = "people.change_resident"
    template_name = "people/form.html"
    form_class = RelationForm
    resident_fields = ["name"]

    candidates = None

    def get_candidates(self):
        if self.candidates is None:
            self.candidates = selectors.resident_relation_candidates(
                user=self.request.user, resident=self.resident, view="people:relation-add"
            )
        return self.candidates

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "candidates": self.get_candidates()}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            title=_("Relatie vastleggen"),
            intro=_("Kies een lid van het huishouden van %(name)s.") % {"name": self.resident.full_name}
            if self.get_candidates()
            else _("Er zijn geen andere leden van dit huishouden die u kunt zien."),
            cancel_url=self.detail_url(),
            **kwargs,
        )

    def form_valid(self, form):
        related = next((r for r in self.get_candidates() if str(r.public_id) == form.cleaned_data["related"]), None)
        try:
            services.relation_add(
                resident=self.resident, related=related, kind=form.cleaned_data["kind"], by=self.request.user
            )
        except ValidationError as error:
            apply_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("De relatie is vastgelegd."))
        return redirect(self.detail_url())


class RelationRemoveView(PolicyRequiredMixin, ResidentMixin, TemplateView):
    """A confirmation page; the POST removes the relation (and its counterpart)."""

    permission = "people.change_resident"
    template_name = "people/confirm.html"
    resident_fields = ["name", "relation"]

    def get_relation(self):
        return selectors.relation_get(
            user=self.request.user, resident=self.resident, pk=self.kwargs["pk"], view="people:relation-remove"
        )

    def get_context_data(self, **kwargs):
        relation = self.get_relation()
        return super().get_context_data(
            title=_("Relatie verwijderen"),
            question=_("Wilt u de relatie '%(kind)s %(name)s' verwijderen?")
            % {"kind": relation.get_kind_display(), "name": relation.related.full_name},
            submit=_("Verwijderen"),
            cancel_url=self.detail_url(),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        services.relation_remove(relation=self.get_relation(), by=request.user)
        messages.success(request, _("De relatie is verwijderd."))
        return redirect(self.detail_url())


# --- merge --------------------------------------------------------------------------------------------


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
            apply_errors(form, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("De dossiers zijn samengevoegd. %(ref)s verwijst nu naar dit dossier.")
            % {"ref": self.get_duplicate().reference},
        )
        return redirect(self.detail_url())


# --- consent --------------------------------------------------------------------------------------------


class ConsentListView(PolicyRequiredMixin, ResidentMixin, TemplateView):
    permission = "people.view_resident"
    template_name = "people/consent_list.html"
    resident_fields = ["name", "consent"]

    def get_context_data(self, **kwargs):
        state = self.request.GET.get("status", "active")
        state = state if state in ("active", "ended", "all") else "active"
        page_obj = selectors.resident_consent_page(
            user=self.request.user,
            resident=self.resident,
            view="people:consent-list",
            state=state,
            page=self.request.GET.get("page", 1),
        )
        return super().get_context_data(
            page_obj=page_obj,
            state=state,
            query_string=f"status={state}",
            can_manage_consent=self.request.user.has_perm("people.manage_consent"),
            **kwargs,
        )


class ConsentCreateView(PolicyRequiredMixin, ResidentMixin, FormView):
    permission = "people.manage_consent"
    template_name = "people/form.html"
    form_class = ConsentForm
    resident_fields = ["name", "consent"]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            title=_("Toestemming of grondslag vastleggen"),
            intro=_(
                "Leg per organisatie vast welke gegevens de inwoner deelt, voor welk doel en tot wanneer. "
                "Voor elke combinatie van doel en soort gegevens komt een eigen regel, die u los kunt intrekken."
            ),
            cancel_url=self.detail_url(),
            **kwargs,
        )

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            services.consent_record(
                resident=self.resident,
                organisation=data["organisation"],
                purposes=data["purposes"],
                categories=data["categories"],
                valid_until=data["valid_until"],
                ground=data["ground"],
                basis_note=data["basis_note"],
                by=self.request.user,
            )
        except ValidationError as error:
            apply_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("De toestemming is vastgelegd."))
        return redirect("people:consent-list", public_id=self.resident.public_id)


class ConsentWithdrawView(PolicyRequiredMixin, ResidentMixin, TemplateView):
    """A confirmation page; the POST withdraws the grant, effective at once."""

    permission = "people.manage_consent"
    template_name = "people/confirm.html"
    resident_fields = ["name", "consent"]

    def get_grant(self):
        return selectors.access_grant_get(
            user=self.request.user, resident=self.resident, pk=self.kwargs["pk"], view="people:consent-withdraw"
        )

    def get_context_data(self, **kwargs):
        grant = self.get_grant()
        return super().get_context_data(
            title=_("Toestemming intrekken"),
            question=_(
                "Wilt u het delen van '%(category)s' met %(organisation)s voor %(purpose)s intrekken? "
                "Dit gaat direct in: de organisatie ziet deze gegevens daarna niet meer."
            )
            % {
                "category": grant.get_category_display(),
                "organisation": grant.organisation.name,
                "purpose": grant.get_purpose_display(),
            },
            submit=_("Intrekken"),
            cancel_url=reverse("people:consent-list", args=[self.resident.public_id]),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        grant = self.get_grant()
        try:
            services.consent_withdraw(grant=grant, by=request.user)
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(request, _("De toestemming is ingetrokken."))
        return redirect("people:consent-list", public_id=self.resident.public_id)


class ConsentWithdrawAllView(PolicyRequiredMixin, ResidentMixin, TemplateView):
    """Everything a resident shares with one organisation: the page lists what will end, the POST ends it."""

    permission = "people.manage_consent"
    template_name = "people/consent_withdraw_all.html"
    resident_fields = ["name", "consent"]
    # More open grants than this for one organisation do not occur (4 categories x 3 purposes per renewal).
    max_listed = 500

    def get_organisation(self):
        organisation = Organisation.objects.filter(pk=self.kwargs["organisation_id"]).first()
        if organisation is None:
            raise NotFoundOrForbidden
        return organisation

    def get_context_data(self, **kwargs):
        organisation = self.get_organisation()
        page = selectors.resident_consent_page(
            user=self.request.user,
            resident=self.resident,
            view="people:consent-withdraw-all",
            state="all",
            per_page=self.max_listed,
        )
        grants = [g for g in page.object_list if g.organisation_id == organisation.pk and g.revoked_at is None]
        return super().get_context_data(
            organisation=organisation,
            grants=grants,
            cancel_url=reverse("people:consent-list", args=[self.resident.public_id]),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        organisation = self.get_organisation()
        ended = services.consent_withdraw_all(
            resident=self.resident, organisation=organisation, by=request.user, view="people:consent-withdraw-all"
        )
        if ended:
            messages.success(
                request,
                _("Alles wat met %(organisation)s werd gedeeld is ingetrokken (%(count)s regels).")
                % {"organisation": organisation.name, "count": ended},
            )
        else:
            messages.info(
                request, _("Er werd niets meer gedeeld met %(organisation)s.") % {"organisation": organisation.name}
            )
        return redirect("people:consent-list", public_id=self.resident.public_id)
