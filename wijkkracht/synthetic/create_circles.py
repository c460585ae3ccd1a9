"""Friendship groups (groups, help seekers placed and leaving, meetings with attendance) and language help
(signals, intake, placement, progress) per neighbourhood team."""

import datetime
from random import Random

from django.utils import timezone

from wijkkracht.provisions.models import Attendance, Group, GroupMeeting, GroupMember, LanguageProgress, LanguageTrack

from .addresses import counts_allocate
from .create_provisions import Kind, Place, _moment, _volume, _weighted, _year_days
from .data import casework as casework_data
from .data import provisions as data
from .insert import objects_insert, rows_insert
from .world import World, age_on, at_most


def groups_create(*, rng: Random, world: World, teams: list[Place], provisions) -> dict[str, int]:
    """19 groups at city scale; 216 help seekers a year, most placed, staying about a year."""
    n_groups = max(3, round(data.GROUPS * world.factor))
    weights = [t.weight for t in teams]
    allocated = counts_allocate(n_groups, weights)
    demo = next((i for i, t in enumerate(teams) if t.team_id == world.demo_team_id), None)
    if demo is not None and not allocated[demo]:  # the demo team has a friendship group to show
        allocated[allocated.index(max(allocated))] -= 1
        allocated[demo] = 1
    groups, group_team = [], []
    for team, count in zip(teams, allocated, strict=True):
        for i in range(count):
            started = datetime.date(casework_data.FIRST_YEAR + rng.randint(0, 3), rng.randint(1, 12), 1)
            groups.append(
                Group(
                    provision_id=provisions[(team.team_id, Kind.GROUPS)].pk,
                    team_id=team.team_id,
                    name=f"{data.GROUP_NAMES[(len(groups) + i) % len(data.GROUP_NAMES)]} {team.name.split(' ', 1)[-1]}",
                    meets=rng.choice(
                        ("elke dinsdag 14.00 uur", "om de week op donderdag 10.00 uur", "elke vrijdagmiddag")
                    ),
                    place=f"Wijkcentrum {team.name.split(' ', 1)[-1]}",
                    max_members=data.GROUP_SIZE + 2,
                    started_on=started,
                )
            )
            group_team.append(team.team_id)
    objects_insert(Group, groups)
    rows_insert(
        Group.facilitators.through,
        ("group_id", "user_id"),
        [(g.pk, rng.choice(t.volunteers or t.workers)) for g in groups for t in teams if t.team_id == g.team_id],
    )
    members, taken = [], set()
    with_groups = [t for t, n in zip(teams, allocated, strict=True) if n]
    for year in range(casework_data.FIRST_YEAR, world.today.year + 1):
        start, span = _year_days(year, world.today)
        total = _volume(data.HELP_SEEKERS, year, world.today, world.factor)
        for team, count in zip(with_groups, counts_allocate(total, [t.weight for t in with_groups]), strict=True):
            team_groups = [g for g in groups if g.team_id == team.team_id]
            for _ in range(count):
                resident = rng.choice(team.residents)
                if resident[0] in taken or age_on(resident[2], start) < 18:
                    continue
                registered = at_most(_moment(rng, start + datetime.timedelta(days=rng.randrange(span))), world.now)
                member = GroupMember(
                    provision_id=provisions[(team.team_id, Kind.GROUPS)].pk,
                    resident_id=resident[0],
                    team_id=team.team_id,
                    wish=rng.choice(data.GROUP_WISHES),
                    registered_at=registered,
                    registered_by_id=rng.choice(team.workers),
                )
                placed_at = registered + datetime.timedelta(days=rng.randint(7, 56))
                open_groups = [g for g in team_groups if g.started_on <= placed_at.date()]
                if open_groups and rng.random() < data.PLACED_SHARE and placed_at < world.now:
                    member.group_id, member.status, member.placed_at = (
                        rng.choice(open_groups).pk,
                        GroupMember.Status.PLACED,
                        placed_at,
                    )
                    left = placed_at + datetime.timedelta(days=round(rng.expovariate(1 / (365 * data.STAY_YEARS))))
                    if left < world.now:
                        member.status, member.left_at = GroupMember.Status.LEFT, left
                    else:
                        taken.add(resident[0])
                elif (world.now - registered).days > 120:
                    member.status, member.left_at = GroupMember.Status.LEFT, registered + datetime.timedelta(days=120)
                else:
                    taken.add(resident[0])
                members.append(member)
    objects_insert(GroupMember, members)
    meetings, attendance = _meetings(rng, world, groups, members)
    return {"groups": len(groups), "group members": len(members), "group meetings": meetings, "attendance": attendance}


def _meetings(rng: Random, world: World, groups, members) -> tuple[int, int]:
    """Fortnightly meetings of the last eight weeks, with who came."""
    meetings = []
    for group in groups:
        for weeks in (2, 4, 6, 8):
            meetings.append(GroupMeeting(group_id=group.pk, held_on=world.today - datetime.timedelta(weeks=weeks)))
    objects_insert(GroupMeeting, meetings)
    rows = []
    for meeting in meetings:
        held = timezone.make_aware(datetime.datetime.combine(meeting.held_on, datetime.time(12)))
        for m in members:
            if (
                m.group_id == meeting.group_id
                and m.placed_at
                and m.placed_at < held
                and (m.left_at is None or m.left_at > held)
            ):
                rows.append((meeting.pk, m.pk, rng.random() < 0.8))
    rows_insert(Attendance, ("meeting_id", "member_id", "present"), rows)
    return len(meetings), len(rows)


def language_create(*, rng: Random, world: World, teams: list[Place], provisions) -> dict[str, int]:
    tracks, notes = [], []
    weights = [t.weight for t in teams]
    first_year, first_month = data.LANGUAGE_FROM
    for year in range(first_year, world.today.year + 1):
        start, span = _year_days(year, world.today)
        if year == first_year:
            start = datetime.date(year, first_month, 1)
            span = (min(datetime.date(year, 12, 31), world.today) - start).days + 1
        total = _volume(
            data.LANGUAGE_SIGNALS * (span / 365 if year == first_year else 1), year, world.today, world.factor
        )
        for team, count in zip(teams, counts_allocate(total, weights), strict=True):
            for _ in range(count):
                resident = rng.choice(team.residents)
                if age_on(resident[2], start) < 18:
                    continue
                signalled = at_most(_moment(rng, start + datetime.timedelta(days=rng.randrange(span))), world.now)
                track = LanguageTrack(
                    provision_id=provisions[(team.team_id, Kind.LANGUAGE)].pk,
                    resident_id=resident[0],
                    team_id=team.team_id,
                    source=_weighted(rng, data.LANGUAGE_SOURCES),
                    signalled_at=signalled,
                    signalled_by_id=rng.choice(team.workers),
                )
                track.coach_id = track.signalled_by_id
                _language_steps(rng, world, track, notes)
                tracks.append(track)
    objects_insert(LanguageTrack, tracks)
    rows_insert(
        LanguageProgress,
        ("track_id", "recorded_at", "recorded_by_id", "note"),
        [(t.pk, at, t.coach_id, note) for t, at, note in notes],
    )
    return {"language tracks": len(tracks), "language progress": len(notes)}


def _language_steps(rng: Random, world: World, track, notes: list) -> None:
    intake = track.signalled_at + datetime.timedelta(days=rng.randint(7, 28))
    if intake > world.now or rng.random() > 0.85:
        return
    track.stage, track.intake_at = LanguageTrack.Stage.INTAKE, intake
    track.need = rng.choice(("nt1", "nt1", "nt2", "digital"))
    track.goal = rng.choice(data.LANGUAGE_GOALS)
    placed = intake + datetime.timedelta(days=rng.randint(7, 60))
    if placed > world.now or rng.random() > 0.8:
        return
    track.stage, track.placed_at = LanguageTrack.Stage.PLACED, placed
    track.placement = rng.choice(("course", "buddy"))
    track.buddy_name = rng.choice(data.LANGUAGE_BUDDIES) if track.placement == "buddy" else ""
    for months in range(1, rng.randint(1, 4)):
        at = placed + datetime.timedelta(days=30 * months)
        if at < world.now:
            notes.append(
                (
                    track,
                    at,
                    rng.choice(
                        (
                            "Gaat goed, komt elke week.",
                            "Leest nu korte brieven zelf.",
                            "Oefent met de app van de bibliotheek.",
                        )
                    ),
                )
            )
    ended = placed + datetime.timedelta(days=rng.randint(180, 400))
    if ended < world.now and rng.random() < 0.7:
        track.stage, track.ended_at = LanguageTrack.Stage.ENDED, ended
        track.end_note = rng.choice(("Doel bereikt.", "Doorgestroomd naar een vervolgcursus.", "Gestopt: verhuisd."))
