"""Matching from the database: candidates for one request (with reasons), and the batch run of a coordinator.

The volunteers a coordinator may propose are those in their scope (the teams they coordinate for). Loading is
a few flat queries whatever the size of the city: the volunteers near the request (a bounding box on the
indexed grid point: the spatial prefilter in SQL), their skills, their current load, earlier matches of the
resident. Only the candidates shown are read as records, through the kernel, and logged.
"""

import datetime
from dataclasses import dataclass

import numpy as np
from django.db.models import Count, Exists, F, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from wijkkracht.access.reads import log_objects, read_list, scoped
from wijkkracht.volunteers import matching
from wijkkracht.volunteers.choices import LANGUAGE_CODES, Kind, Preference, Target, mask
from wijkkracht.volunteers.explain import FUNNEL_STEPS, advice, funnel_text, reasons
from wijkkracht.volunteers.models import VOG_VALID_YEARS, Match, Skill, Volunteer, VolunteerRequest

SPEC = Volunteer.personal_data
PREFERENCE_FOR = {Target.CHILD: Preference.CHILDREN, Target.ELDERLY: Preference.ELDERLY}
EARLIER = ("active", "ended", "introduced", "agreed")
LANGUAGE_BITS = {code: 1 << i for i, code in enumerate(LANGUAGE_CODES)}


@dataclass
class Candidate:
    volunteer: Volunteer
    score: float
    distance: float
    reasons: list


def _vog_until(issued: datetime.date | None) -> int:
    if issued is None:
        return 0
    try:
        return issued.replace(year=issued.year + VOG_VALID_YEARS).toordinal()
    except ValueError:
        return issued.replace(year=issued.year + VOG_VALID_YEARS, day=28).toordinal()


def skill_table() -> tuple[dict[int, int], dict[int, str]]:
    """Skill id → bit (the managed list has at most 63 entries), and bit → name (one query)."""
    rows = list(Skill.objects.order_by("id").values_list("id", "name"))
    return {pk: 1 << i for i, (pk, _n) in enumerate(rows)}, {1 << i: name for i, (_pk, name) in enumerate(rows)}


def _load_volunteers(
    queryset, bits: dict, *, resident_id=None, with_skills=True, records: list | None = None
) -> tuple[matching.Volunteers, set]:
    """The arrays of the volunteers in ``queryset`` (two queries: the rows with their load, their skills), and
    the (volunteer, resident) pairs of earlier matches with ``resident_id``. With ``records`` (a list), the
    rows are fetched as model instances (kept there, in row order), so that showing some costs no query more."""
    held = Match.objects.filter(volunteer=OuterRef("pk"), slot__isnull=False).values("volunteer")
    before = Value(False)
    if resident_id:
        before = Exists(Match.objects.filter(volunteer=OuterRef("pk"), resident_id=resident_id, status__in=EARLIER))
    queryset = queryset.annotate(
        held=Coalesce(Subquery(held.annotate(n=Count("id")).values("n")[:1]), 0), before=before
    )
    names = ("id", "x", "y", "max_distance_km", "kinds", "languages", "availability", "preferences")
    names = (*names, "vog_issued_on", "capacity", "held", "before")
    if records is None:
        rows = list(queryset.values_list(*names))
    else:
        shown = ("public_id", "first_name", "last_name", "team_id", "user_id", "resident_id")
        records.extend(queryset.only(*names[:10], *shown))
        rows = [tuple(getattr(v, name) for name in names) for v in records]
    ids = [r[0] for r in rows]
    skills = dict.fromkeys(ids, 0)
    if with_skills and ids:
        through = Volunteer.skills.through.objects.filter(volunteer_id__in=ids)
        for volunteer_id, skill_id in through.values_list("volunteer_id", "skill_id"):
            skills[volunteer_id] |= bits.get(skill_id, 0)

    def col(i, dtype=np.int64):
        return np.asarray([r[i] for r in rows], dtype=dtype)

    return matching.Volunteers(
        ids=np.asarray(ids, dtype=np.int64),
        x=col(1, np.float64),
        y=col(2, np.float64),
        max_km=col(3, np.float64),
        kinds=col(4),
        skills=np.asarray([skills[i] for i in ids], dtype=np.int64),
        languages=np.asarray([sum(LANGUAGE_BITS.get(c, 0) for c in r[5] or ()) for r in rows], dtype=np.int64),
        availability=col(6),
        preferences=col(7),
        vog_until=np.asarray([_vog_until(r[8]) for r in rows], dtype=np.int64),
        load=col(10),
        capacity=col(9),
    ), {(r[0], resident_id) for r in rows if r[11]}


def _requests_arrays(requests: list[VolunteerRequest], bits: dict, start: datetime.date) -> matching.Requests:
    def pref(r):
        wanted = PREFERENCE_FOR.get(r.target) or (Preference.LONG_TERM if r.long_term else Preference.ONE_OFF)
        return mask([wanted], Preference)

    return matching.Requests(
        ids=np.asarray([r.pk for r in requests], dtype=np.int64),
        x=np.asarray([r.x for r in requests], dtype=np.float64),
        y=np.asarray([r.y for r in requests], dtype=np.float64),
        max_km=np.asarray([r.max_distance_km for r in requests], dtype=np.float64),
        kind=np.asarray([mask([r.kind], Kind) for r in requests], dtype=np.int64),
        skills=np.asarray([sum(bits.get(s.pk, 0) for s in r.skills.all()) for r in requests], dtype=np.int64),
        language=np.asarray([mask([r.language], LANGUAGE_CODES) for r in requests], dtype=np.int64),
        availability=np.asarray([r.availability for r in requests], dtype=np.int64),
        preference=np.asarray([pref(r) for r in requests], dtype=np.int64),
        needs_vog=np.asarray([r.needs_vog for r in requests], dtype=bool),
        start=np.full(len(requests), start.toordinal(), dtype=np.int64),
        resident_ids=np.asarray([r.resident_id for r in requests], dtype=np.int64),
    )


def _active(user):
    return scoped(SPEC, user, Volunteer.objects.filter(status=Volunteer.Status.ACTIVE))


def _near(user, request: VolunteerRequest, km: float, *, rules_in_sql: bool = True, today=None):
    """Active volunteers in my scope within a box of ``km`` around the request (the spatial prefilter in SQL,
    on the indexed point). By default the cheap hard rules are applied in SQL too (kind of work, a moment in
    common, a valid VOG where needed), so only possible candidates are fetched."""
    qs = _active(user).filter(
        x__gte=request.x - km, x__lte=request.x + km, y__gte=request.y - km, y__lte=request.y + km
    )
    if rules_in_sql:
        qs = qs.annotate(
            kind_hit=F("kinds").bitand(mask([request.kind], Kind)),
            time_hit=F("availability").bitand(request.availability),
        ).filter(kind_hit__gt=0, time_hit__gt=0)
        if request.needs_vog:
            qs = qs.filter(vog_issued_on__gt=vog_issued_after(today or timezone.localdate()))
    return qs


def vog_issued_after(day: datetime.date) -> datetime.date:
    """A VOG issued after this date is still valid on ``day`` (valid for three years)."""
    try:
        return day.replace(year=day.year - VOG_VALID_YEARS)
    except ValueError:
        return day.replace(year=day.year - VOG_VALID_YEARS, day=28)


def _funnel(req: matching.Requests, vol: matching.Volunteers, km_factor: float = 1.0) -> dict:
    if len(vol) == 0:
        return dict.fromkeys(FUNNEL_STEPS, 0)
    r = np.zeros(len(vol), dtype=np.int64)
    v = np.arange(len(vol))
    widened = matching.Requests(**{**req.__dict__, "max_km": req.max_km * km_factor})
    rules = matching.pair_rules(widened, vol, r, v)
    if km_factor != 1.0:
        rules["reach"] = rules["distance"] <= widened.max_km[0]
    found, ok = {}, np.ones(len(vol), dtype=bool)
    for step in FUNNEL_STEPS:
        ok &= rules[step]
        found[step] = int(ok.sum())
    return found


def candidates_for(*, user, request: VolunteerRequest, view: str, limit: int = 8, today=None) -> dict:
    """The best volunteers for one request, each with the reasons in words; when there are none, why."""
    today = today or timezone.localdate()
    bits, names = skill_table()
    req = _requests_arrays([request], bits, today)
    near = _near(user, request, float(request.max_distance_km), today=today)
    records: list[Volunteer] = []
    vol, earlier = _load_volunteers(near, bits, resident_id=request.resident_id, records=records)
    cands = matching.candidates(req, vol, earlier=earlier)
    order = np.argsort(-cands.score, kind="stable")[:limit]
    chosen = [int(cands.volunteer[i]) for i in order]
    found = []
    for i, row in zip(order.tolist(), chosen, strict=True):
        volunteer = records[row]
        shared = int(req.skills[0] & vol.skills[row])
        words = reasons(
            distance=float(cands.distance[i]),
            request_language=request.language,
            overlap=int(req.availability[0] & vol.availability[row]),
            skill_names=[n for b, n in names.items() if shared & b],
            preference_hit=bool(vol.preferences[row] & req.preference[0]),
            request_preference=Preference.values[int(req.preference[0]).bit_length() - 1],
            load=int(vol.load[row]),
            earlier=(volunteer.pk, request.resident_id) in earlier,
        )
        found.append(Candidate(volunteer, round(float(cands.score[i]), 1), float(cands.distance[i]), words))
    log_objects(SPEC, user=user, view=view, objects=[c.volunteer for c in found], fields=("name", "match_reasons"))
    result = {"candidates": found, "funnel": [], "advice": []}
    if not found:
        # Why: every active volunteer within twice the distance, whatever their kind of work (one query more).
        around = _near(user, request, 2.0 * request.max_distance_km, rules_in_sql=False)
        vol, _earlier = _load_volunteers(around, bits, with_skills=False)
        funnel, wider = _funnel(req, vol), _funnel(req, vol, 2.0)
        result["funnel"] = funnel_text(funnel, max_km=request.max_distance_km, needs_vog=request.needs_vog)
        result["advice"] = advice(funnel, wider, max_km=request.max_distance_km, needs_vog=request.needs_vog)
    return result


def batch_suggestions(*, user, view: str, today=None) -> dict:
    """The optimal assignment of the open requests I may see to the active volunteers I may propose."""
    today = today or timezone.localdate()
    requests = read_list(
        VolunteerRequest.personal_data,
        user=user,
        view=view,
        queryset=VolunteerRequest.objects.filter(status=VolunteerRequest.Status.OPEN)
        .exclude(matches__status__in=("proposed", "agreed", "introduced", "active"))
        .prefetch_related("skills")
        .order_by("created_at", "id"),
        fields=("kind", "task", "availability"),
    )
    bits, _names = skill_table()
    vol, _none = _load_volunteers(_active(user), bits)
    req = _requests_arrays(requests, bits, today)
    resident_ids = [r.resident_id for r in requests]
    earlier = set(
        Match.objects.filter(resident_id__in=resident_ids, status__in=EARLIER).values_list(
            "volunteer_id", "resident_id"
        )
    )
    cands = matching.candidates(req, vol, earlier=earlier)
    best = matching.optimal(cands, len(req), vol)
    base = matching.greedy(cands, vol)
    volunteers = {v.pk: v for v in Volunteer.objects.filter(pk__in=[int(vol.ids[v]) for _r, v, _s in best.pairs])}
    suggestions = []
    for r, v, score in best.pairs:
        distance = float(np.hypot(req.x[r] - vol.x[v], req.y[r] - vol.y[v]))
        words = reasons(
            distance=distance,
            request_language=requests[r].language,
            overlap=int(req.availability[r] & vol.availability[v]),
            skill_names=[],
            preference_hit=bool(vol.preferences[v] & req.preference[r]),
            request_preference="",
            load=int(vol.load[v]),
            earlier=(int(vol.ids[v]), requests[r].resident_id) in earlier,
        )
        suggestions.append((requests[r], volunteers[int(vol.ids[v])], score, words))
    return {
        "requests": requests,
        "suggestions": suggestions,
        "total": best.total,
        "greedy_total": base.total,
        "unmatched": len(requests) - len(best),
        "edges": len(cands),
    }
