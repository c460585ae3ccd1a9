"""Delete the generated city (for --reset): every model with personal data (found through the
PersonalData declarations, children before parents), users, teams, areas.

The audit tables are never touched: they hold copies, not foreign keys, so nothing cascades into
them, and on PostgreSQL a trigger refuses deletes anyway. Superusers are kept (an operator's own
account), detached from the generated organisation.
"""

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import connection
from django.db.models import ProtectedError, RestrictedError, signals

from wijkkracht.areas.models import CityPart, District, Neighbourhood, PostcodeArea
from wijkkracht.core.personal_data import registry
from wijkkracht.organisations.models import Cluster, Organisation, Team

from .options import SyntheticCityError

DELETE_BATCH = 5_000


# The city's structure, deleted last and by name below; every other app's records the generator makes.
STRUCTURAL_APPS = {"areas", "organisations", "accounts", "audit", "access"}
# Managed lists that a migration fills and the generator reads (the volunteers' skills): kept by a reset.
KEPT_MODELS = {"volunteers.Skill"}


def _project_models() -> list:
    return [m for m in apps.get_models() if m.__module__.startswith("wijkkracht.") and m._meta.app_label != "audit"]


def generated_models() -> list:
    """Every model the generator fills outside the structure: those with personal data and what hangs off
    them, and the rest of the apps above the structure (provisions, the social map), children first."""
    found = set(personal_data_models()) | {m for m in _project_models() if m._meta.app_label not in STRUCTURAL_APPS}
    return _children_first(m for m in found if m._meta.label not in KEPT_MODELS)


def personal_data_models() -> list:
    """Every model with personal data (declared with a PersonalData spec) and every model that hangs off
    one (the ZRM's scores, a plan's goals), ordered so that each is deleted before what it points at."""
    models = {spec.model for spec in registry()}
    project = _project_models()
    grew = True
    while grew:
        children = {
            m
            for m in project
            if m not in models and any(f.related_model in models for f in m._meta.concrete_fields if f.is_relation)
        }
        models |= children
        grew = bool(children)
    return _children_first(models)


def _children_first(models) -> list:
    order, left = [], set(models)
    while left:
        # A model nothing else that is left points at can go now.
        free = sorted(
            (
                m
                for m in left
                if not any(f.related_model is m for o in left - {m} for f in o._meta.concrete_fields if f.is_relation)
            ),
            key=lambda m: m._meta.label,
        )
        if not free:  # a cycle (a resident merged into a resident is a self-reference, not a cycle)
            free = sorted(left, key=lambda m: m._meta.label)
        order.extend(free)
        left -= set(free)
    return order


def _delete_in_batches(queryset) -> None:
    """Delete through the ORM (so cascades and PROTECT of other apps apply) without loading 220,000 rows at once."""
    while ids := list(queryset.order_by("pk").values_list("pk", flat=True)[:DELETE_BATCH]):
        queryset.model.objects.filter(pk__in=ids).delete()


def _is_referenced(model) -> bool:
    """Whether any row of another table points at a row of this model (reverse foreign keys)."""
    reverse = [
        f for f in model._meta.get_fields() if f.auto_created and not f.concrete and (f.one_to_many or f.one_to_one)
    ]
    return any(f.related_model._base_manager.filter(**{f"{f.field.name}__isnull": False}).exists() for f in reverse)


def _delete_all(model) -> None:
    """Every row of the model. One DELETE when nothing points at the rows and no signal listens: the ORM
    collector takes close to a minute for 220,000 residents. Otherwise the ORM, in batches. The rows of its
    many-to-many tables (a volunteer's skills) go first: a raw DELETE would leave them behind."""
    for field in model._meta.many_to_many:
        through = field.remote_field.through
        if through._meta.auto_created:
            with connection.cursor() as cursor:
                cursor.execute(f"DELETE FROM {connection.ops.quote_name(through._meta.db_table)}")  # noqa: S608
    if signals.pre_delete.has_listeners(model) or signals.post_delete.has_listeners(model) or _is_referenced(model):
        _delete_in_batches(model.objects.all())
        return
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {connection.ops.quote_name(model._meta.db_table)}")  # noqa: S608 -- a model's own table


def city_delete() -> None:
    """Delete everything the generator makes; call inside a transaction."""
    User = get_user_model()
    try:
        for model in generated_models():
            _delete_all(model)
        User.objects.filter(is_superuser=True).update(organisation=None)
        _delete_in_batches(User.objects.filter(is_superuser=False))
        Team.objects.all().delete()
        Cluster.objects.all().delete()
        Organisation.objects.all().delete()
        PostcodeArea.objects.all().delete()
        Neighbourhood.objects.all().delete()
        District.objects.all().delete()
        CityPart.objects.all().delete()
    except (ProtectedError, RestrictedError) as error:
        blocking = getattr(error, "protected_objects", None) or getattr(error, "restricted_objects", ())
        kinds = sorted({str(obj._meta.verbose_name_plural) for obj in blocking})
        detail = f" ({', '.join(kinds)})" if kinds else ""
        raise SyntheticCityError(
            f"De stad kan niet worden gewist: er hangen nog andere gegevens aan vast{detail}. Er is niets veranderd."
        ) from error
