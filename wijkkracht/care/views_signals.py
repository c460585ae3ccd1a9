"""Signal pages: report a concern, the team's list, and triage (help request, pilot-light contact, close)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.generic import TemplateView, View

from wijkkracht.access.errors import NotFoundOrForbidden
from wijkkracht.core.forms import form_apply_errors
from wijkkracht.core.policy import PolicyRequiredMixin
from wijkkracht.people import selectors as people_selectors

from . import selectors, services
from .forms import SignalCloseForm, SignalForm, TriageRequestForm, TriageWatchForm
from .views_common import optional_url

SEARCH_PER_PAGE = 10


class SignalListView(PolicyRequiredMixin, TemplateView):
    """The team's signals for who triages them; for who only reports them (centre staff), their own reports."""

    permission = "care.add_signal"
    template_name = "care/signal_list.html"

    def get_context_data(self, **kwargs):
        if not self.request.user.has_perm("care.triage_signal"):
            page_obj = selectors.signal_page_reported(
                user=self.request.user, view="care:signal-list", page=self.request.GET.get("page", 1)
            )
            return super().get_context_data(page_obj=page_obj, reported_only=True, query_string="", **kwargs)
        status = self.request.GET.get("status", "new")
        status = status if status in dict(selectors.SIGNAL_STATUSES) or status == "all" else "new"
        page_obj = selectors.signal_page(
            user=self.request.user,
            view="care:signal-list",
            status="" if status == "all" else status,
            page=self.request.GET.get("page", 1),
        )
        return super().get_context_data(
            page_obj=page_obj,
            status=status,
            statuses=[
                ("new", _("Nieuw")),
                *[s for s in selectors.SIGNAL_STATUSES if s[0] != "new"],
                ("all", _("Alle")),
            ],
            query_string=f"status={status}",
            **kwargs,
        )


class SignalCreateView(PolicyRequiredMixin, View):
    """Report a concern: about a resident (from their page, ?inwoner=...) or about someone described."""

    permission = "care.add_signal"
    template_name = "care/signal_form.html"

    def _resident(self, request):
        public_id = request.GET.get("inwoner") or request.POST.get("inwoner")
        if not public_id:
            return None
        try:
            return people_selectors.resident_get(user=request.user, public_id=public_id, view="care:signal-create")
        except (NotFoundOrForbidden, ValidationError, ValueError):
            raise NotFoundOrForbidden from None

    def _render(self, request, form, resident):
        return render(request, self.template_name, {"form": form, "resident": resident})

    def get(self, request):
        resident = self._resident(request)
        teams = selectors.user_teams(user=request.user)
        return self._render(request, SignalForm(resident=resident, teams=teams), resident)

    def post(self, request):
        resident = self._resident(request)
        teams = selectors.user_teams(user=request.user)
        form = SignalForm(request.POST, resident=resident, teams=teams)
        if form.is_valid():
            data = form.cleaned_data
            team = next((t for t in teams if t.pk == data.get("team")), None)
            try:
                signal = services.signal_create(
                    source=data["source"],
                    concern=data["concern"],
                    reporter=data["reporter"],
                    reporter_contact=data["reporter_contact"],
                    resident=resident,
                    about=data.get("about", ""),
                    team=team,
                    received_by=request.user,
                )
            except ValidationError as error:
                form_apply_errors(form, error)
            else:
                messages.success(request, _("Het signaal is vastgelegd. Het team beoordeelt het."))
                if request.user.has_perm("care.triage_signal"):
                    return redirect("care:signal-detail", public_id=signal.public_id)
                if resident is not None:
                    return redirect("people:resident-detail", public_id=resident.public_id)
                return redirect("care:signal-list")  # the signals they reported, and what became of them
        return self._render(request, form, resident)


def _signal_context(request, signal, *, request_form=None, watch_form=None, close_form=None):
    """The signal page with its three triage forms (bound when one of them was posted)."""
    context = {"signal": signal, "is_new": signal.status == selectors.SIGNAL_NEW}
    if signal.help_request_id:
        context["help_request_url"] = optional_url("cases:request-detail", signal.help_request.public_id)
    if not context["is_new"]:
        return context
    need_resident = signal.resident_id is None
    q = (request.POST.get("q") or request.GET.get("q") or "").strip()[:100]
    residents = []
    if need_resident and q:
        residents = list(
            people_selectors.resident_page(
                user=request.user, view="care:signal-detail", query=q, per_page=SEARCH_PER_PAGE
            ).object_list
        )
    owners = selectors.watch_owner_choices(team=signal.team)
    for form in (request_form, watch_form):
        if form is not None:
            form.set_residents(residents)
    pick = {"residents": residents, "need_resident": need_resident}
    context.update(
        q=q,
        residents=residents,
        need_resident=need_resident,
        request_form=request_form or TriageRequestForm(initial={"channel": _default_channel(signal)}, **pick),
        watch_form=watch_form or TriageWatchForm(owners=owners, initial={"owner": request.user.pk}, **pick),
        close_form=close_form or SignalCloseForm(),
    )
    return context


def _default_channel(signal) -> str:
    return {"gp": "gp_referral", "school": "find_place", "worker": "outreach"}.get(signal.source, "partner_referral")


class SignalDetailView(PolicyRequiredMixin, View):
    permission = "care.triage_signal"

    def get(self, request, public_id):
        signal = selectors.signal_get(user=request.user, public_id=public_id, view="care:signal-detail")
        return render(request, "care/signal_detail.html", _signal_context(request, signal))


class _TriageView(PolicyRequiredMixin, View):
    """POST only: one triage outcome. On bad input the signal page is shown again with the errors."""

    permission = "care.triage_signal"
    form_class = None
    form_key = ""
    view_name = ""

    def form_kwargs(self, request, signal):
        return {}

    def post(self, request, public_id):
        signal = selectors.signal_get(user=request.user, public_id=public_id, view=self.view_name)
        if signal.status != selectors.SIGNAL_NEW:
            messages.error(request, _("Dit signaal is al afgehandeld; het kan niet nog een keer worden beoordeeld."))
            return redirect("care:signal-detail", public_id=signal.public_id)
        form = self.form_class(request.POST, **self.form_kwargs(request, signal))
        if form.is_valid():
            try:
                resident = self.chosen_resident(request, signal, form)
                if resident is not False:
                    self.act(request, signal, form, resident)
                    return redirect("care:signal-detail", public_id=signal.public_id)
            except ValidationError as error:
                form_apply_errors(form, error)
        context = _signal_context(request, signal, **{self.form_key: form})
        return render(request, "care/signal_detail.html", context)

    def chosen_resident(self, request, signal, form):
        """The resident picked for a signal about someone not yet known (False when not allowed)."""
        if signal.resident_id or "resident" not in form.cleaned_data:
            return None
        try:
            return people_selectors.resident_get(
                user=request.user, public_id=form.cleaned_data["resident"], view=self.view_name
            )
        except NotFoundOrForbidden:
            form.add_error("resident", _("Kies een inwoner uit de zoekresultaten."))
            return False


def _pick_kwargs(request, signal):
    return {"need_resident": signal.resident_id is None}


class SignalToRequestView(_TriageView):
    form_class = TriageRequestForm
    form_key = "request_form"
    view_name = "care:signal-to-request"

    def form_kwargs(self, request, signal):
        return _pick_kwargs(request, signal)

    def act(self, request, signal, form, resident):
        signal = services.signal_triage_to_request(
            signal=signal,
            by=request.user,
            channel=form.cleaned_data["channel"],
            question=form.cleaned_data["question"],
            resident=resident,
        )
        messages.success(request, _("Er is een hulpvraag gemaakt van dit signaal."))


class SignalToWatchView(_TriageView):
    form_class = TriageWatchForm
    form_key = "watch_form"
    view_name = "care:signal-to-watch"

    def form_kwargs(self, request, signal):
        return {**_pick_kwargs(request, signal), "owners": selectors.watch_owner_choices(team=signal.team)}

    def act(self, request, signal, form, resident):
        services.signal_triage_to_watch(
            signal=signal,
            by=request.user,
            owner=form.cleaned_data["owner"],
            interval_weeks=form.cleaned_data["interval_weeks"],
            resident=resident,
        )
        messages.success(request, _("Het signaal is omgezet in een waakvlamcontact."))


class SignalCloseView(_TriageView):
    form_class = SignalCloseForm
    form_key = "close_form"
    view_name = "care:signal-close"

    def act(self, request, signal, form, resident):
        services.signal_close(signal=signal, by=request.user, reason=form.cleaned_data["reason"])
        messages.success(request, _("Het signaal is gesloten."))
