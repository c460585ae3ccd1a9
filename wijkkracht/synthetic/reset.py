"""Delete the generated city (for --reset): grants, residents, households, users, teams, areas.

The audit tables are never touched: they hold copies, not foreign keys, so nothing cascades into
them, and on PostgreSQL a trigger refuses deletes anyway. Superusers are kept (an operator's own
account), detached from the generated organisation.
"""

from django.contrib.auth import get_user_model
from django.db.models import ProtectedError, RestrictedError

from wijkkracht.access.models import AccessGrant
from wijkkracht.areas.models import CityPart, District, Neighbourhood, PostcodeArea
from wijkkracht.organisations.models import Cluster, Organisation, Team
from wijkkracht.people.models import Household, Resident

from .options import SyntheticCityError

DELETE_BATCH = 5_000


def _delete_in_batches(queryset) -> int:
    """Delete through the ORM (so cascades and PROTECT of other apps apply) without loading 220,000 rows at once."""
    deleted = 0
    while ids := list(queryset.order_by("pk").values_list("pk", flat=True)[:DELETE_BATCH]):
        queryset.model.objects.filter(pk__in=ids).delete()
        deleted += len(ids)
    return deleted


def city_delete() -> None:
    """Delete everything the generator makes; call inside a transaction."""
    User = get_user_model()
    try:
        AccessGrant.objects.all().delete()
        _delete_in_batches(Resident.objects.all())
        _delete_in_batches(Household.objects.all())
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
