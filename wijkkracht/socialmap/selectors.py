"""Reads of the social map: the search (by need, life domain, neighbourhood, age, language, words) and one
resource. No personal data, so no audit entries; flat queries whose number does not grow with the map:
the count, the page and one query per prefetched relation (terms, opening hours, neighbourhoods)."""

import datetime
from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db.models import Count, Exists, OuterRef, Prefetch, Q
from django.utils import timezone

from wijkkracht.areas.models import Neighbourhood

from .models import Location, OpeningHours, Provider, Resource, ResourceTerm
from .taxonomy import Kind, Scheme

PER_PAGE = 20
STALE_AFTER_DAYS = 365  # data not checked for a year is shown as "check before referring"


@dataclass(frozen=True)
class Search:
    need: str = ""
    domain: str = ""
    neighbourhood: int | None = None  # Neighbourhood id
    age: int | None = None
    language: str = ""
    kind: str = ""
    q: str = ""
    include_inactive: bool = False

    @property
    def is_empty(self) -> bool:
        return not any(
            [self.need, self.domain, self.neighbourhood, self.age is not None, self.language, self.kind, self.q]
        )


def _has_term(scheme: str, code: str):
    return Exists(ResourceTerm.objects.filter(resource=OuterRef("pk"), scheme=scheme, code=code))


def resource_queryset():
    return Resource.objects.select_related("provider", "location__neighbourhood").prefetch_related(
        Prefetch("terms", queryset=ResourceTerm.objects.order_by("scheme", "code")),
        Prefetch("opening_hours", queryset=OpeningHours.objects.order_by("weekday", "opens_at")),
        Prefetch("neighbourhoods", queryset=Neighbourhood.objects.order_by("name")),
    )


def resource_filter(search: Search, queryset=None):
    """The resources that match ``search`` (active ones only unless asked), in name order. Conditions on
    locations, service areas and providers are subqueries, so the filter joins nothing (the page's rows are
    joined to their provider and location afterwards, by ``select_related``)."""
    qs = resource_queryset() if queryset is None else queryset
    if not search.include_inactive:
        qs = qs.filter(status=Resource.Status.ACTIVE)
    if search.need:
        qs = qs.filter(_has_term(Scheme.NEED, search.need))
    if search.domain:
        qs = qs.filter(_has_term(Scheme.DOMAIN, search.domain))
    if search.language:
        qs = qs.filter(_has_term(Scheme.LANGUAGE, search.language))
    if search.kind:
        qs = qs.filter(kind=search.kind)
    if search.neighbourhood is not None:
        served = Resource.neighbourhoods.through.objects.filter(
            resource_id=OuterRef("pk"), neighbourhood_id=search.neighbourhood
        )
        located = Location.objects.filter(neighbourhood_id=search.neighbourhood).values("id")
        qs = qs.filter(Q(city_wide=True) | Q(location_id__in=located) | Exists(served))
    if search.age is not None:
        qs = qs.filter(Q(minimum_age__isnull=True) | Q(minimum_age__lte=search.age))
        qs = qs.filter(Q(maximum_age__isnull=True) | Q(maximum_age__gte=search.age))
    if search.q:
        words = Q()
        for word in search.q.split()[:5]:
            by_provider = Provider.objects.filter(name__icontains=word).values("id")
            words &= Q(name__icontains=word) | Q(description__icontains=word) | Q(provider_id__in=by_provider)
        qs = qs.filter(words)
    return qs.order_by("name", "id")


def resource_search(*, search: Search, page=1, per_page: int = PER_PAGE):
    """One page of the search: a Django ``Page`` whose resources have their terms and hours prefetched."""
    return Paginator(resource_filter(search), per_page).get_page(page)


def resource_get(*, public_id, include_inactive: bool = True) -> Resource:
    qs = resource_queryset()
    if not include_inactive:
        qs = qs.filter(status=Resource.Status.ACTIVE)
    return qs.get(public_id=public_id)


def resources_for_export(*, include_inactive: bool = False):
    qs = resource_queryset().select_related("provider", "location__neighbourhood")
    if not include_inactive:
        qs = qs.exclude(status=Resource.Status.DEFUNCT)
    return qs.order_by("name", "id")


def resource_choices(*, kind: str = "", need: str = "") -> list[Resource]:
    """Active resources for a select (an activity for a prescription, a course for language help)."""
    qs = Resource.objects.filter(status=Resource.Status.ACTIVE).select_related("provider")
    if kind:
        qs = qs.filter(kind=kind)
    if need:
        qs = qs.filter(_has_term(Scheme.NEED, need))
    return list(qs.order_by("name", "id")[:500])


def provider_choices() -> list[Provider]:
    return list(Provider.objects.order_by("name", "id"))


def neighbourhood_choices() -> list[Neighbourhood]:
    return list(Neighbourhood.objects.order_by("name"))


def resource_figures() -> dict:
    """How the map stands: resources per kind, and how many were checked within the year (figures only)."""
    since = timezone.localdate() - datetime.timedelta(days=STALE_AFTER_DAYS)
    active = Resource.objects.filter(status=Resource.Status.ACTIVE)
    per_kind = dict(active.values_list("kind").annotate(n=Count("id")).order_by())
    return {
        "active": sum(per_kind.values()),
        "per_kind": [(str(label), per_kind.get(value, 0)) for value, label in Kind.choices],
        "verified_within_year": active.filter(last_verified_on__gte=since).count(),
    }


def is_stale(resource: Resource) -> bool:
    if resource.last_verified_on is None:
        return True
    return resource.last_verified_on < timezone.localdate() - datetime.timedelta(days=STALE_AFTER_DAYS)
