"""Recording and changing a resident: new resident, details, moving house, the BSN."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView

from wijkkracht.areas.selectors import neighbourhood_for_postcode
from wijkkracht.core.forms import form_apply_errors
from wijkkracht.core.policy import PolicyRequiredMixin
from wijkkracht.people import selectors, services
from wijkkracht.people.bsn import bsn_mask
from wijkkracht.people.forms import AddressForm, BsnForm, BsnRevealForm, ResidentCreateForm, ResidentForm

from .common import ResidentMixin

EDIT_FIELDS = [*selectors.RESIDENT_PAGE_FIELDS, "surname_prefix"]


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
            form_apply_errors(form, error)
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
            form_apply_errors(form, error)
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
            form_apply_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("De inwoner is verhuisd naar het nieuwe adres."))
        return redirect(self.detail_url())


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
            form_apply_errors(form, error)
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
            form_apply_errors(form, error)
            return self.form_invalid(form)
        response = self.render_to_response(self.get_context_data(form=form, bsn=bsn))
        response["Cache-Control"] = "no-store"
        return response
