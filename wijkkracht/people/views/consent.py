"""What a resident shares with other organisations: list, record, withdraw one or all."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView

from wijkkracht.access import services as access_services
from wijkkracht.access.errors import NotFoundOrForbidden
from wijkkracht.core.forms import form_apply_errors
from wijkkracht.core.policy import PolicyRequiredMixin
from wijkkracht.organisations.models import Organisation
from wijkkracht.people import selectors
from wijkkracht.people.forms import ConsentForm

from .common import ResidentMixin


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
            access_services.consent_record(
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
            form_apply_errors(form, error)
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
            access_services.consent_withdraw(grant=grant, by=request.user)
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
        ended = access_services.consent_withdraw_all(
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
