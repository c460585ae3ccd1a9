"""Every request is one audited call: one transaction, one audit entry per resident read."""

from .services import audit_call


class AuditCallMiddleware:
    """Wraps the view (and the rendering of its response) in ``audit_call()``.

    All reads of a page share one transaction and are logged together when it ends, as one entry per
    resident; a request refused anywhere logs no read at all (see ``audit.services.audit_call``).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with audit_call() as call:
            response = self.get_response(request)
            if response.status_code in (403, 404):
                # A refused call shows nothing: whatever it read before refusing (the resident of the URL,
                # the plan of a goal that is not this plan's) is not logged as read.
                call.answered_refused = True
            return response
