"""Friendship groups: register a help seeker, place them in a group, record meetings and attendance."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkkracht.provisions.models import Attendance, CollectiveProvision, Group, GroupMeeting, GroupMember

from .common import clean_text, raise_if, require_member


@transaction.atomic
def group_create(
    *, provision, name: str, by, meets: str = "", place: str = "", description: str = "", max_members=None
):
    name = clean_text(name, 150)
    errors = {}
    if provision.kind != CollectiveProvision.Kind.GROUPS:
        errors["provision"] = _("Groepen horen bij de vriendenkringen.")
    if not name:
        errors["name"] = _("Geef de groep een naam.")
    raise_if(errors)
    require_member(by, provision.team)
    group = Group.objects.create(
        provision=provision,
        team=provision.team,
        name=name,
        meets=clean_text(meets, 150),
        place=clean_text(place, 200),
        description=clean_text(description, 300),
        max_members=max_members,
    )
    group.facilitators.add(by)
    return group


@transaction.atomic
def group_seeker_register(*, provision, resident, by, wish: str = "") -> GroupMember:
    """A resident who would like to join a friendship group (a help seeker)."""
    if provision.kind != CollectiveProvision.Kind.GROUPS:
        raise_if({"provision": _("Kies de vriendenkringen.")})
    require_member(by, provision.team)
    waiting = GroupMember.objects.filter(
        provision=provision, resident=resident, status__in=[GroupMember.Status.SEEKING, GroupMember.Status.PLACED]
    )
    if waiting.exists():
        raise_if({"__all__": _("Deze inwoner is al aangemeld bij de vriendenkringen.")})
    return GroupMember.objects.create(
        provision=provision, resident=resident, team=provision.team, wish=clean_text(wish, 300), registered_by=by
    )


@transaction.atomic
def group_member_place(*, member: GroupMember, group: Group, by) -> GroupMember:
    errors = {}
    if group.provision_id != member.provision_id:
        errors["group"] = _("Deze groep hoort niet bij deze vriendenkringen.")
    elif not group.active:
        errors["group"] = _("Deze groep is gestopt.")
    elif member.status == GroupMember.Status.LEFT:
        errors["group"] = _("Deze deelnemer is gestopt; meld de inwoner opnieuw aan.")
    elif group.max_members is not None:
        placed = group.members.filter(status=GroupMember.Status.PLACED).exclude(pk=member.pk).count()
        if placed >= group.max_members:
            errors["group"] = _("Deze groep is vol (%(n)d deelnemers).") % {"n": group.max_members}
    raise_if(errors)
    require_member(by, member.team)
    member.group, member.status, member.placed_at = group, GroupMember.Status.PLACED, timezone.now()
    try:
        with transaction.atomic():
            member.save(update_fields=["group", "status", "placed_at"])
    except IntegrityError:
        raise_if({"group": _("Deze inwoner zit al in deze groep.")})
    return member


@transaction.atomic
def group_member_leave(*, member: GroupMember, by) -> GroupMember:
    require_member(by, member.team)
    if member.status == GroupMember.Status.LEFT:
        raise_if({"__all__": _("Deze deelnemer is al gestopt.")})
    member.status, member.left_at = GroupMember.Status.LEFT, timezone.now()
    member.save(update_fields=["status", "left_at"])
    return member


@transaction.atomic
def group_meeting_record(*, group: Group, held_on, present_ids, by, note: str = "") -> GroupMeeting:
    """A meeting and who came: ``present_ids`` are ids of the group's current members."""
    errors = {}
    if held_on is None:
        errors["held_on"] = _("Vul de datum van de bijeenkomst in.")
    elif held_on > timezone.localdate():
        errors["held_on"] = _("Een bijeenkomst in de toekomst kunt u nog niet vastleggen.")
    elif GroupMeeting.objects.filter(group=group, held_on=held_on).exists():
        errors["held_on"] = _("Op deze dag is al een bijeenkomst vastgelegd.")
    raise_if(errors)
    require_member(by, group.team)
    meeting = GroupMeeting.objects.create(group=group, held_on=held_on, note=clean_text(note, 300))
    members = list(group.members.filter(status=GroupMember.Status.PLACED))
    present = set(present_ids)
    Attendance.objects.bulk_create(Attendance(meeting=meeting, member=m, present=m.pk in present) for m in members)
    return meeting
