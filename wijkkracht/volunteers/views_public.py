"""Pages without login: the public sign-up form, what happens next, a proposal's e-mail link, the calendar feed."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View

from wijkkracht.core.forms import form_apply_errors
from wijkkracht.core.policy import PUBLIC, PolicyRequiredMixin

from . import selectors, services
from .calendar import calendar_feed
from .forms import RespondForm, SignUpForm
from .ratelimit import rate_limited

HONEYPOT = "website"


class SignUpView(PolicyRequiredMixin, View):
    permission = PUBLIC
    template_name = "volunteers/signup.html"

    def _form(self, data=None):
        return SignUpForm(data, skills=selectors.skills_active_queryset())

    def get(self, request):
        return render(request, self.template_name, {"form": self._form()})

    def post(self, request):
        if rate_limited(request, scope="signup"):
            response = render(request, "volunteers/signup_limited.html", status=429)
            return response
        form = self._form(request.POST)
        if request.POST.get(HONEYPOT):
            # A robot filled in the hidden field: answer as if all went well, store nothing.
            return redirect("volunteers:signup-done")
        if form.is_valid():
            try:
                services.volunteer_sign_up(
                    values=form.values(),
                    skills=form.cleaned_data["skills"],
                    site_url=request.build_absolute_uri("/")[:-1],
                )
            except ValidationError as error:
                form_apply_errors(form, error)
            else:
                return redirect("volunteers:signup-done")
        return render(request, self.template_name, {"form": form}, status=200)


class SignUpDoneView(PolicyRequiredMixin, View):
    permission = PUBLIC

    def get(self, request):
        return render(request, "volunteers/signup_done.html")


class ProposalRespondView(PolicyRequiredMixin, View):
    """From the e-mail: the proposal (first name, neighbourhood, task) with yes / no. Logged as the volunteer."""

    permission = PUBLIC
    template_name = "volunteers/proposal_respond.html"

    def get(self, request, token):
        found = selectors.proposal_by_token(token=token, view="volunteers:proposal-respond")
        if found is None:
            return render(request, "volunteers/link_void.html", status=404)
        return render(request, self.template_name, {"match": found[1], "form": RespondForm()})

    def post(self, request, token):
        found = selectors.proposal_by_token(token=token, view="volunteers:proposal-respond")
        if found is None:
            return render(request, "volunteers/link_void.html", status=404)
        match, shown = found
        form = RespondForm(request.POST)
        if form.is_valid():
            try:
                services.match_respond(
                    match=match, accept=form.cleaned_data["answer"] == "yes", reason=form.cleaned_data["reason"]
                )
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                return render(request, "volunteers/proposal_answered.html", {"accepted": match.status == "agreed"})
        return render(request, self.template_name, {"match": shown, "form": form})


class CalendarFeedView(PolicyRequiredMixin, View):
    """The volunteer's appointments as iCalendar, at a secret address (no login: the address is the key)."""

    permission = PUBLIC

    def get(self, request, token):
        matches = selectors.calendar_by_token(token=token, view="volunteers:calendar-feed")
        if matches is None:
            return HttpResponse(_("Deze agenda-link werkt niet (meer)."), status=404, content_type="text/plain")
        response = HttpResponse(
            calendar_feed(matches, host=request.get_host()), content_type="text/calendar; charset=utf-8"
        )
        response["Content-Disposition"] = 'inline; filename="wijkkracht.ics"'
        return response
