"""`manage.py check --deploy`: the anchor key must be a key of its own in production."""

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def anchor_key_check(app_configs, **kwargs):
    if settings.AUDIT_ANCHOR_KEY:
        return []
    return [
        Warning(
            "AUDIT_ANCHOR_KEY is not set: the audit anchors are signed with a key derived from SECRET_KEY.",
            hint="Give the jobs that seal and verify the audit log a key of their own (docs/configuration.md).",
            id="wijkkracht.audit.W001",
        )
    ]
