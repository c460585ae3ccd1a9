"""The privacy officer's pages: search the audit log, review flags."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from wijkkracht.core.policy import PolicyRequiredMixin

from . import selectors, services
from .forms import AuditSearchForm
from .models import Flag


class AuditLogView(PolicyRequiredMixin, TemplateView):
    permission = "audit.view_log"
    template_name = "audit/log.html"

    def get_context_data(self, **kwargs):
        form = AuditSearchForm(self.request.GET or None)
        filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
        qs = selectors.audit_event_search(**filters) if not form.errors else selectors.audit_event_search().none()
        page_obj = Paginator(qs, 50).get_page(self.request.GET.get("page"))
        params = self.request.GET.copy()
        params.pop("page", None)
        return super().get_context_data(form=form, page_obj=page_obj, query_string=params.urlencode(), **kwargs)


class FlagListView(PolicyRequiredMixin, TemplateView):
    permission = "audit.view_log"
    template_name = "audit/flags.html"

    def get_context_data(self, **kwargs):
        show_all = self.request.GET.get("alle") == "1"
        page_obj = Paginator(selectors.flag_list(open_only=not show_all), 50).get_page(self.request.GET.get("page"))
        return super().get_context_data(
            page_obj=page_obj, show_all=show_all, query_string="alle=1" if show_all else "", **kwargs
        )


class FlagReviewView(PolicyRequiredMixin, View):
    permission = "audit.view_log"
    http_method_names = ["post"]

    def post(self, request, pk):
        flag = get_object_or_404(Flag, pk=pk)
        services.flag_review(flag=flag, reviewer=request.user)
        messages.success(request, _("De melding is als bekeken gemarkeerd."))
        return redirect("audit:flags")
