"""Notifications: what needs the user (a request assigned to them, a new signal for their team).

Opening one marks it read and leads to what it is about. Reads through cases.selectors.notifications.
"""

from django.shortcuts import redirect
from django.urls import reverse
from django.views import View
from django.views.generic import TemplateView

from wijkkracht.cases.selectors.notifications import KINDS, notification_get, notification_page
from wijkkracht.cases.services.notifications import notification_mark_read
from wijkkracht.core.policy import PolicyRequiredMixin


def notification_target(notification) -> str:
    """Where a notification leads: the request, or the signal (care's page, by name: workspace sits on top)."""
    if notification.kind == KINDS.SIGNAL and notification.target_ref:
        return reverse("care:signal-detail", args=[notification.target_ref])
    if notification.help_request_id:
        return reverse("cases:request-detail", args=[notification.help_request.public_id])
    return reverse("workspace:notification-list")


def with_links(notifications) -> list:
    for n in notifications:
        n.url = reverse("workspace:notification-open", args=[n.public_id])
    return notifications


class NotificationListView(PolicyRequiredMixin, TemplateView):
    permission = "cases.view_case"
    template_name = "workspace/notification_list.html"

    def get_context_data(self, **kwargs):
        page_obj = notification_page(
            user=self.request.user, view="workspace:notification-list", page=self.request.GET.get("page", 1)
        )
        with_links(page_obj.object_list)
        return super().get_context_data(page_obj=page_obj, query_string="", **kwargs)


class NotificationOpenView(PolicyRequiredMixin, View):
    """Open a notification: marked read, then on to the request or signal it is about."""

    permission = "cases.view_case"

    def get(self, request, public_id):
        notification = notification_get(user=request.user, public_id=public_id, view="workspace:notification-open")
        notification_mark_read(notification=notification)
        return redirect(notification_target(notification))
