"""Extra test data for the ZRM and plan tests (tests/factories.py stays as it is)."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wijkkracht.audit.models import AuditEvent, Refusal
from wijkkracht.cases.models import LifeDomain

from ..factories import DomainScoreFactory, SelfRelianceAssessmentFactory

DOMAINS = list(LifeDomain.values)


def all_scores(level=3, source="own_strength", **overrides) -> dict:
    """A complete ZRM: every domain at ``level``; ``overrides`` as domain=(level, source)."""
    scores = dict.fromkeys(DOMAINS, (level, source))
    scores.update(overrides)
    return scores


def post_data(level=3, source="own_strength", **overrides) -> dict:
    """The ZRM form as a browser posts it."""
    data = {}
    for domain, (lvl, src) in all_scores(level, source, **overrides).items():
        data[f"level_{domain}"] = str(lvl)
        data[f"source_{domain}"] = src
    return data


def make_assessment(resident, *, by, days_ago=0, level=3, source="own_strength", **overrides):
    assessment = SelfRelianceAssessmentFactory(
        resident=resident,
        assessed_by=by,
        assessed_at=timezone.now() - datetime.timedelta(days=days_ago),
    )
    for domain, (lvl, src) in all_scores(level, source, **overrides).items():
        DomainScoreFactory(assessment=assessment, domain=domain, level=lvl, strength_source=src)
    return assessment


def reads(**filters):
    return AuditEvent.objects.filter(event="personal_data_read", **filters)


def refusals(**filters):
    return Refusal.objects.filter(**filters)


def count_queries(fn) -> int:
    with CaptureQueriesContext(connection) as ctx:
        fn()
    return len(ctx.captured_queries)


def verified(user):
    """A user as the OTP middleware leaves them after the second factor (for calling selectors directly)."""
    user.is_verified = lambda: True
    return user
