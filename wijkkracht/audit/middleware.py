"""One web request is one audit call (``audit.services.audit_call``).

Everything a request reads is read in one transaction and logged as one entry per resident when the
request ends, still in that transaction (so nothing is shown that was not logged). An answer of 500 or
more rolls the transaction back: then nothing was shown, and nothing is logged. Refusals are kept
either way (they are written after the transaction). Put it after the authentication middleware.
"""

from django.db import transaction

from .services import audit_call


class AuditCallMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with audit_call() as call:
            response = self.get_response(request)
            if response.status_code in (403, 404):
                # A refused call shows nothing: whatever it read before refusing (the resident of the URL,
                # the plan of a goal that is not this plan's) is not logged as read.
                call.answered_refused = True
            if response.status_code >= 500:
                transaction.set_rollback(True)
            return response
