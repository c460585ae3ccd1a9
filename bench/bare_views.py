"""Bare views for the page benchmark (bench/pages.py): the rows of each measured page, read the plain Django
way (select_related / prefetch_related, one query per list), rendered with the page's own template, and
nothing else: no policy, no audit entry, no session, no transaction. Served only by bench/bare_settings.py
(its own URLconf), never by the production URLs.

The user whose page it is comes from ``?u=<id>`` and is kept in memory per process (no session, no
lookup per request), as is a request's language (Dutch). What the page's template shows of the user (the
menu, ``perms``) is answered from that object.
"""

import datetime

from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Case, Count, Exists, F, IntegerField, OuterRef, Q, Value, When
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone, translation

from wijkkracht.access.models import AccessGrant
from wijkkracht.accounts.models import User
from wijkkracht.care.forms import WatchLogForm
from wijkkracht.care.models import Signal, WatchContact
from wijkkracht.care.selectors import CONTACT_KINDS
from wijkkracht.care.selectors.carers import carer_queryset
from wijkkracht.cases.models import Contact, HelpRequest, PlanAction, SelfRelianceAssessment, SupportPlan
from wijkkracht.cases.selectors.resident import latest_scores
from wijkkracht.core.personal_data import DataCategory, registry
from wijkkracht.organisations.models import Team
from wijkkracht.people.bsn import bsn_mask
from wijkkracht.people.models import Relation, Resident
from wijkkracht.people.search import NAME_SIMILARITY, search_parse
from wijkkracht.people.selectors.search import _name_ids_postgres, structured_filter

OPEN = [s for s in HelpRequest.Status.values if s != HelpRequest.Status.CLOSED]
_USERS: dict[int, User] = {}


class _Verified:
    """Stands in for the second-factor device: the bare view has no session to check it against."""

    persistent_id = "bare"


class BareUserMiddleware:
    """``request.user`` from ``?u=`` (loaded once per process), Dutch active: no session, no lookup."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        uid = int(request.GET.get("u", "0") or 0)
        if not uid:
            return self.get_response(request)
        if uid not in _USERS:
            user = User.objects.select_related("organisation").get(pk=uid)
            user.otp_device = _Verified()
            user.is_verified = lambda: True
            _USERS[uid] = user
        request.user = _USERS[uid]
        translation.activate("nl")
        return self.get_response(request)


def _teams_of(user) -> list[int]:
    return list(Team.objects.filter(memberships__user=user).values_list("id", flat=True))


def _owners(resident) -> dict[str, set]:
    """Per data category, the teams that own records about the resident (one UNION, as the page shows)."""
    queries = []
    for spec in registry():
        if not spec.team:
            continue
        path = f"{spec.resident}_id" if spec.resident is not None else None
        if path is None:
            qs = spec.model.objects.filter(**{f"{spec.household}_id": resident.household_id})
        else:
            qs = spec.model.objects.filter(**{path: resident.pk})
        queries.append(
            qs.order_by()
            .annotate(wk_team=F(f"{spec.team}_id"), wk_cat=Value(spec.category))
            .values_list("wk_team", "wk_cat")
        )
    owners: dict[str, set] = {}
    for team_id, category in queries[0].union(*queries[1:]):
        owners.setdefault(category, set()).add(team_id)
    return owners


def _visibility(resident, owners, grants) -> list[dict]:
    nb = resident.household.neighbourhood_id
    ids = {t for ids in owners.values() for t in ids}
    serves = Team.neighbourhoods.through.objects.filter(team=OuterRef("pk"), neighbourhood_id=nb)
    teams = {t.pk: t for t in Team.objects.filter(Q(pk__in=ids) | Q(neighbourhoods=nb)).annotate(serves=Exists(serves))}
    rows = []
    for category in DataCategory:
        who = []
        if category == DataCategory.PERSONAL_DETAILS:
            who += [{"name": t.name, "ground": "team van de buurt"} for t in teams.values() if t.serves]
        for t in sorted(owners.get(category.value, ()), key=lambda t: teams[t].name):
            ground = teams[t].sharing_ground or "lid van het team"
            who.append({"name": teams[t].name, "ground": f"binnen het team, op grond van: {ground}"})
        who += [
            {"name": g.organisation.name, "ground": f"{g.get_ground_display()} ({g.get_purpose_display()})"}
            for g in grants
            if g.category == category.value
        ]
        rows.append({"category": category.value, "label": category.label, "who": who})
    return rows


def _case_section(resident) -> dict:
    closed_last = Case(
        When(status=HelpRequest.Status.CLOSED, then=Value(1)), default=Value(0), output_field=IntegerField()
    )
    requests = list(
        HelpRequest.objects.filter(resident=resident)
        .select_related("assigned_to", "team")
        .annotate(closed_last=closed_last)
        .order_by("closed_last", "-received_at", "-id")[:20]
    )
    for r in requests:
        r.detail_url = reverse("cases:request-detail", args=[r.public_id])
    contacts = list(
        Contact.objects.filter(resident=resident).select_related("by", "help_request").order_by("-at", "-id")[:10]
    )
    plan = (
        SupportPlan.objects.filter(household_id=resident.household_id)
        .select_related("coordinator", "team")
        .annotate(goal_count=Count("goals", distinct=True), action_count=Count("actions", distinct=True))
        .first()
    )
    assessment = (
        SelfRelianceAssessment.objects.filter(resident=resident)
        .select_related("assessed_by")
        .prefetch_related("scores")
        .order_by("-assessed_at", "-id")
        .first()
    )
    add_url = reverse("cases:request-create", args=[resident.public_id])
    return {
        "requests": requests,
        "contacts": contacts,
        "plan": plan,
        "latest_assessment": assessment,
        "latest_scores": latest_scores(assessment),
        "hidden_categories": [],
        "hidden_category_labels": [],
        "known_to": None,
        "can_add_request": True,
        "can_work": True,
        "plan_url": reverse("cases:plan-detail", args=[resident.household.public_id]),
        "assessment_history_url": reverse("cases:assessment-history", args=[resident.public_id]),
        "assessment_create_url": reverse("cases:assessment-create", args=[resident.public_id]),
        "add_request_url": add_url,
        "page_actions": [{"url": add_url, "label": "Nieuwe hulpvraag"}],
    }


def _care_section(resident) -> dict:
    carers = list(
        carer_queryset()
        .filter(Q(carer=resident) | Q(cared_for=resident), ended_at__isnull=True)
        .order_by("-registered_at", "-id")[:20]
    )
    for c in carers:
        c.hidden_people = set()
    watch = WatchContact.objects.select_related("owner").filter(resident=resident, ended_at__isnull=True).first()
    signals = list(Signal.objects.filter(resident=resident, status=Signal.Status.NEW).order_by("-received_at")[:20])
    return {
        "resident": resident,
        "carers": carers,
        "watch": watch,
        "signals": signals,
        "today": timezone.localdate(),
        "show_carers": True,
        "show_watch": True,
        "show_signals": True,
    }


def resident_page(request, public_id):
    resident = Resident.objects.select_related("household__neighbourhood__district").get(public_id=public_id)
    members = list(
        Resident.objects.filter(household_id=resident.household_id, merged_into__isnull=True)
        .exclude(pk=resident.pk)
        .order_by("birth_date", "id")
    )
    relations = list(
        Relation.objects.filter(resident=resident, related__merged_into__isnull=True)
        .select_related("related")
        .order_by("kind", "id")
    )
    for relation in relations:
        relation.related_visible = True
    grants = list(
        AccessGrant.objects.active()
        .filter(resident=resident)
        .select_related("organisation")
        .order_by("organisation__name", "-valid_until", "purpose", "category", "id")
    )
    sections = [
        {"template": "cases/partials/resident_section.html", "context": _case_section(resident)},
        {"template": "care/partials/resident_section.html", "context": _care_section(resident)},
    ]
    context = {
        "resident": resident,
        "members": members,
        "relations": relations,
        "consents": Paginator(grants, 10).get_page(1),
        "visibility": _visibility(resident, _owners(resident), grants),
        "bsn_masked": bsn_mask(resident.bsn_last_digits),
        "can_change": True,
        "can_reveal": True,
        "can_merge": True,
        "can_manage_consent": True,
        "sections": sections,
        "page_actions": [a for s in sections for a in s["context"].get("page_actions", [])],
    }
    return render(request, "people/resident_detail.html", context)


def _request_rows(queryset, limit: int) -> list:
    today = timezone.localdate()
    rows = list(queryset.select_related("resident__household", "assigned_to").order_by("received_at", "id")[:limit])
    for req in rows:
        req.age_days = (today - timezone.localtime(req.received_at).date()).days
        req.is_old = req.age_days >= 28
        req.url = reverse("cases:request-detail", args=[req.public_id])
    return rows


def _watch_due(**filters):
    return (
        WatchContact.objects.select_related("resident__household", "owner", "team")
        .filter(ended_at__isnull=True, **filters)
        .order_by("next_due", "id")
    )


def caseload(request):
    user, today = request.user, timezone.localdate()
    mine = HelpRequest.objects.filter(assigned_to=user, status__in=OPEN)
    rows = _request_rows(mine, 30)
    counts = {r["status"]: r["n"] for r in mine.values("status").annotate(n=Count("id"))}
    actions = list(
        PlanAction.objects.filter(
            owner_user=user, done_at__isnull=True, due_date__lte=today + datetime.timedelta(days=14)
        )
        .select_related("plan__household", "goal")
        .prefetch_related("plan__household__residents")
        .order_by("due_date", "id")[:15]
    )
    for action in actions:
        action.is_overdue = action.due_date < today
        residents = list(action.plan.household.residents.all())
        action.first_resident = residents[0] if residents else None
    due = _watch_due(owner=user, next_due__lte=today + datetime.timedelta(days=7))
    watch = list(due[:15])
    for w in watch:
        w.log_form = WatchLogForm(prefix=f"log-{str(w.public_id)[:8]}")
    columns = [
        {"status": s, "label": label, "count": counts.get(s, 0), "requests": [r for r in rows if r.status == s]}
        for s, label in HelpRequest.Status.choices
        if s in OPEN
    ]
    context = {
        "today": today,
        "columns": columns,
        "request_total": sum(counts.values()),
        "request_shown": len(rows),
        "actions": actions,
        "watch": watch,
        "watch_count": due.count(),
        "show_watch": True,
        "old_after_days": 28,
        "next_url": reverse("workspace:caseload"),
        "kinds": CONTACT_KINDS,
    }
    return render(request, "workspace/caseload.html", context)


def team_board(request):
    user, today = request.user, timezone.localdate()
    teams = list(Team.objects.filter(memberships__user=user).order_by("name"))
    team = teams[0]
    open_requests = HelpRequest.objects.filter(team=team, status__in=OPEN)
    counts = {r["status"]: r["n"] for r in open_requests.values("status").annotate(n=Count("id"))}
    columns = [
        {
            "status": s,
            "label": label,
            "count": counts.get(s, 0),
            "requests": _request_rows(open_requests.filter(status=s), 10),
        }
        for s, label in HelpRequest.Status.choices
        if s in OPEN
    ]
    unassigned = open_requests.filter(assigned_to__isnull=True)
    overdue = _watch_due(team=team, next_due__lt=today)
    signals = list(
        Signal.objects.select_related("resident__household", "team")
        .filter(team=team, status=Signal.Status.NEW)
        .order_by("received_at", "id")[:10]
    )
    for s in signals:
        s.hidden_people = set()
    context = {
        "teams": teams,
        "today": today,
        "team": team,
        "columns": columns,
        "request_total": sum(counts.values()),
        "unassigned": _request_rows(unassigned, 10),
        "unassigned_count": unassigned.count(),
        "overdue_watch": list(overdue[:15]),
        "overdue_watch_count": overdue.count(),
        "new_signals": signals,
        "signal_counts": {
            r["status"]: r["n"] for r in Signal.objects.filter(team=team).values("status").annotate(n=Count("id"))
        },
        "old_after_days": 28,
    }
    return render(request, "workspace/team_board.html", context)


def search(request):
    """The same search (structured filters, trigram ranking in the user's neighbourhoods), one page of 25."""
    user, q = request.user, request.GET.get("q", "").strip()[:100]
    parsed = search_parse(q)
    neighbourhoods = list(
        Team.neighbourhoods.through.objects.filter(team_id__in=_teams_of(user)).values_list(
            "neighbourhood_id", flat=True
        )
    )
    qs = structured_filter(
        Resident.objects.filter(household__neighbourhood_id__in=neighbourhoods, merged_into__isnull=True), parsed
    ).order_by("last_name", "first_name", "id")
    related = ("household__neighbourhood__district",)
    if parsed.terms:
        with connection.cursor() as cursor:
            cursor.execute("SELECT set_config('pg_trgm.word_similarity_threshold', %s, false)", [str(NAME_SIMILARITY)])
        page_obj = Paginator(_name_ids_postgres(qs, parsed.terms, neighbourhood_ids=neighbourhoods), 25).get_page(1)
        by_id = Resident.objects.select_related(*related).in_bulk(list(page_obj.object_list))
        page_obj.object_list = [by_id[pk] for pk in page_obj.object_list if pk in by_id]
    else:
        page_obj = Paginator(qs.select_related(*related), 25).get_page(1)
    page_obj.parsed = parsed
    context = {
        "page_obj": page_obj,
        "parsed": parsed,
        "hints": [],
        "q": q,
        "query_string": f"q={q}",
        "can_create": True,
    }
    return render(request, "people/resident_list.html", context)
