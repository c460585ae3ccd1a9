"""The household page and a resident's relations."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView

from wijkkracht.core.forms import form_apply_errors
from wijkkracht.core.policy import PolicyRequiredMixin
from wijkkracht.people import selectors, services
from wijkkracht.people.forms import RelationForm

from .common import ResidentMixin


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
            form_apply_errors(form, error)
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
            % {
                "kind": relation.get_kind_display(),
                "name": relation.related.full_name if relation.related_visible else _("een inwoner buiten uw team"),
            },
            submit=_("Verwijderen"),
            cancel_url=self.detail_url(),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        services.relation_remove(relation=self.get_relation(), by=request.user)
        messages.success(request, _("De relatie is verwijderd."))
        return redirect(self.detail_url())
