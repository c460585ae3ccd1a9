"""The privacy officer's pages: search the audit log, see a flag's log lines, review flags with a note."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from wijkkracht.core.policy import PolicyRequiredMixin

from . import selectors, services
from .forms import AuditSearchForm, FlagReviewForm
from .lines import flag_line, log_line, refusal_line


def _flag_or_404(pk) -> object:
    try:
        flag = selectors.flag_get(pk=int(pk))
    except (TypeError, ValueError):
        flag = None
    if flag is None:
        raise Http404
    return flag


class AuditLogView(PolicyRequiredMixin, TemplateView):
    permission = "audit.view_log"
    template_name = "audit/log.html"

    def get_context_data(self, **kwargs):
        params = self.request.GET.copy()
        params.pop("page", None)
        if flag_pk := self.request.GET.get("melding"):
            return self._flag_context(_flag_or_404(flag_pk), params, **kwargs)
        form = AuditSearchForm(self.request.GET or None)
        filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
        qs = selectors.audit_event_search(**filters) if not form.errors else selectors.audit_event_search().none()
        page_obj = Paginator(qs, 50).get_page(self.request.GET.get("page"))
        return super().get_context_data(
            form=form,
            page_obj=page_obj,
            lines=[log_line(e) for e in page_obj],
            query_string=params.urlencode(),
            **kwargs,
        )

    def _flag_context(self, flag, params, **kwargs):
        entries, refusals = selectors.flag_log_lines(flag)
        page_obj = Paginator(entries, 50).get_page(self.request.GET.get("page"))
        return super().get_context_data(
            flag=flag_line(flag),
            page_obj=page_obj,
            lines=[log_line(e) for e in page_obj],
            refusals=[refusal_line(r) for r in refusals[:200]],
            query_string=params.urlencode(),
            **kwargs,
        )


class FlagListView(PolicyRequiredMixin, TemplateView):
    permission = "audit.view_log"
    template_name = "audit/flags.html"

    def get_context_data(self, **kwargs):
        show_all = self.request.GET.get("alle") == "1"
        page_obj = Paginator(selectors.flag_list(open_only=not show_all), 50).get_page(self.request.GET.get("page"))
        return super().get_context_data(
            page_obj=page_obj,
            flags=[flag_line(f) for f in page_obj],
            show_all=show_all,
            query_string="alle=1" if show_all else "",
            **kwargs,
        )


class FlagReviewView(PolicyRequiredMixin, TemplateView):
    """One flag: what it is about, a link to its log lines, and the review with a note."""

    permission = "audit.view_log"
    template_name = "audit/flag_review.html"

    def get_context_data(self, form=None, **kwargs):
        flag = _flag_or_404(self.kwargs["pk"])
        return super().get_context_data(
            flag=flag_line(flag),
            form=form or FlagReviewForm(),
            lines_url=f"{reverse('audit:log')}?melding={flag.pk}",
            **kwargs,
        )

    def post(self, request, pk):
        flag = _flag_or_404(pk)
        form = FlagReviewForm(request.POST)
        if form.is_valid():
            try:
                services.flag_review(flag=flag, reviewer=request.user, note=form.cleaned_data["note"])
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("De melding is als bekeken gemarkeerd, met uw notitie."))
                return redirect("audit:flags")
        return self.render_to_response(self.get_context_data(form=form))
