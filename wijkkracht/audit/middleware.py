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
        with audit_call():
            return self.get_response(request)
