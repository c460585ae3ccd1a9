"""How many rows a bounded list leaves out, counted in the query that reads the list.

``counted(queryset, intake=Q(status="intake"))`` adds window counts over the whole result (``COUNT(*) OVER
()``, computed before the list's LIMIT, after every filter, the access scope included), so a page that shows
"15 of 120" needs one query instead of two. ``total(rows)`` / ``totals(rows, names)`` read them back; an
empty list counts 0.
"""

from django.db.models import Count, Q, Window

TOTAL = "wk_total"


def counted(queryset, **parts: Q):
    """``queryset`` with the total and, per name, the number of rows matching that part."""
    annotations = {TOTAL: Window(Count("pk"))}
    annotations.update({f"wk_n_{name}": Window(Count("pk", filter=q)) for name, q in parts.items()})
    return queryset.annotate(**annotations)


def total(rows) -> int:
    return getattr(rows[0], TOTAL) if rows else 0


def totals(rows, names) -> dict:
    return {name: getattr(rows[0], f"wk_n_{name}") if rows else 0 for name in names}
