"""The one search box: BSN, postcode + house number, birth date and names, typo-tolerant; by the policy."""

from functools import reduce
from operator import or_

from django.core.paginator import Paginator
from django.db import connection
from django.db.models import BooleanField, F, FloatField, Func, Q, Value

from wijkkracht.access.errors import NotFoundOrForbidden
from wijkkracht.access.reads import log_objects, scoped
from wijkkracht.access.scopes import user_facts
from wijkkracht.audit.services import audit_call
from wijkkracht.people.bsn import bsn_hash
from wijkkracht.people.search import NAME_SIMILARITY, ParsedQuery, inner_trigrams, name_score, search_parse

from .residents import RESIDENT_LIST_FIELDS, SPEC, resident_queryset

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


def exact_word(field: str, term: str) -> Q:
    return (
        Q(**{field: term})
        | Q(**{f"{field}__startswith": f"{term} "})
        | Q(**{f"{field}__endswith": f" {term}"})
        | Q(**{f"{field}__contains": f" {term} "})
    )


def structured_filter(qs, parsed: ParsedQuery):
    """BSN (keyed hash, exact), address and birth date: exact filters, index-friendly on both databases.
    A query that cannot be searched (an impossible date or BSN, only signs such as '%') finds nobody."""
    if parsed.refused:
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
    """The neighbourhoods a team user may search in, as a list (None: the scope has other parts: residents
    shared with the user's organisation, who may live anywhere)."""
    facts = user_facts(user)
    if not facts.team_role:
        return None
    if facts.receives_grants and SPEC.category in facts.shared_categories:
        return None
    return list(facts.neighbourhood_ids)


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
    qs = structured_filter(scoped(SPEC, user, resident_queryset()), parsed)
    if exclude is not None:
        qs = qs.exclude(pk=exclude.pk)
    ranked_ids = None
    qs = qs.order_by("last_name", "first_name", "id")
    with audit_call():
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
            by_id = scoped(SPEC, user, resident_queryset()).in_bulk(list(page_obj.object_list))
            residents = [by_id[pk] for pk in page_obj.object_list if pk in by_id]
        log_objects(SPEC, user=user, view=view, objects=residents, fields=RESIDENT_LIST_FIELDS)
    page_obj.object_list = residents
    page_obj.parsed = parsed
    return page_obj


def resident_page(*, user, view: str, query: str = "", page: int | str = 1, per_page: int = 25):
    """A page of the residents the user may see, found by the one search box (see ``resident_search``)."""
    return resident_search(user=user, view=view, query=query, page=page, per_page=per_page)
