"""The only way to read personal data: decided by the policy, logged in the same transaction.

Each selector takes the user, checks the permission and the record scope, reads, and writes the
audit entries before the transaction commits. A refused read raises ``NotFoundOrForbidden`` (shown
as "not found", so an error never reveals whether a record exists) and writes no read entry.
"""

from functools import reduce
from operator import or_

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import connection, transaction
from django.db.models import BooleanField, Count, Exists, F, FloatField, Func, OuterRef, Q, Value
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkkracht.audit.models import Event, Purpose
from wijkkracht.cases.models import SupportPlan
from wijkkracht.organisations.models import Team
from wijkkracht.people.bsn import bsn_decrypt, bsn_hash
from wijkkracht.people.models import Household, Relation, Resident
from wijkkracht.people.search import NAME_SIMILARITY, ParsedQuery, inner_trigrams, name_score, search_parse

from .errors import BreakGlassReasonRequired, NotFoundOrForbidden
from .models import AccessGrant
from .reads import log_reads, read_one, refuse
from .rules import GRANT_ROLES, TEAM_ROLES
from .scopes import household_scopes, list_purpose, resident_q, resident_scopes, team_neighbourhood_ids

# What the resident page shows, named in every audit entry it writes.
RESIDENT_PAGE_FIELDS = ["name", "birth_date", "address", "neighbourhood", "phone", "email", "preferred_language"]
RESIDENT_LIST_FIELDS = ["name", "birth_date", "postcode"]
RESIDENT_EXPORT_FIELDS = ["name", "birth_date", "address", "neighbourhood", "phone"]
BREAK_GLASS_MIN_REASON = 15


def _resident_queryset():
    return Resident.objects.select_related("household__neighbourhood__district")


def _refs(resident) -> list[str]:
    return [str(resident.public_id)]


def _log_reads(*, user, residents, fields: list[str], view: str, purpose: str, **extra) -> None:
    log_reads(
        user=user,
        subject_refs=[r.public_id for r in residents],
        object_type="people.Resident",
        fields=fields,
        view=view,
        purpose=purpose,
        **extra,
    )


def _list_purpose(user) -> str:
    return list_purpose(resident_scopes(user))


def _refuse(*, user, ref: str, view: str):
    refuse(user=user, ref=ref, view=view)


def resident_get(
    *, user, public_id, view: str, fields: list[str] = RESIDENT_PAGE_FIELDS, permission: str = "people.view_resident"
) -> Resident:
    """One resident the user may see through their teams or a grant; logged with that purpose.

    ``permission`` is what the caller is about to do (view, change, merge, manage consent).
    """
    return read_one(
        user=user,
        permission=permission,
        queryset=_resident_queryset(),
        scopes=resident_scopes(user),
        lookup={"public_id": public_id},
        subject=_refs,
        object_type="people.Resident",
        fields=fields,
        view=view,
    )


def resident_get_break_glass(*, user, public_id, view: str, reason: str, fields=RESIDENT_PAGE_FIELDS) -> Resident:
    """Open any resident with a stated reason. Always logged as such and flagged to the privacy officer."""
    reason = (reason or "").strip()
    if len(reason) < BREAK_GLASS_MIN_REASON:
        raise BreakGlassReasonRequired
    if not user.has_perm("people.break_glass"):
        _refuse(user=user, ref=public_id, view=view)
    with transaction.atomic(savepoint=False):
        resident = _resident_queryset().filter(public_id=public_id).first()
        if resident is not None:
            _log_reads(
                user=user,
                residents=[resident],
                fields=fields,
                view=view,
                purpose=Purpose.BREAK_GLASS,
                reason=reason,
                event=Event.BREAK_GLASS_READ,
            )
            return resident
    _refuse(user=user, ref=public_id, view=view)


def resident_page(*, user, view: str, query: str = "", page: int | str = 1, per_page: int = 25):
    """A page of the residents the user may see, found by the one search box (see ``resident_search``)."""
    return resident_search(user=user, view=view, query=query, page=page, per_page=per_page)


def resident_export_rows(*, user, view: str) -> list[Resident]:
    """Every resident the user may see, for a CSV export; each exported resident is logged."""
    if not user.has_perm("people.view_resident"):
        raise NotFoundOrForbidden
    with transaction.atomic(savepoint=False):
        residents = list(_resident_queryset().filter(resident_q(user)).order_by("last_name", "first_name", "id"))
        _log_reads(
            user=user, residents=residents, fields=RESIDENT_EXPORT_FIELDS, view=view, purpose=_list_purpose(user)
        )
    return residents


def resident_count_visible(*, user) -> int:
    """How many residents the user may see: a figure, not personal data, so not logged."""
    if not user.has_perm("people.view_resident"):
        return 0
    return Resident.objects.filter(resident_q(user)).count()


def resident_figures_by_team(*, user) -> list[dict]:
    """Residents and households per neighbourhood team: figures only, never names."""
    if not user.has_perm("monitoring.view_figures"):
        raise NotFoundOrForbidden
    return list(
        Team.objects.filter(kind=Team.Kind.NEIGHBOURHOOD_TEAM)
        .annotate(
            residents=Count("neighbourhoods__households__residents", distinct=True),
            households=Count("neighbourhoods__households", distinct=True),
        )
        .values("name", "cluster__name", "residents", "households")
        .order_by("cluster__name", "name")
    )


# --- the one search box ---------------------------------------------------------------------------

# On SQLite (no pg_trgm) name searches rank at most this many candidates in Python.
SEARCH_CANDIDATE_CAP = 3000
HINT_MAX_RESIDENTS = 5
BSN_REVEAL_MIN_REASON = 15


class _WordSimilar(Func):
    """``'term' <% search_name``: a word of the name is similar to the term (pg_trgm, uses the GIN index)."""

    template = "%(expressions)s"
    arg_joiner = " <%% "
    output_field = BooleanField()


class _WordSimilarity(Func):
    function = "word_similarity"
    output_field = FloatField()


def _word_prefix(field: str, term: str) -> Q:
    return Q(**{f"{field}__startswith": term}) | Q(**{f"{field}__contains": f" {term}"})


def _exact_word(field: str, term: str) -> Q:
    return (
        Q(**{field: term})
        | Q(**{f"{field}__startswith": f"{term} "})
        | Q(**{f"{field}__endswith": f" {term}"})
        | Q(**{f"{field}__contains": f" {term} "})
    )


def _structured_filter(qs, parsed: ParsedQuery):
    """BSN (keyed hash, exact), address and birth date: exact filters, index-friendly on both databases."""
    if parsed.bsn_invalid:
        return qs.none()
    if parsed.bsn:
        qs = qs.filter(bsn_hash=bsn_hash(parsed.bsn))
    if parsed.postcode:
        qs = qs.filter(
            household__postcode__in=[parsed.postcode, parsed.postcode.replace(" ", "")],
            household__house_number=parsed.house_number,
        )
        if parsed.house_number_suffix:
            qs = qs.filter(household__house_number_suffix__iexact=parsed.house_number_suffix)
    if parsed.birth_date:
        qs = qs.filter(birth_date=parsed.birth_date)
    return qs


def _is_postgres() -> bool:
    return connection.vendor == "postgresql"


def _name_ids_postgres(qs, terms: list[str], *, neighbourhood_ids: list[int] | None = None) -> list[int]:
    """Typo-tolerant on PostgreSQL: every term similar to a word of the name (``<%``, served by the trigram
    index), best matches first. One query for the ids of all matches (at most SEARCH_CANDIDATE_CAP), so
    the page and the count need no second scan.

    ``neighbourhood_ids`` (a team worker's neighbourhoods, as literal values) narrows the candidates through
    the combined neighbourhood + trigram index (people migration 0005), so only names in those
    neighbourhoods are rechecked. It only narrows: the user's scope is applied to ``qs`` as always."""
    if neighbourhood_ids is not None:
        qs = qs.filter(neighbourhood_id__in=neighbourhood_ids)
    score = None
    for term in terms:
        if len(term) < 3:
            qs = qs.filter(_word_prefix("search_name", term))
            continue
        qs = qs.filter(_WordSimilar(Value(term), F("search_name")))
        similarity = _WordSimilarity(Value(term), F("search_name"))
        score = similarity if score is None else score + similarity
    if score is None:
        qs = qs.order_by("last_name", "first_name", "id")
    else:
        qs = qs.annotate(search_score=score).order_by("-search_score", "last_name", "first_name", "id")
    return list(qs.values_list("id", flat=True)[:SEARCH_CANDIDATE_CAP])


def _name_ids_fallback(qs, terms: list[str]) -> list[int]:
    """Without pg_trgm: candidates sharing a three-letter piece with every term, ranked by trigram similarity."""
    for term in terms:
        pieces = inner_trigrams(term)
        if len(term) < 3 or not pieces:
            qs = qs.filter(_word_prefix("search_name", term))
        else:
            qs = qs.filter(reduce(or_, (Q(search_name__contains=p) for p in pieces)))
    candidates = qs.order_by("id").values_list("id", "search_name")[:SEARCH_CANDIDATE_CAP]
    scored = [(name_score(terms, name), name, pk) for pk, name in candidates]
    return [pk for score, _name, pk in sorted((s for s in scored if s[0] > 0), key=lambda s: (-s[0], s[1], s[2]))]


def _search_neighbourhoods(user) -> list[int] | None:
    """The neighbourhoods a team-only user may search in, as a list (None: the scope has other parts)."""
    if user.role in TEAM_ROLES and user.role not in GRANT_ROLES:
        return list(team_neighbourhood_ids(user).values_list("neighbourhood_id", flat=True))
    return None


def resident_search(*, user, view: str, query: str = "", page: int | str = 1, per_page: int = 25, exclude=None):
    """One page of the residents the user may see, found by one search box; each shown resident is logged.

    The box understands a BSN (nine digits, found by its keyed hash), a postcode and house number
    ("1315 AB 12", "1315AB12"), a birth date (dd-mm-jjjj) and names, typo-tolerant ("Bakkr" finds
    Bakker): trigram word similarity on PostgreSQL, a ranked candidate search elsewhere. Merged
    records are never shown. The page gets ``parsed`` (what the box understood).
    """
    if not user.has_perm("people.view_resident"):
        raise NotFoundOrForbidden
    parsed = search_parse(query)
    qs = _structured_filter(_resident_queryset().filter(resident_q(user)), parsed)
    if exclude is not None:
        qs = qs.exclude(pk=exclude.pk)
    ranked_ids = None
    qs = qs.order_by("last_name", "first_name", "id")
    with transaction.atomic(savepoint=False):
        if parsed.terms and _is_postgres():
            # The default (0.6) misses two typos in a short name ("fatma"); this transaction only.
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT set_config('pg_trgm.word_similarity_threshold', %s, true)", [str(NAME_SIMILARITY)]
                )
            ranked_ids = _name_ids_postgres(qs, parsed.terms, neighbourhood_ids=_search_neighbourhoods(user))
        elif parsed.terms:
            ranked_ids = _name_ids_fallback(qs, parsed.terms)
        if ranked_ids is None:
            page_obj = Paginator(qs, per_page).get_page(page)
            residents = list(page_obj.object_list)
        else:
            page_obj = Paginator(ranked_ids, per_page).get_page(page)
            by_id = _resident_queryset().in_bulk(list(page_obj.object_list))
            residents = [by_id[pk] for pk in page_obj.object_list if pk in by_id]
        _log_reads(user=user, residents=residents, fields=RESIDENT_LIST_FIELDS, view=view, purpose=_list_purpose(user))
    page_obj.object_list = residents
    page_obj.parsed = parsed
    return page_obj


# --- "known elsewhere": who to contact, never the resident's data -------------------------------


def _hints_for(residents: list) -> dict[int, dict]:
    """Per resident id: the teams serving their neighbourhood, and their plan's coordinator."""
    household_ids = {r.household_id for r in residents}
    neighbourhood_ids = {r.household.neighbourhood_id for r in residents}
    teams_by_neighbourhood: dict[int, list[dict]] = {}
    links = (
        Team.neighbourhoods.through.objects.filter(neighbourhood_id__in=neighbourhood_ids)
        .order_by("-team__kind", "team__name")
        .values_list("neighbourhood_id", "team__name", "team__phone", "team__email")
    )
    for neighbourhood_id, name, phone, email in links:
        teams_by_neighbourhood.setdefault(neighbourhood_id, []).append({"name": name, "phone": phone, "email": email})
    coordinators = {
        plan.household_id: plan.coordinator.get_full_name() or plan.coordinator.get_username()
        for plan in SupportPlan.objects.filter(household_id__in=household_ids).select_related("coordinator")
    }
    return {
        r.pk: {
            "teams": teams_by_neighbourhood.get(r.household.neighbourhood_id, []),
            "coordinator": coordinators.get(r.household_id, ""),
        }
        for r in residents
    }


def _log_hint(*, user, residents, view: str, reason: str) -> None:
    _log_reads(
        user=user,
        residents=residents,
        fields=["known_to_team"],
        view=view,
        purpose=_list_purpose(user),
        reason=reason,
        event=Event.KNOWN_ELSEWHERE_HINT,
    )


def resident_known_elsewhere(*, user, view: str, query: str) -> list[dict]:
    """For a precise search (BSN, postcode + house number, or full name + birth date) that found nothing the
    user may see: which team(s) know the resident and who to contact, so work is not done twice.

    Returns a list of ``{"teams": [{"name", "phone", "email"}], "coordinator": str}``, never a name or any
    other data of the resident. Each hint is logged (event ``known_elsewhere_hint``).
    """
    if not user.has_perm("people.view_resident"):
        return []
    parsed = search_parse(query)
    if not parsed.precise:
        return []
    qs = _structured_filter(Resident.objects.filter(merged_into__isnull=True), parsed)
    for term in parsed.terms:
        qs = qs.filter(_exact_word("search_name", term))
    visible = Resident.objects.filter(resident_q(user)).values("pk")
    qs = qs.exclude(pk__in=visible).select_related("household").order_by("id")
    with transaction.atomic(savepoint=False):
        residents = list(qs[:HINT_MAX_RESIDENTS])
        if not residents:
            return []
        hints = _hints_for(residents)
        _log_hint(user=user, residents=residents, view=view, reason=f"gezocht op: {', '.join(parsed.kinds)}")
    unique = []
    for hint in hints.values():
        if hint not in unique:
            unique.append(hint)
    return unique


def resident_known_to(*, user, resident, view: str) -> dict:
    """For a resident the user may see but whose case records they may not: the team(s) that know the
    resident and the plan's coordinator, ``{"teams": [{"name", "phone", "email"}], "coordinator": str}``.

    Not logged separately: the caller shows it on a page whose read of this resident is logged already
    (``resident_get``). Refused (NotFoundOrForbidden) when the user may not see the resident at all.
    """
    ref = resident.public_id
    if not user.has_perm("people.view_resident"):
        refuse(user=user, ref=ref, view=view)
    resident = Resident.objects.filter(resident_q(user), pk=resident.pk).select_related("household").first()
    if resident is None:
        refuse(user=user, ref=ref, view=view)
    return _hints_for([resident])[resident.pk]


# --- the BSN ---------------------------------------------------------------------------------------


def resident_bsn_reveal(*, user, public_id, view: str, reason: str) -> str:
    """The BSN of a resident in the user's scope, with a stated reason: logged (event ``bsn_revealed``)."""
    reason = (reason or "").strip()
    if len(reason) < BSN_REVEAL_MIN_REASON:
        raise ValidationError(
            _("Beschrijf in minstens %(n)d tekens waarom u het BSN nodig heeft.") % {"n": BSN_REVEAL_MIN_REASON},
            code="reason",
        )
    if not user.has_perm("people.reveal_bsn"):
        refuse(user=user, ref=public_id, view=view)
    with transaction.atomic(savepoint=False):
        for scope in resident_scopes(user):
            resident = Resident.objects.filter(scope.q, public_id=public_id).first()
            if resident is None:
                continue
            if not resident.bsn_encrypted:
                raise ValidationError(_("Van deze inwoner is geen BSN bekend."), code="no_bsn")
            _log_reads(
                user=user,
                residents=[resident],
                fields=["bsn"],
                view=view,
                purpose=scope.purpose,
                reason=reason,
                event=Event.BSN_REVEALED,
            )
            return bsn_decrypt(resident.bsn_encrypted)
    refuse(user=user, ref=public_id, view=view)


# --- household, relations --------------------------------------------------------------------------

HOUSEHOLD_FIELDS = ["name", "birth_date", "relation"]


def _visible(user):
    return Resident.objects.filter(resident_q(user)).values("pk")


def _relations_of(user, resident_ids) -> list:
    """Relations of these residents; ``related_visible`` says whether the user may see the other one."""
    return list(
        Relation.objects.filter(resident_id__in=resident_ids, related__merged_into__isnull=True)
        .select_related("related", "resident")
        .annotate(related_visible=Exists(_visible(user).filter(pk=OuterRef("related_id"))))
        .order_by("resident_id", "kind", "id")
    )


def resident_household(*, user, resident, view: str) -> dict:
    """The resident's household members and relations, as far as the user may see them; each shown
    person is logged. ``resident`` was read through ``resident_get`` already.
    ``{"members": [Resident], "relations": [Relation with related_visible]}``."""
    scopes = resident_scopes(user)
    with transaction.atomic(savepoint=False):
        members = list(
            _resident_queryset()
            .filter(resident_q(user), household_id=resident.household_id)
            .exclude(pk=resident.pk)
            .order_by("birth_date", "id")
        )
        relations = _relations_of(user, [resident.pk])
        shown = {m.pk: m for m in members}
        shown.update({r.related_id: r.related for r in relations if r.related_visible})
        _log_reads(
            user=user, residents=list(shown.values()), fields=HOUSEHOLD_FIELDS, view=view, purpose=list_purpose(scopes)
        )
    return {"members": members, "relations": relations}


def household_get(*, user, public_id, view: str) -> Household:
    """A household the user may see, with ``members`` (the residents in it the user may see) and
    ``member_relations``; each member shown is logged. Refused or absent: NotFoundOrForbidden."""
    if not user.has_perm("people.view_resident"):
        refuse(user=user, ref=public_id, view=view)
    with transaction.atomic(savepoint=False):
        for scope in household_scopes(user):
            household = (
                Household.objects.select_related("neighbourhood__district").filter(scope.q, public_id=public_id).first()
            )
            if household is None:
                continue
            members = list(
                _resident_queryset().filter(resident_q(user), household=household).order_by("birth_date", "id")
            )
            relations = _relations_of(user, [m.pk for m in members])
            shown = {m.pk: m for m in members}
            shown.update({r.related_id: r.related for r in relations if r.related_visible})
            _log_reads(
                user=user, residents=list(shown.values()), fields=HOUSEHOLD_FIELDS, view=view, purpose=scope.purpose
            )
            household.members = members
            household.member_relations = relations
            return household
    refuse(user=user, ref=public_id, view=view, subject_type="household")


def relation_get(*, user, resident, pk, view: str) -> Relation:
    """One relation of a resident the user may change (for removing it)."""
    if not user.has_perm("people.change_resident"):
        refuse(user=user, ref=resident.public_id, view=view)
    relation = Relation.objects.select_related("related").filter(resident=resident, pk=pk).first()
    if relation is None or not Resident.objects.filter(resident_q(user), pk=resident.pk).exists():
        refuse(user=user, ref=resident.public_id, view=view)
    return relation


def resident_relation_candidates(*, user, resident, view: str) -> list[Resident]:
    """People the resident can be related to on the form: their household members the user may see."""
    return resident_household(user=user, resident=resident, view=view)["members"]


# --- consent -----------------------------------------------------------------------------------------

CONSENT_FIELDS = ["consent"]


def _consent_queryset(user, resident):
    qs = AccessGrant.objects.filter(resident=resident).select_related("organisation", "granted_by", "revoked_by")
    if user.role in GRANT_ROLES:
        # Staff of another organisation see what is shared with their own organisation only.
        qs = qs.filter(organisation_id=user.organisation_id)
    return qs


def resident_consent_page(
    *, user, resident, view: str, state: str = "active", page: int | str = 1, per_page=25, log_read: bool = True
):
    """What the resident shares, with whom, for what and until when; ``state`` active, ended or all.

    ``resident`` was read through ``resident_get``; the read of the consents is logged under it, unless
    ``log_read`` is False because that read named the field "consent" already (the resident page).
    """
    if not user.has_perm("people.view_resident"):
        raise NotFoundOrForbidden
    now = timezone.now()
    qs = _consent_queryset(user, resident)
    active = Q(revoked_at__isnull=True, valid_from__lte=now, valid_until__gte=now)
    if state == "active":
        qs = qs.filter(active)
    elif state == "ended":
        qs = qs.exclude(active)
    qs = qs.order_by("organisation__name", "-valid_until", "purpose", "category", "id")
    with transaction.atomic(savepoint=False):
        page_obj = Paginator(qs, per_page).get_page(page)
        grants = list(page_obj.object_list)
        for grant in grants:
            grant.is_active = grant.revoked_at is None and grant.valid_from <= now <= grant.valid_until
        if grants and log_read:
            _log_reads(
                user=user,
                residents=[resident],
                fields=CONSENT_FIELDS,
                view=view,
                purpose=list_purpose(resident_scopes(user)),
            )
    page_obj.object_list = grants
    return page_obj


def access_grant_get(*, user, resident, pk, view: str) -> AccessGrant:
    """One grant of a resident, for someone who manages consent (to withdraw it)."""
    if not user.has_perm("people.manage_consent"):
        refuse(user=user, ref=resident.public_id, view=view)
    grant = _consent_queryset(user, resident).filter(pk=pk).first()
    if grant is None or not Resident.objects.filter(resident_q(user), pk=resident.pk).exists():
        refuse(user=user, ref=resident.public_id, view=view)
    return grant
