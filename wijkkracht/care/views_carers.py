"""Informal carer pages: register from a resident, the carer page with the EDIZ, referral to the support centre."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.generic import TemplateView, View

from wijkkracht.core.forms import form_apply_errors
from wijkkracht.core.policy import PolicyRequiredMixin
from wijkkracht.people import selectors as people_selectors

from . import selectors, services
from .forms import CarerForm, EdizForm


class CarerListView(PolicyRequiredMixin, TemplateView):
    permission = "care.view_carer"
    template_name = "care/carer_list.html"

    def get_context_data(self, **kwargs):
        young = self.request.GET.get("jong") == "1"
        overloaded = self.request.GET.get("overbelast") == "1"
        page_obj = selectors.carer_page(
            user=self.request.user,
            view="care:carer-list",
            young=young,
            overloaded=overloaded,
            page=self.request.GET.get("page", 1),
        )
        parts = [p for p, on in (("jong=1", young), ("overbelast=1", overloaded)) if on]
        return super().get_context_data(
            page_obj=page_obj, young=young, overloaded=overloaded, query_string="&".join(parts), **kwargs
        )


class CarerCreateView(PolicyRequiredMixin, View):
    """Register a resident as an informal carer (from the resident page)."""

    permission = "care.change_carer"
    template_name = "care/carer_form.html"

    def _setup(self, request, public_id):
        resident = people_selectors.resident_get(user=request.user, public_id=public_id, view="care:carer-create")
        members = selectors.household_members(user=request.user, resident=resident, view="care:carer-create")
        return resident, members

    def get(self, request, public_id):
        resident, members = self._setup(request, public_id)
        return render(request, self.template_name, {"form": CarerForm(members=members), "resident": resident})

    def post(self, request, public_id):
        resident, members = self._setup(request, public_id)
        form = CarerForm(request.POST, members=members)
        if form.is_valid():
            data = form.cleaned_data
            try:
                carer = services.carer_register(
                    carer=resident,
                    cared_for=form.cared_for_resident(),
                    cared_for_description=data["cared_for_description"],
                    relationship=data["relationship"],
                    hours_per_week=data["hours_per_week"],
                    since=data["since"],
                    by=request.user,
                )
            except ValidationError as error:
                form_apply_errors(form, error)
            else:
                messages.success(request, _("De mantelzorger is vastgelegd."))
                return redirect("care:carer-detail", public_id=carer.public_id)
        return render(request, self.template_name, {"form": form, "resident": resident})


def _carer_context(request, carer, *, ediz_form=None):
    return {
        "carer": carer,
        "young": carer.is_young(),
        "assessments": selectors.carer_assessments(carer=carer),
        "ediz_form": ediz_form or EdizForm(),
        "can_change": request.user.has_perm("care.change_carer"),
    }


class CarerDetailView(PolicyRequiredMixin, View):
    permission = "care.view_carer"

    def get(self, request, public_id):
        carer = selectors.carer_get(user=request.user, public_id=public_id, view="care:carer-detail")
        return render(request, "care/carer_detail.html", _carer_context(request, carer))


class _CarerChangeView(PolicyRequiredMixin, View):
    permission = "care.change_carer"
    view_name = ""

    def carer(self, request, public_id):
        return selectors.carer_get(
            user=request.user, public_id=public_id, view=self.view_name, permission="care.change_carer"
        )


class CarerStrainView(_CarerChangeView):
    """POST only: record the EDIZ answers; bad input shows the carer page again with the errors."""

    view_name = "care:carer-strain"

    def post(self, request, public_id):
        carer = self.carer(request, public_id)
        form = EdizForm(request.POST)
        if form.is_valid():
            try:
                result = services.carer_strain_record(carer=carer, answers=form.answers(), by=request.user)
            except ValidationError as error:
                form_apply_errors(form, error)
            else:
                if result.overloaded:
                    messages.warning(
                        request,
                        _(
                            "EDIZ-score %(score)s van 9: deze mantelzorger is overbelast. Verwijs door naar het steunpunt mantelzorg."
                        )
                        % {"score": result.score},
                    )
                else:
                    messages.success(request, _("EDIZ-score %(score)s van 9 vastgelegd.") % {"score": result.score})
                return redirect("care:carer-detail", public_id=carer.public_id)
        return render(request, "care/carer_detail.html", _carer_context(request, carer, ediz_form=form))


class CarerReferView(_CarerChangeView):
    view_name = "care:carer-refer"

    def post(self, request, public_id):
        carer = self.carer(request, public_id)
        try:
            services.carer_refer(carer=carer, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Doorverwezen naar het steunpunt mantelzorg."))
        return redirect("care:carer-detail", public_id=carer.public_id)


class CarerReceivedView(_CarerChangeView):
    view_name = "care:carer-received"

    def post(self, request, public_id):
        carer = self.carer(request, public_id)
        try:
            services.carer_mark_received(carer=carer, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Vastgelegd: ontvangen door het steunpunt mantelzorg."))
        return redirect("care:carer-detail", public_id=carer.public_id)
