"""Pilot-light contact pages: start one from a resident, the team's list due and overdue, log, end."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView, View

from wijkkracht.cases.services.requests import team_for_household
from wijkkracht.core.forms import form_apply_errors
from wijkkracht.core.policy import PolicyRequiredMixin
from wijkkracht.people import selectors as people_selectors

from . import selectors, services
from .forms import TriageWatchForm, WatchLogForm, WatchStartForm
from .views_common import safe_next


class WatchListView(PolicyRequiredMixin, TemplateView):
    """The team's pilot-light contacts due within a week, overdue first; or only mine."""

    permission = "care.view_watch"
    template_name = "care/watch_list.html"

    def get_context_data(self, **kwargs):
        show = self.request.GET.get("toon", "team")
        show = show if show in ("team", "mijn", "te-laat") else "team"
        page_obj = selectors.watch_due_page(
            user=self.request.user,
            view="care:watch-list",
            mine=show == "mijn",
            overdue_only=show == "te-laat",
            page=self.request.GET.get("page", 1),
        )
        tabs = [("team", _("Team: deze week")), ("te-laat", _("Te laat")), ("mijn", _("Mijn contacten"))]
        return super().get_context_data(
            page_obj=page_obj,
            show=show,
            tabs=tabs,
            today=timezone.localdate(),
            query_string=f"toon={show}",
            **kwargs,
        )


class WatchCreateView(PolicyRequiredMixin, View):
    """Start a pilot-light contact for a resident (from the resident page)."""

    permission = "care.change_watch"
    template_name = "care/watch_form.html"

    def _setup(self, request, public_id):
        resident = people_selectors.resident_get(user=request.user, public_id=public_id, view="care:watch-create")
        team = team_for_household(resident.household)
        owners = selectors.watch_owner_choices(team=team)
        return resident, team, owners

    def get(self, request, public_id):
        resident, team, owners = self._setup(request, public_id)
        form = WatchStartForm(owners=owners, initial={"owner": request.user.pk, "first_due": timezone.localdate()})
        return render(request, self.template_name, {"form": form, "resident": resident, "team": team})

    def post(self, request, public_id):
        resident, team, owners = self._setup(request, public_id)
        form = WatchStartForm(request.POST, owners=owners)
        if form.is_valid():
            data = form.cleaned_data
            try:
                watch = services.watch_contact_start(
                    resident=resident,
                    owner=data["owner"],
                    interval_weeks=data["interval_weeks"],
                    reason=data["reason"],
                    first_due=data["first_due"],
                )
            except ValidationError as error:
                form_apply_errors(form, error)
            else:
                messages.success(request, _("Het waakvlamcontact is gestart."))
                return redirect("care:watch-detail", public_id=watch.public_id)
        return render(request, self.template_name, {"form": form, "resident": resident, "team": team})


def _detail_context(request, watch, *, log_form=None):
    return {
        "watch": watch,
        "today": timezone.localdate(),
        "contacts": selectors.watch_recent_contacts(user=request.user, watch=watch, view="care:watch-detail"),
        "log_form": log_form or WatchLogForm(),
        "can_change": request.user.has_perm("care.change_watch"),
    }


class WatchDetailView(PolicyRequiredMixin, View):
    permission = "care.view_watch"

    def get(self, request, public_id):
        watch = selectors.watch_get(user=request.user, public_id=public_id, view="care:watch-detail")
        return render(request, "care/watch_detail.html", _detail_context(request, watch))


class WatchLogView(PolicyRequiredMixin, View):
    """POST only: log a pilot-light contact ("contact vastleggen"). With htmx the quick form is swapped in place; without, a redirect."""

    permission = "care.change_watch"

    def post(self, request, public_id):
        watch = selectors.watch_get(
            user=request.user, public_id=public_id, view="care:watch-log", permission="care.change_watch"
        )
        form = WatchLogForm(request.POST, prefix=request.POST.get("prefix") or None)
        logged = False
        if form.is_valid():
            try:
                services.watch_contact_log(
                    watch=watch,
                    by=request.user,
                    kind=form.cleaned_data["kind"],
                    note=form.cleaned_data["note"],
                    at=form.contact_at(),
                )
                logged = True
            except ValidationError as error:
                form_apply_errors(form, error)
        if request.htmx:
            watch.refresh_from_db(fields=["next_due", "last_contact_at"])
            context = {
                "w": watch,
                "form": WatchLogForm(prefix=form.prefix) if logged else form,
                "logged": logged,
                "kinds": selectors.CONTACT_KINDS,
                "today": timezone.localdate(),
                "next": request.POST.get("next", ""),
            }
            return render(request, "care/partials/watch_quick_log.html", context)
        if logged:
            watch.refresh_from_db(fields=["next_due"])
            messages.success(
                request,
                _("Het contact is vastgelegd. Volgend contact: %(date)s.")
                % {"date": watch.next_due.strftime("%d-%m-%Y")},
            )
            return redirect(safe_next(request, reverse("care:watch-detail", args=[watch.public_id])))
        return render(request, "care/watch_detail.html", _detail_context(request, watch, log_form=form))


class WatchEndView(PolicyRequiredMixin, View):
    """End a pilot-light contact, after a confirmation page."""

    permission = "care.change_watch"

    def _watch(self, request, public_id):
        return selectors.watch_get(
            user=request.user, public_id=public_id, view="care:watch-end", permission="care.change_watch"
        )

    def get(self, request, public_id):
        return render(request, "care/watch_end.html", {"watch": self._watch(request, public_id)})

    def post(self, request, public_id):
        watch = self._watch(request, public_id)
        try:
            services.watch_contact_end(watch=watch, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Het waakvlamcontact is beëindigd."))
        return redirect("care:watch-detail", public_id=watch.public_id)


class WatchChangeForm(TriageWatchForm):
    """Owner and interval (as when starting one), and why the pilot-light contact is there."""

    reason = forms.CharField(
        label=gettext_lazy("Waarom een waakvlamcontact?"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": gettext_lazy("De reden is te lang (hoogstens 500 tekens).")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["interval_weeks"].help_text = gettext_lazy(
            "Verandert het interval, dan wordt het volgende contact opnieuw gepland vanaf het laatste contact."
        )


class WatchChangeView(PolicyRequiredMixin, View):
    """Change the owner, the interval or the reason of a pilot-light contact (from the watch page)."""

    permission = "care.change_watch"
    template_name = "care/watch_change.html"

    def _setup(self, request, public_id):
        watch = selectors.watch_get(
            user=request.user, public_id=public_id, view="care:watch-change", permission="care.change_watch"
        )
        return watch, selectors.watch_owner_choices(team=watch.team)

    def _render(self, request, watch, form, status=200):
        return render(request, self.template_name, {"watch": watch, "form": form}, status=status)

    def get(self, request, public_id):
        watch, owners = self._setup(request, public_id)
        initial = {"owner": watch.owner_id, "interval_weeks": watch.interval_weeks, "reason": watch.reason}
        return self._render(request, watch, WatchChangeForm(owners=owners, initial=initial))

    def post(self, request, public_id):
        watch, owners = self._setup(request, public_id)
        form = WatchChangeForm(request.POST, owners=owners)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.watch_contact_change(
                    watch=watch,
                    by=request.user,
                    owner=data["owner"],
                    interval_weeks=data["interval_weeks"],
                    reason=data["reason"],
                )
            except ValidationError as error:
                form_apply_errors(form, error)
            else:
                messages.success(
                    request,
                    _("Het waakvlamcontact is gewijzigd. Volgend contact: %(date)s.")
                    % {"date": watch.next_due.strftime("%d-%m-%Y")},
                )
                return redirect("care:watch-detail", public_id=watch.public_id)
        return self._render(request, watch, form, status=400)
