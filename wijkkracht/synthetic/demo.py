"""The demo logins: one fixed user per role, one shared password, one shared TOTP secret.

DEMO ONLY. The password and the TOTP key below are published in this repository, so anyone can log
in as these users. Never generate the synthetic city on a server that holds real data or is reachable
by others. The key is the RFC 6238 test secret ("12345678901234567890" in ASCII).
"""

import time
from base64 import b32encode
from binascii import unhexlify
from dataclasses import dataclass

from django_otp.oath import totp

from wijkkracht.accounts.roles import Role

from .data.organisations import (
    COMMUNITY_CENTRE,
    GP_PRACTICE,
    HUMANITAS,
    MUNICIPALITY,
    SOCIAL_WORK,
    SPECIALIST,
    VOLUNTEER_CENTRE,
)

DEMO_PASSWORD = "wijkkracht-demo"  # noqa: S105 -- published on purpose, demo only
DEMO_TOTP_KEY = "3132333435363738393031323334353637383930"  # hex, as TOTPDevice.key stores it; demo only
DEMO_TOTP_DEVICE_NAME = "Demo-authenticator"
DEMO_TEAM = "Wijkteam Stedenwijk"
DEMO_CENTRE = "Wijkcentrum Het Baken"
TOTP_STEP, TOTP_DIGITS, TOTP_T0 = 30, 6, 0  # TOTPDevice's defaults


@dataclass(frozen=True)
class DemoUser:
    username: str
    role: str
    organisation: str  # key in data.organisations
    teams: tuple[str, ...]
    first_name: str
    last_name: str

    @property
    def role_label(self) -> str:
        return str(Role(self.role).label)

    @property
    def needs_second_factor(self) -> bool:
        return self.role != Role.POLICY_ANALYST


DEMO_USERS: tuple[DemoUser, ...] = (
    DemoUser("wijkwerker", Role.WORKER, SOCIAL_WORK, (DEMO_TEAM,), "Sanne", "Visser"),
    DemoUser("teamleider", Role.TEAM_LEAD, MUNICIPALITY, (DEMO_TEAM,), "Mark", "de Jong"),
    DemoUser(
        "coordinator",
        Role.VOLUNTEER_COORDINATOR,
        VOLUNTEER_CENTRE,
        (DEMO_TEAM, "Wijkteam Muziekwijk"),
        "Fatima",
        "El Amrani",
    ),
    DemoUser("vrijwilliger", Role.VOLUNTEER, VOLUNTEER_CENTRE, (DEMO_TEAM,), "Henk", "Bakker"),
    DemoUser("wijkcentrum", Role.CENTRE_STAFF, COMMUNITY_CENTRE, (DEMO_CENTRE,), "Lotte", "Mulder"),
    DemoUser("specialist", Role.SPECIALIST, SPECIALIST, (), "Ravi", "Ramdin"),
    DemoUser("brandpunt", Role.ESCALATION_OFFICER, MUNICIPALITY, (), "Ingrid", "van Dijk"),
    DemoUser("beleid", Role.POLICY_ANALYST, MUNICIPALITY, (), "Jeroen", "Smit"),
    DemoUser("privacy", Role.PRIVACY_OFFICER, MUNICIPALITY, (), "Esther", "de Boer"),
    DemoUser("beheer", Role.FUNCTIONAL_ADMIN, MUNICIPALITY, (), "Bas", "Kramer"),
    DemoUser("huisarts", Role.GP, GP_PRACTICE, (), "Anouk", "Brouwer"),
    DemoUser("aanbieder", Role.PROVIDER, HUMANITAS, (), "Peter", "Smits"),
)
DEMO_USERNAMES = frozenset(u.username for u in DEMO_USERS)
DEMO_WORKER = "wijkwerker"  # gets a lively caseload: open requests, plan actions, pilot lights due


def demo_totp_secret_base32() -> str:
    """The demo secret as an authenticator app wants it typed in."""
    return b32encode(unhexlify(DEMO_TOTP_KEY)).decode()


def demo_totp_uri(*, issuer: str = "wijkkracht") -> str:
    return f"otpauth://totp/{issuer}:demo?secret={demo_totp_secret_base32()}&issuer={issuer}&digits={TOTP_DIGITS}&period={TOTP_STEP}"


def totp_code(
    hex_key: str, *, step: int = TOTP_STEP, t0: int = TOTP_T0, digits: int = TOTP_DIGITS, drift: int = 0
) -> str:
    """The current code for a hex key, zero-padded, as TOTPDevice.verify_token expects it."""
    return str(totp(unhexlify(hex_key), step=step, t0=t0, digits=digits, drift=drift)).zfill(digits)


def seconds_left(*, step: int = TOTP_STEP, t0: int = TOTP_T0) -> int:
    return step - int(time.time() - t0) % step
