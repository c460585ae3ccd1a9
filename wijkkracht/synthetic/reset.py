"""Delete the generated city (for --reset): case work and care records, grants, residents, households,
users, teams, areas.

The audit tables are never touched: they hold copies, not foreign keys, so nothing cascades into
them, and on PostgreSQL a trigger refuses deletes anyway. Superusers are kept (an operator's own
account), detached from the generated organisation.
"""

from django.contrib.auth import get_user_model
from django.db import connection
from django.db.models import ProtectedError, RestrictedError, signals

from wijkkracht.access.models import AccessGrant
from wijkkracht.areas.models import CityPart, District, Neighbourhood, PostcodeArea
from wijkkracht.care.models import Carer, CarerStrainAssessment, Signal, WatchContact
from wijkkracht.cases.models import (
    Contact,
    DomainScore,
    HelpRequest,
    InformalCheck,
    PlanAction,
    PlanGoal,
    RequestSolution,
    SelfRelianceAssessment,
    SupportPlan,
)
from wijkkracht.organisations.models import Cluster, Organisation, Team
from wijkkracht.people.models import Household, Resident

from .options import SyntheticCityError

DELETE_BATCH = 5_000
# Case work and care, children before parents, so each can go in one DELETE when nothing else points at it.
CASEWORK_MODELS = (
    Signal,
    CarerStrainAssessment,
    Carer,
    WatchContact,
    Contact,
    DomainScore,
    SelfRelianceAssessment,
    PlanAction,
    PlanGoal,
    SupportPlan,
    InformalCheck,
    RequestSolution,
    HelpRequest,
)


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
    collector takes close to a minute for 220,000 residents. Otherwise the ORM, in batches."""
    if signals.pre_delete.has_listeners(model) or signals.post_delete.has_listeners(model) or _is_referenced(model):
        _delete_in_batches(model.objects.all())
        return
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {connection.ops.quote_name(model._meta.db_table)}")  # noqa: S608 -- a model's own table


def city_delete() -> None:
    """Delete everything the generator makes; call inside a transaction."""
    User = get_user_model()
    try:
        for model in CASEWORK_MODELS:
            _delete_all(model)
        AccessGrant.objects.all().delete()
        _delete_all(Resident)
        _delete_all(Household)
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
