"""Language help: the list, a signal for a resident, the track with its steps (intake, placement, progress, end)."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from wijkkracht.people import selectors as people_selectors
from wijkkracht.provisions.forms.language import IntakeForm, NoteForm, PlaceForm, SignalForm
from wijkkracht.provisions.selectors import language as selectors
from wijkkracht.provisions.selectors import structure
from wijkkracht.provisions.selectors.choices import LanguageStage, ProvisionKind
from wijkkracht.provisions.services import language as services
from wijkkracht.socialmap import selectors as socialmap_selectors
from wijkkracht.socialmap.taxonomy import Need

from .common import Page, saved

LANGUAGE = (ProvisionKind.LANGUAGE,)


class LanguageListView(Page):
    permission = "provisions.view_records"
    url_name = "provisions:language-list"

    def get(self, request):
        stage = request.GET.get("stap", "")
        stage = stage if stage in LanguageStage.values else ""
        page_obj = selectors.track_page(
            user=request.user, view=self.url_name, stage=stage, page=request.GET.get("page", 1)
        )
        return self.render(
            "language_list.html",
            {
                "page_obj": page_obj,
                "stage": stage,
                "stages": LanguageStage.choices,
                "query_string": f"stap={stage}" if stage else "",
            },
        )


class LanguageCreateView(Page):
    permission = "provisions.change_records"
    url_name = "provisions:language-create"

    def resident(self, request, public_id):
        return people_selectors.resident_get(
            user=request.user, public_id=public_id, view=self.url_name, fields=["name"], permission=self.permission
        )

    def form(self, *args, **kwargs):
        return SignalForm(
            *args, provisions=structure.provision_choices(user=self.request.user, kinds=LANGUAGE), **kwargs
        )

    def get(self, request, public_id):
        return self.render("language_form.html", {"form": self.form(), "resident": self.resident(request, public_id)})

    def post(self, request, public_id):
        resident = self.resident(request, public_id)
        form = self.form(request.POST)
        if form.is_valid():
            d = form.cleaned_data
            done = saved(
                request,
                form,
                lambda: services.language_signal(
                    provision=d["provision"], resident=resident, source=d["source"], note=d["note"], by=request.user
                ),
                message=_("Het signaal is vastgelegd. Plan de intake."),
                to=("provisions:language-detail", lambda t: t.public_id),
            )
            if done:
                return done
        return self.render("language_form.html", {"form": form, "resident": resident})


STEP_FORMS = {"intake": IntakeForm, "place": PlaceForm, "progress": NoteForm, "end": NoteForm}


class LanguageDetailView(Page):
    permission = "provisions.view_records"
    url_name = "provisions:language-detail"

    def courses(self):
        return socialmap_selectors.resource_choices(need=Need.LANGUAGE)

    def forms_for(self, bound=None, step=""):
        found = {}
        for name, form_class in STEP_FORMS.items():
            kwargs = {"prefix": name}
            if form_class is PlaceForm:
                kwargs["courses"] = self.courses()
            found[name] = bound if name == step and bound is not None else form_class(**kwargs)
        return found

    def page(self, track, *, bound=None, step=""):
        return self.render(
            "language_detail.html",
            {
                "track": track,
                "progress": selectors.track_progress(track=track),
                "forms": self.forms_for(bound, step),
                "can_change": self.request.user.has_perm("provisions.change_records") and track.stage != "ended",
            },
        )

    def get(self, request, public_id):
        return self.page(selectors.track_get(user=request.user, public_id=public_id, view=self.url_name))


class LanguageStepView(LanguageDetailView):
    """POST one step of the track (``step``: intake, place, progress or end)."""

    http_method_names = ["post", "options"]  # a form on the page above; no page of its own

    permission = "provisions.change_records"
    url_name = "provisions:language-step"

    def post(self, request, public_id):
        track = selectors.track_get(
            user=request.user, public_id=public_id, view=self.url_name, permission=self.permission
        )
        step = request.POST.get("step", "")
        if step not in STEP_FORMS:
            messages.error(request, _("Kies een stap."))
            return redirect("provisions:language-detail", public_id=track.public_id)
        kwargs = {"prefix": step, **({"courses": self.courses()} if step == "place" else {})}
        form = STEP_FORMS[step](request.POST, **kwargs)
        if form.is_valid():
            d = form.cleaned_data
            writes = {
                "intake": lambda: services.language_intake(
                    track=track, need=d["need"], goal=d["goal"], by=request.user
                ),
                "place": lambda: services.language_place(
                    track=track,
                    placement=d["placement"],
                    course=d["course"],
                    buddy_name=d["buddy_name"],
                    by=request.user,
                ),
                "progress": lambda: services.language_progress_record(track=track, note=d["note"], by=request.user),
                "end": lambda: services.language_end(track=track, note=d["note"], by=request.user),
            }
            done = saved(
                request,
                form,
                writes[step],
                message=_("Vastgelegd."),
                to=("provisions:language-detail", track.public_id),
            )
            if done:
                return done
        for error in form.non_field_errors():  # a step that is not shown yet: the message goes above the page
            messages.error(request, error)
        return self.page(track, bound=form, step=step)
