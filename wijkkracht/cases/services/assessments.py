"""Writes for the Self-Reliance Matrix (ZRM): one assessment of all 13 life domains at one moment.

The caller has read the resident through a selector (policy applied, read logged); this only writes.
Earlier assessments are never changed: a new moment is a new assessment, so change over time shows.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkkracht.cases.models import DomainScore, LifeDomain, SelfRelianceAssessment, StrengthSource
from wijkkracht.cases.models.assessments import LEVEL_LABELS
from wijkkracht.cases.services.requests import team_of

# Re-exported for forms and serializers, which may not import the models (see pyproject.toml).
DOMAIN_CHOICES = LifeDomain.choices
LEVEL_CHOICES = [(level, label) for level, label in LEVEL_LABELS.items()]
SOURCE_CHOICES = StrengthSource.choices
INFORMAL_SOURCES = frozenset({StrengthSource.OWN_STRENGTH, StrengthSource.NETWORK})


def _level(value) -> int | None:
    try:
        level = int(value)
    except (TypeError, ValueError):
        return None
    return level if 1 <= level <= 5 else None


@transaction.atomic
def assessment_create(
    *, household, resident, by, scores: dict, note: str = "", help_request=None, assessed_at=None
) -> SelfRelianceAssessment:
    """Record a ZRM assessment: every domain gets a level (1-5) and where the strength comes from.

    ``scores`` maps each domain to ``(level, strength_source)``. All 13 domains are required; on any
    error nothing is saved and a ValidationError names the domains (keys: the domain values).
    """
    errors: dict[str, list[str]] = {}
    scores = dict(scores or {})
    note = (note or "").strip()
    assessed_at = assessed_at or timezone.now()
    if resident.household_id != household.id:
        errors.setdefault("__all__", []).append(_("Deze inwoner hoort niet bij dit huishouden."))
    if help_request is not None and help_request.resident_id != resident.id:
        errors.setdefault("__all__", []).append(_("Deze hulpvraag hoort niet bij deze inwoner."))
    if assessed_at > timezone.now() + timezone.timedelta(minutes=5):
        errors.setdefault("__all__", []).append(_("Een meting kan niet in de toekomst liggen."))
    if len(note) > 2000:
        errors.setdefault("note", []).append(_("De toelichting is te lang (hoogstens 2000 tekens)."))
    unknown = sorted(str(d) for d in scores if d not in LifeDomain.values)
    if unknown:
        errors.setdefault("__all__", []).append(
            _("Onbekend leefgebied: %(domains)s.") % {"domains": ", ".join(unknown)}
        )
    rows = []
    for domain in LifeDomain:
        value = scores.get(domain.value)
        if value is None:
            errors.setdefault(domain.value, []).append(
                _("Vul voor %(domain)s een niveau en de bron van kracht in.") % {"domain": domain.label}
            )
            continue
        try:
            raw_level, source = value
        except (TypeError, ValueError):
            errors.setdefault(domain.value, []).append(
                _("Vul voor %(domain)s een niveau en de bron van kracht in.") % {"domain": domain.label}
            )
            continue
        level = _level(raw_level)
        if level is None:
            errors.setdefault(domain.value, []).append(
                _("Kies voor %(domain)s een niveau van 1 tot en met 5.") % {"domain": domain.label}
            )
        if source not in StrengthSource.values:
            errors.setdefault(domain.value, []).append(
                _("Kies voor %(domain)s waar de kracht vandaan komt.") % {"domain": domain.label}
            )
        rows.append((domain.value, level, source))
    if errors:
        raise ValidationError(errors)
    assessment = SelfRelianceAssessment.objects.create(
        household=household,
        resident=resident,
        help_request=help_request,
        assessed_at=assessed_at,
        assessed_by=by,
        note=note,
        team=help_request.team if help_request else team_of(user=by, household=household),
    )
    DomainScore.objects.bulk_create(
        DomainScore(assessment=assessment, domain=domain, level=level, strength_source=source)
        for domain, level, source in rows
    )
    return assessment
