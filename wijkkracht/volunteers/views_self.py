"""The volunteer's own pages, made for a phone: my matches, one match (answer, hours, a concern), my week, my calendar."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from wijkkracht.core.forms import form_apply_errors
from wijkkracht.core.policy import PolicyRequiredMixin

from . import selectors, services
from .forms import AvailabilityForm, ConcernForm, HoursForm, RespondForm


class _SelfView(PolicyRequiredMixin, View):
    permission = "volunteers.volunteer_self"


class MyHomeView(_SelfView):
    def get(self, request):
        volunteer = selectors.my_volunteer(user=request.user, view="volunteers:my")
        context = {
            "volunteer": volunteer,
            "matches": selectors.my_matches(user=request.user, view="volunteers:my"),
            "ended": selectors.my_matches(user=request.user, view="volunteers:my", current=False),
        }
        return render(request, "volunteers/my_home.html", context)


class MyMatchView(_SelfView):
    view_name = "volunteers:my-match"

    def context(self, request, public_id, **forms):
        match, shown = selectors.my_match_get(user=request.user, public_id=public_id, view=self.view_name)
        context = {
            "match": shown,
            "respond_form": forms.get("respond_form") or RespondForm(),
            "hours_form": forms.get("hours_form") or HoursForm(),
            "concern_form": forms.get("concern_form") or ConcernForm(),
        }
        return match, context

    def get(self, request, public_id):
        _match, context = self.context(request, public_id)
        return render(request, "volunteers/my_match.html", context)


class MyMatchRespondView(MyMatchView):
    view_name = "volunteers:my-match-respond"

    def post(self, request, public_id):
        match, _context = self.context(request, public_id)
        form = RespondForm(request.POST)
        if form.is_valid():
            try:
                services.match_respond(
                    match=match, accept=form.cleaned_data["answer"] == "yes", reason=form.cleaned_data["reason"]
                )
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(
                    request,
                    _("Dank u! De coördinator plant de kennismaking.")
                    if match.status == "agreed"
                    else _("Jammer. De coördinator zoekt iemand anders."),
                )
        return redirect("volunteers:my-match", public_id=public_id)


class MyMatchHoursView(MyMatchView):
    view_name = "volunteers:my-match-hours"

    def post(self, request, public_id):
        match, _context = self.context(request, public_id)
        form = HoursForm(request.POST)
        if form.is_valid():
            try:
                services.hours_report(match=match, **form.cleaned_data)
            except ValidationError as error:
                form_apply_errors(form, error)
            else:
                messages.success(request, _("Uw uren zijn opgeschreven. Dank u wel!"))
                return redirect("volunteers:my-match", public_id=public_id)
        _match, context = self.context(request, public_id, hours_form=form)
        return render(request, "volunteers/my_match.html", context)


class MyMatchConcernView(MyMatchView):
    view_name = "volunteers:my-match-concern"

    def post(self, request, public_id):
        match, _context = self.context(request, public_id)
        form = ConcernForm(request.POST)
        if form.is_valid():
            try:
                services.concern_report(match=match, text=form.cleaned_data["text"])
            except ValidationError as error:
                form_apply_errors(form, error)
            else:
                messages.success(request, _("Uw zorg is doorgegeven aan de coördinator."))
                return redirect("volunteers:my-match", public_id=public_id)
        _match, context = self.context(request, public_id, concern_form=form)
        return render(request, "volunteers/my_match.html", context)


class MyAvailabilityView(_SelfView):
    template_name = "volunteers/my_availability.html"

    def _volunteer(self, request):
        return selectors.my_volunteer(user=request.user, view="volunteers:my-availability")

    def get(self, request):
        volunteer = self._volunteer(request)
        initial = (
            {"availability": volunteer.availability, "max_distance_km": volunteer.max_distance_km} if volunteer else {}
        )
        return render(request, self.template_name, {"form": AvailabilityForm(initial=initial), "volunteer": volunteer})

    def post(self, request):
        volunteer = self._volunteer(request)
        form = AvailabilityForm(request.POST)
        if volunteer is not None and form.is_valid():
            try:
                services.volunteer_availability_set(volunteer=volunteer, **form.cleaned_data)
            except ValidationError as error:
                form_apply_errors(form, error)
            else:
                messages.success(request, _("Uw beschikbaarheid is bijgewerkt."))
                return redirect("volunteers:my")
        return render(request, self.template_name, {"form": form, "volunteer": volunteer})


class MyCalendarView(_SelfView):
    """The secret address of my calendar feed; renewing it makes the old one stop working."""

    def get(self, request):
        volunteer = selectors.my_volunteer(user=request.user, view="volunteers:my-calendar")
        feed = ""
        if volunteer is not None:
            feed = request.build_absolute_uri(reverse("volunteers:calendar-feed", args=[volunteer.calendar_token]))
        return render(request, "volunteers/my_calendar.html", {"volunteer": volunteer, "feed": feed})

    def post(self, request):
        volunteer = selectors.my_volunteer(user=request.user, view="volunteers:my-calendar")
        if volunteer is not None:
            services.volunteer_calendar_renew(volunteer=volunteer)
            messages.success(request, _("U heeft een nieuw agenda-adres. Het oude werkt niet meer."))
        return redirect("volunteers:my-calendar")
