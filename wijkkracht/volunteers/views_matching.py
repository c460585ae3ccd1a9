"""Requests for a volunteer and matching: ask (from the resident page), candidates one by one, the batch run,
and the match lifecycle that the coordinator moves along."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from wijkkracht.access.errors import NotFoundOrForbidden
from wijkkracht.core.forms import form_apply_errors
from wijkkracht.core.policy import PolicyRequiredMixin
from wijkkracht.people import selectors as people_selectors

from . import selectors, services
from .forms import EndForm, FollowUpForm, IntroduceForm, RequestForm, StartForm
from .selectors.requests import resident_open_help_requests


def _site(request) -> str:
    return request.build_absolute_uri("/")[:-1]


class RequestListView(PolicyRequiredMixin, View):
    permission = "volunteers.view_request"

    def get(self, request):
        status = request.GET.get("status", "open")
        if status not in ("open", "matched", "closed"):
            status = "open"
        page_obj = selectors.request_page(
            user=request.user, view="volunteers:request-list", status=status, page=request.GET.get("page", 1)
        )
        return render(
            request,
            "volunteers/request_list.html",
            {"page_obj": page_obj, "status": status, "query_string": f"status={status}"},
        )


class RequestCreateView(PolicyRequiredMixin, View):
    """Ask for a volunteer for a resident (from the resident page; a centre enters small neighbour help here)."""

    permission = "volunteers.add_request"
    template_name = "volunteers/request_form.html"

    def _setup(self, request, public_id, data=None):
        view = "volunteers:request-create"
        resident = people_selectors.resident_get(user=request.user, public_id=public_id, view=view)
        help_requests = resident_open_help_requests(user=request.user, resident=resident, view=view)
        initial = {"language": resident.preferred_language or "nl", "target": services.target_for(resident.birth_date)}
        form = RequestForm(
            data, initial=initial, skills=selectors.skills_active_queryset(), help_requests=help_requests
        )
        return resident, form

    def get(self, request, public_id):
        resident, form = self._setup(request, public_id)
        return render(request, self.template_name, {"form": form, "resident": resident})

    def post(self, request, public_id):
        resident, form = self._setup(request, public_id, request.POST)
        if form.is_valid():
            data = dict(form.cleaned_data)
            data.pop("help_request")
            try:
                made = services.request_create(
                    resident=resident, by=request.user, help_request=form.chosen_help_request(), **data
                )
            except ValidationError as error:
                form_apply_errors(form, error)
            else:
                messages.success(request, _("De vraag om een vrijwilliger staat bij de coördinator."))
                return redirect("volunteers:request-detail", public_id=made.public_id)
        return render(request, self.template_name, {"form": form, "resident": resident})


class RequestDetailView(PolicyRequiredMixin, View):
    """The request with, for the coordinator, the best candidates one by one and the reasons in words."""

    permission = "volunteers.view_request"

    def get(self, request, public_id):
        view = "volunteers:request-detail"
        req = selectors.request_get(user=request.user, public_id=public_id, view=view)
        context = {"req": req, "can_match": request.user.has_perm("volunteers.coordinate")}
        if context["can_match"] and req.status == "open":
            context.update(selectors.candidates_for(user=request.user, request=req, view=view))
        return render(request, "volunteers/request_detail.html", context)


class RequestProposeView(PolicyRequiredMixin, View):
    permission = "volunteers.coordinate"

    def post(self, request, public_id):
        view = "volunteers:request-propose"
        req = selectors.request_get(user=request.user, public_id=public_id, view=view)
        try:
            volunteer = selectors.volunteer_get(
                user=request.user, public_id=request.POST.get("volunteer", ""), view=view
            )
        except (NotFoundOrForbidden, ValidationError):
            messages.error(request, _("Kies een vrijwilliger uit de lijst."))
            return redirect("volunteers:request-detail", public_id=public_id)
        try:
            match = services.match_propose(request=req, volunteer=volunteer, by=request.user, site_url=_site(request))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("volunteers:request-detail", public_id=public_id)
        messages.success(
            request, _("Voorgesteld aan %(name)s; die krijgt een e-mail.") % {"name": volunteer.first_name}
        )
        return redirect("volunteers:match-detail", public_id=match.public_id)


class RequestCloseView(PolicyRequiredMixin, View):
    permission = "volunteers.coordinate"

    def post(self, request, public_id):
        req = selectors.request_get(user=request.user, public_id=public_id, view="volunteers:request-close")
        try:
            services.request_close(request=req, reason=request.POST.get("reason", ""), by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("De vraag is gesloten."))
        return redirect("volunteers:request-detail", public_id=public_id)


class BatchView(PolicyRequiredMixin, View):
    """All open requests at once: the optimal assignment as suggestions, each accepted or changed by hand."""

    permission = "volunteers.coordinate"

    def get(self, request):
        page_obj = selectors.match_page(
            user=request.user, view="volunteers:batch", group="suggested", page=request.GET.get("page", 1)
        )
        return render(
            request, "volunteers/batch.html", {"page_obj": page_obj, "run": request.session.pop("wk_batch", None)}
        )

    def post(self, request):
        if request.POST.get("accept"):
            return self._accept(request, request.POST["accept"])
        result = selectors.batch_suggestions(user=request.user, view="volunteers:batch")
        services.match_suggestions_replace(
            requests=result["requests"], suggestions=result["suggestions"], by=request.user
        )
        request.session["wk_batch"] = {
            "requests": len(result["requests"]),
            "matched": len(result["suggestions"]),
            "total": round(result["total"], 1),
            "greedy": round(result["greedy_total"], 1),
        }
        return redirect("volunteers:batch")

    def _accept(self, request, public_id):
        try:
            match = selectors.match_get(user=request.user, public_id=public_id, view="volunteers:batch")
            services.match_suggestion_accept(match=match, by=request.user, site_url=_site(request))
        except NotFoundOrForbidden:
            messages.error(request, _("Deze suggestie bestaat niet meer."))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Voorgesteld aan %(name)s.") % {"name": match.volunteer.first_name})
        return redirect("volunteers:batch")


def _match_context(request, match, **forms):
    return {
        "match": match,
        "hours": selectors.match_hours(match=match),
        "concerns": selectors.match_concerns(match=match),
        "introduce_form": forms.get("introduce") or IntroduceForm(),
        "start_form": forms.get("start") or StartForm(),
        "follow_up_form": forms.get("follow_up") or FollowUpForm(),
        "end_form": forms.get("end") or EndForm(),
        "can_change": request.user.has_perm("volunteers.coordinate"),
    }


class MatchDetailView(PolicyRequiredMixin, View):
    permission = "volunteers.view_match"

    def get(self, request, public_id):
        match = selectors.match_get(user=request.user, public_id=public_id, view="volunteers:match-detail")
        return render(request, "volunteers/match_detail.html", _match_context(request, match))


ACTIONS = {
    "introduce": (IntroduceForm, services.match_introduce, gettext_lazy("De kennismaking is gepland.")),
    "start": (
        StartForm,
        services.match_start,
        gettext_lazy("De koppeling is gestart; nabellen staat over vier weken klaar."),
    ),
    "follow_up": (FollowUpForm, services.match_follow_up_done, gettext_lazy("Het nabelgesprek is vastgelegd.")),
    "end": (EndForm, services.match_end, gettext_lazy("De koppeling is beëindigd.")),
}


class MatchActionView(PolicyRequiredMixin, View):
    """One step in the lifecycle (POST ``action``): introduce, start, follow_up, end, withdraw, concern."""

    permission = "volunteers.coordinate"

    def post(self, request, public_id):
        match = selectors.match_get(user=request.user, public_id=public_id, view="volunteers:match-action")
        action = request.POST.get("action", "")
        if action == "withdraw":
            return self._simple(
                request, match, lambda: services.match_withdraw(match=match, by=request.user), _("Ingetrokken.")
            )
        if action == "concern":
            concern = next(
                (c for c in selectors.match_concerns(match=match) if str(c.pk) == request.POST.get("concern")), None
            )
            if concern is not None:
                services.concern_handle(concern=concern, by=request.user)
            return redirect("volunteers:match-detail", public_id=public_id)
        if action not in ACTIONS:
            messages.error(request, _("Onbekende stap."))
            return redirect("volunteers:match-detail", public_id=public_id)
        form_class, service, done = ACTIONS[action]
        form = form_class(request.POST)
        if form.is_valid():
            try:
                service(match=match, by=request.user, **form.cleaned_data)
            except ValidationError as error:
                form_apply_errors(form, error)
            else:
                messages.success(request, done)
                return redirect("volunteers:match-detail", public_id=public_id)
        return render(request, "volunteers/match_detail.html", _match_context(request, match, **{action: form}))

    def _simple(self, request, match, call, done):
        try:
            call()
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, done)
        return redirect("volunteers:match-detail", public_id=match.public_id)
