"""The coordinator's pages: the overview, volunteers (register, intake, VOG, status), the skills list, figures."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View

from wijkkracht.core.forms import form_apply_errors
from wijkkracht.core.policy import PolicyRequiredMixin

from . import selectors, services
from .forms import CoordinatorProfileForm, SkillForm, StatusForm


class _CoordinatorView(PolicyRequiredMixin, View):
    permission = "volunteers.coordinate"


class CoordinatorHomeView(_CoordinatorView):
    def get(self, request):
        user, view = request.user, "volunteers:coordinator"
        context = {
            "open_requests": selectors.open_requests(user=user, view=view),
            "proposals": selectors.match_page(user=user, view=view, group="proposed", per_page=10).object_list,
            "suggested": selectors.match_page(user=user, view=view, group="suggested", per_page=10).object_list,
            "active": selectors.match_page(user=user, view=view, group="active", per_page=10),
            "follow_ups": selectors.follow_ups_due(user=user, view=view),
            "concerns": selectors.concerns_open(user=user, view=view),
            "counts": selectors.volunteer_counts(user=user),
            "vog": selectors.vog_expiring(user=user, view=view),
            "at_risk": selectors.volunteers_at_risk(user=user, view=view),
        }
        return render(request, "volunteers/coordinator.html", context)


class VolunteerListView(_CoordinatorView):
    def get(self, request):
        status = request.GET.get("status", "")
        if status not in dict(selectors.STATUSES):
            status = ""
        page_obj = selectors.volunteer_page(
            user=request.user, view="volunteers:volunteer-list", status=status, page=request.GET.get("page", 1)
        )
        query = f"status={status}" if status else ""
        return render(
            request,
            "volunteers/volunteer_list.html",
            {"page_obj": page_obj, "status": status, "statuses": selectors.STATUSES, "query_string": query},
        )


def _profile_initial(volunteer) -> dict:
    names = (
        "first_name",
        "last_name",
        "email",
        "phone",
        "postcode",
        "kinds",
        "languages",
        "availability",
        "preferences",
        "max_distance_km",
        "motivation",
        "capacity",
        "training",
        "intake_on",
        "intake_note",
        "vog_issued_on",
    )
    initial = {name: getattr(volunteer, name) for name in names}
    initial["skills"] = list(volunteer.skills.all())
    return initial


class VolunteerCreateView(_CoordinatorView):
    template_name = "volunteers/volunteer_form.html"

    def get(self, request):
        form = CoordinatorProfileForm(skills=selectors.skills_active_queryset())
        return render(request, self.template_name, {"form": form})

    def post(self, request):
        form = CoordinatorProfileForm(request.POST, skills=selectors.skills_active_queryset())
        if form.is_valid():
            try:
                volunteer = services.volunteer_register(
                    by=request.user, values=form.values(), skills=form.cleaned_data["skills"]
                )
            except ValidationError as error:
                form_apply_errors(form, error)
            else:
                messages.success(request, _("De vrijwilliger is vastgelegd."))
                return redirect("volunteers:volunteer-detail", public_id=volunteer.public_id)
        return render(request, self.template_name, {"form": form})


class VolunteerDetailView(_CoordinatorView):
    def get(self, request, public_id):
        volunteer = selectors.volunteer_get(user=request.user, public_id=public_id, view="volunteers:volunteer-detail")
        status_form = StatusForm(initial={"status": volunteer.status, "status_reason": volunteer.status_reason})
        return render(request, "volunteers/volunteer_detail.html", {"volunteer": volunteer, "status_form": status_form})


class VolunteerUpdateView(_CoordinatorView):
    template_name = "volunteers/volunteer_form.html"

    def _volunteer(self, request, public_id):
        return selectors.volunteer_get(user=request.user, public_id=public_id, view="volunteers:volunteer-update")

    def get(self, request, public_id):
        volunteer = self._volunteer(request, public_id)
        form = CoordinatorProfileForm(initial=_profile_initial(volunteer), skills=selectors.skills_active_queryset())
        return render(request, self.template_name, {"form": form, "volunteer": volunteer})

    def post(self, request, public_id):
        volunteer = self._volunteer(request, public_id)
        form = CoordinatorProfileForm(request.POST, skills=selectors.skills_active_queryset())
        if form.is_valid():
            try:
                services.volunteer_update(
                    volunteer=volunteer, by=request.user, values=form.values(), skills=form.cleaned_data["skills"]
                )
            except ValidationError as error:
                form_apply_errors(form, error)
            else:
                messages.success(request, _("De gegevens zijn opgeslagen."))
                return redirect("volunteers:volunteer-detail", public_id=volunteer.public_id)
        return render(request, self.template_name, {"form": form, "volunteer": volunteer})


class VolunteerStatusView(_CoordinatorView):
    def post(self, request, public_id):
        volunteer = selectors.volunteer_get(user=request.user, public_id=public_id, view="volunteers:volunteer-status")
        form = StatusForm(request.POST)
        if form.is_valid():
            try:
                services.volunteer_status_set(
                    volunteer=volunteer,
                    status=form.cleaned_data["status"],
                    reason=form.cleaned_data["status_reason"],
                    by=request.user,
                )
            except ValidationError as error:
                form_apply_errors(form, error)
            else:
                messages.success(request, _("Status: %(status)s.") % {"status": volunteer.get_status_display()})
                return redirect("volunteers:volunteer-detail", public_id=volunteer.public_id)
        return render(request, "volunteers/volunteer_detail.html", {"volunteer": volunteer, "status_form": form})


class SkillListView(_CoordinatorView):
    def get(self, request):
        return render(request, "volunteers/skills.html", {"skills": selectors.skills_all(), "form": SkillForm()})

    def post(self, request):
        toggle = request.POST.get("toggle")
        if toggle:
            skill = next((s for s in selectors.skills_all() if str(s.pk) == toggle), None)
            if skill is not None:
                services.skill_toggle(skill=skill)
            return redirect("volunteers:skill-list")
        form = SkillForm(request.POST)
        if form.is_valid():
            try:
                services.skill_create(name=form.cleaned_data["name"])
            except ValidationError as error:
                form_apply_errors(form, error)
            else:
                messages.success(request, _("De vaardigheid is toegevoegd."))
                return redirect("volunteers:skill-list")
        return render(request, "volunteers/skills.html", {"skills": selectors.skills_all(), "form": form})


class FiguresView(PolicyRequiredMixin, View):
    permission = "volunteers.view_figures"

    def get(self, request):
        return render(request, "volunteers/figures.html", {"figures": selectors.volunteer_figures()})
