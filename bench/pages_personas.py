"""Who the page benchmark (bench/pages.py) acts as, and the requests each page run rotates through.

Personas: the demo worker ``wijkwerker`` and the workers with the largest caseloads in other teams, each
logged in as the login page would leave them (a session with the second factor done and the activity
just recorded), so the app serves them exactly as it serves a worker. Each persona reads resident pages of
residents in its own neighbourhoods (half of them with help requests), its own Mijn werk and team board,
and searches (a last name with a typing error, first and last name, postcode and house number, birth
date, BSN). The bare server gets the same paths under /bare/ with ``?u=<user id>`` instead of a session.
"""

import time
from dataclasses import dataclass, field
from random import Random
from urllib.parse import urlencode

from bench.casework_pages import search_queries

PAGES = ("resident page", "Mijn werk", "team board", "search")
# The mixed worker load: per ten requests, 4 resident pages, 3 searches, 2 Mijn werk, 1 team board.
MIX = {"resident page": 4, "search": 3, "Mijn werk": 2, "team board": 1}


@dataclass
class Persona:
    username: str
    user_id: int
    cookie: str
    paths: dict = field(default_factory=dict)  # page -> [app path]

    def bare(self, path: str) -> str:
        sep = "&" if "?" in path else "?"
        return f"/bare{path}{sep}u={self.user_id}"


def _session_cookie(user) -> str:
    from django.conf import settings
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from wijkkracht.core.middleware import LOGIN_AT_KEY, SESSION_KEY

    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None and user.needs_second_factor:
        device = TOTPDevice.objects.create(user=user, name="benchmark", confirmed=True)
    client = Client()
    client.force_login(user)
    session = client.session
    if device is not None:
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session[LOGIN_AT_KEY] = session[SESSION_KEY] = int(time.time())
    session.save()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


def personas(*, count: int, residents_each: int, searches_each: int, seed: int) -> list[Persona]:
    from django.contrib.auth import get_user_model
    from django.db.models import Count, Q
    from django.urls import reverse

    from wijkkracht.accounts.roles import Role
    from wijkkracht.cases.models import HelpRequest
    from wijkkracht.people.models import Resident

    users = get_user_model().objects
    demo = users.filter(username="wijkwerker").first()
    if demo is None:
        raise SystemExit("No demo worker 'wijkwerker' in this database: run with --generate first.")
    chosen, teams_taken = [demo], set(demo.memberships.values_list("team_id", flat=True))
    busiest = (
        users.filter(role=Role.WORKER, is_active=True)
        .annotate(open=Count("assigned_requests", filter=~Q(assigned_requests__status=HelpRequest.Status.CLOSED)))
        .order_by("-open", "id")
    )
    for user in busiest:
        if len(chosen) >= count:
            break
        teams = set(user.memberships.values_list("team_id", flat=True))
        if teams and not teams & teams_taken:
            chosen.append(user)
            teams_taken |= teams
    rng = Random(seed)
    out = []
    for user in chosen:
        neighbourhoods = list(user.memberships.values_list("team__neighbourhoods", flat=True))
        visible = list(
            Resident.objects.filter(household__neighbourhood_id__in=neighbourhoods, merged_into=None)
            .select_related("household")
            .order_by("id")
        )
        with_requests = set(
            HelpRequest.objects.filter(team__memberships__user=user).values_list("resident_id", flat=True)
        )
        rich = [r for r in visible if r.pk in with_requests] or visible
        sample = [rng.choice(rich if i % 2 == 0 else visible) for i in range(residents_each)]
        searches = search_queries(rng, visible, searches_each)
        persona = Persona(user.username, user.pk, _session_cookie(user))
        persona.paths = {
            "resident page": [reverse("people:resident-detail", args=[r.public_id]) for r in sample],
            "Mijn werk": [reverse("workspace:caseload")],
            "team board": [reverse("workspace:team-board")],
            "search": [f"{reverse('people:resident-list')}?{urlencode({'q': q})}" for _kind, q in searches],
        }
        out.append(persona)
    return out


def lines(people: list[Persona], page: str, *, bare: bool) -> list[str]:
    """One request per line (path, tab, cookie), the personas interleaved."""
    rows = []
    longest = max(len(p.paths[page]) for p in people)
    for i in range(longest):
        for p in people:
            paths = p.paths[page]
            path = paths[i % len(paths)]
            rows.append(p.bare(path) if bare else f"{path}\t{p.cookie}")
    return rows


def mixed_lines(people: list[Persona], *, bare: bool) -> list[str]:
    """The mixed worker load: every persona's pages in the proportions of ``MIX``, interleaved."""
    per_page = {page: lines(people, page, bare=bare) for page in MIX}
    position = dict.fromkeys(MIX, 0)
    rows = []
    for _ in range(max(len(v) for v in per_page.values()) // max(MIX.values()) + 1):
        for page, weight in MIX.items():
            for _ in range(weight):
                rows.append(per_page[page][position[page] % len(per_page[page])])
                position[page] += 1
    return rows
