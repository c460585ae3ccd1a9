"""Welzijn op Recept: the centre's list and the coach's steps; the GP's own pages (write, see the outcome)."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from wijkkracht.provisions.forms.wellbeing import AgreeForm, CloseForm, ContactForm, FollowUpForm, PrescriptionForm
from wijkkracht.provisions.selectors import structure
from wijkkracht.provisions.selectors import wellbeing as selectors
from wijkkracht.provisions.services import wellbeing as services
from wijkkracht.socialmap import selectors as socialmap_selectors

from .common import Page, saved


class PrescriptionListView(Page):
    permission = "provisions.view_records"
    url_name = "provisions:prescription-list"

    def get(self, request):
        open_only = request.GET.get("open") == "1"
        page_obj = selectors.prescription_page(
            user=request.user, view=self.url_name, open_only=open_only, page=request.GET.get("page", 1)
        )
        return self.render(
            "prescription_list.html",
            {"page_obj": page_obj, "open_only": open_only, "query_string": "open=1" if open_only else ""},
        )


class _WriteView(Page):
    """The prescription form: the GP's own, or the centre's record of a paper prescription (GP chosen)."""

    template = "prescription_form.html"
    on_behalf = False
    done_url = ""

    def form(self, *args, **kwargs):
        gps = structure.gp_choices() if self.on_behalf else None
        return PrescriptionForm(*args, centres=structure.centre_choices(), gps=gps, **kwargs)

    def get(self, request):
        return self.render(self.template, {"form": self.form(), "on_behalf": self.on_behalf})

    def post(self, request):
        form = self.form(request.POST)
        if form.is_valid():
            d = form.cleaned_data
            done = saved(
                request,
                form,
                lambda: services.prescription_write(
                    gp=d["gp"] if self.on_behalf else request.user,
                    team=d["team"],
                    patient_name=d["patient_name"],
                    patient_birth_date=d["patient_birth_date"],
                    patient_phone=d["patient_phone"],
                    reason=d["reason"],
                    reason_note=d["reason_note"],
                    by=request.user,
                ),
                message=_("Het welzijnsrecept is verstuurd naar het wijkcentrum."),
                to=(self.done_url, lambda p: p.public_id),
            )
            if done:
                return done
        return self.render(self.template, {"form": form, "on_behalf": self.on_behalf})


class PrescriptionCreateView(_WriteView):
    permission = "provisions.change_records"
    on_behalf = True
    done_url = "provisions:prescription-detail"


STEPS = {"contact": ContactForm, "agree": AgreeForm, "follow_up": FollowUpForm, "close": CloseForm}


class PrescriptionDetailView(Page):
    permission = "provisions.view_records"
    url_name = "provisions:prescription-detail"

    def resources(self):
        return socialmap_selectors.resource_choices()

    def page(self, prescription, bound=None, step=""):
        forms = {}
        for name, form_class in STEPS.items():
            kwargs = {"prefix": name, **({"resources": self.resources()} if form_class is AgreeForm else {})}
            forms[name] = bound if name == step and bound is not None else form_class(**kwargs)
        return self.render(
            "prescription_detail.html",
            {
                "prescription": prescription,
                "forms": forms,
                "can_change": self.request.user.has_perm("provisions.change_records") and prescription.is_open,
            },
        )

    def get(self, request, public_id):
        return self.page(selectors.prescription_get(user=request.user, public_id=public_id, view=self.url_name))


class PrescriptionStepView(PrescriptionDetailView):
    """POST one step of the coach's work (``step``: contact, agree, follow_up or close)."""

    http_method_names = ["post", "options"]  # a form on the page above; no page of its own
    permission = "provisions.change_records"
    url_name = "provisions:prescription-step"

    def post(self, request, public_id):
        prescription = selectors.prescription_get(
            user=request.user, public_id=public_id, view=self.url_name, permission=self.permission
        )
        step = request.POST.get("step", "")
        if step not in STEPS:
            messages.error(request, _("Kies een stap."))
            return redirect("provisions:prescription-detail", public_id=prescription.public_id)
        kwargs = {"prefix": step, **({"resources": self.resources()} if step == "agree" else {})}
        form = STEPS[step](request.POST, **kwargs)
        if form.is_valid():
            d = form.cleaned_data
            writes = {
                "contact": lambda: services.prescription_contact(
                    prescription=prescription, wellbeing_before=d["wellbeing_before"], by=request.user
                ),
                "agree": lambda: services.prescription_agree(
                    prescription=prescription, activities=form.chosen(), note=d["note"], by=request.user
                ),
                "follow_up": lambda: services.prescription_follow_up(
                    prescription=prescription, note=d["follow_up_note"], by=request.user
                ),
                "close": lambda: services.prescription_close(
                    prescription=prescription,
                    wellbeing_after=d["wellbeing_after"],
                    outcome=d["outcome"],
                    by=request.user,
                ),
            }
            done = saved(
                request,
                form,
                writes[step],
                message=_("Vastgelegd."),
                to=("provisions:prescription-detail", prescription.public_id),
            )
            if done:
                return done
        for error in form.non_field_errors():  # a step that is not shown yet: the message goes above the page
            messages.error(request, error)
        return self.page(prescription, bound=form, step=step)


class GpListView(Page):
    """The GP's own prescriptions and their outcome (a GP sees nothing else)."""

    permission = "provisions.prescribe"
    url_name = "provisions:gp-list"

    def get(self, request):
        page_obj = selectors.gp_prescription_page(
            user=request.user, view=self.url_name, page=request.GET.get("page", 1)
        )
        return self.render("gp_list.html", {"page_obj": page_obj})


class GpCreateView(_WriteView):
    permission = "provisions.prescribe"
    done_url = "provisions:gp-detail"


class GpDetailView(Page):
    permission = "provisions.prescribe"
    url_name = "provisions:gp-detail"

    def get(self, request, public_id):
        prescription = selectors.gp_prescription_get(user=request.user, public_id=public_id, view=self.url_name)
        return self.render("gp_detail.html", {"prescription": prescription})
