"""audit_verify finds every kind of tampering and names the first bad entry of each chain, in Dutch."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from wijkkracht.accounts.roles import Role
from wijkkracht.audit.chain import GENESIS_HASH, chain_for, entry_hash, entry_payload
from wijkkracht.audit.models import AuditEvent, Flag
from wijkkracht.audit.services import anchor_seal
from wijkkracht.audit.tasks import verify_chain
from wijkkracht.audit.verify import audit_verify

from .conftest import tamper, visit

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_chains(make_user, settings):
    """Jan read five residents (five entries in his chain), Petra two (in hers)."""
    settings.AUDIT_CHAINS = 64
    jan, petra = make_user(Role.WORKER), make_user(Role.WORKER)
    for n in range(5):
        visit(jan, f"jan-{n}")
    visit(petra, "petra-0", "petra-1")

    def entries(user):
        return list(AuditEvent.objects.filter(chain=chain_for(user.pk)).order_by("seq"))

    return jan, petra, entries


def _sql_delete(*entries):
    placeholders = ",".join("%s" for _ in entries)
    return (f"DELETE FROM audit_auditevent WHERE id IN ({placeholders})", [e.id for e in entries])  # noqa: S608


def test_a_sound_log_is_reported_in_order(two_chains, capsys):
    anchor_seal()
    call_command("audit_verify")
    out = capsys.readouterr().out
    assert "Auditlog in orde: 7 regels in 2 ketens gecontroleerd, getoetst aan verzegeling 1" in out


def test_an_edited_entry_is_named(two_chains):
    jan, petra, entries = two_chains
    third = entries(jan)[2]
    tamper(("UPDATE audit_auditevent SET actor_username = %s WHERE id = %s", ["iemand-anders", third.id]))
    report = audit_verify()
    assert [c.chain for c in report.broken] == [chain_for(jan.pk)]
    assert report.broken[0].describe() == (
        f"keten {chain_for(jan.pk)}, regel 3 (auditregel {third.id}): de inhoud van de regel is gewijzigd; "
        "2 regels ervoor zijn in orde"
    )


def test_the_command_fails_with_exit_status_1_and_names_each_broken_chain(two_chains):
    jan, petra, entries = two_chains
    tamper(
        ("UPDATE audit_auditevent SET fields = %s WHERE id = %s", ['["bsn"]', entries(jan)[0].id]),
        ("UPDATE audit_auditevent SET reason = %s WHERE id = %s", ["weg", entries(petra)[1].id]),
    )
    with pytest.raises(CommandError) as failure:
        call_command("audit_verify")
    assert failure.value.returncode == 1
    message = str(failure.value)
    assert message.startswith("Auditlog aangetast")
    assert f"- keten {chain_for(jan.pk)}, regel 1 (auditregel {entries(jan)[0].id})" in message
    assert f"- keten {chain_for(petra.pk)}, regel 2 (auditregel {entries(petra)[1].id})" in message


def test_an_entry_removed_from_the_middle_is_named_by_its_place(two_chains):
    jan, _petra, entries = two_chains
    tamper(_sql_delete(entries(jan)[1], entries(jan)[2]))
    (broken,) = audit_verify().broken
    assert (broken.chain, broken.bad_seq, broken.bad_id) == (chain_for(jan.pk), 2, None)
    assert broken.problem == "regels 2 tot en met 3 ontbreken: verwijderd"


def test_reordered_entries_are_detected(two_chains):
    jan, _petra, entries = two_chains
    second, third = entries(jan)[1:3]
    tamper(
        ("UPDATE audit_auditevent SET seq = 1000 WHERE id = %s", [second.id]),
        ("UPDATE audit_auditevent SET seq = 2 WHERE id = %s", [third.id]),
        ("UPDATE audit_auditevent SET seq = 3 WHERE id = %s", [second.id]),
    )
    (broken,) = audit_verify().broken
    assert (broken.bad_seq, broken.bad_id) == (2, third.id)
    assert broken.problem.startswith("de regel is verplaatst of gewijzigd")


def test_a_rewritten_chain_is_caught_by_the_anchor(two_chains):
    """An intruder who recomputes every hash after an edit keeps the links whole; the anchor does not match."""
    jan, _petra, entries = two_chains
    anchor_seal()
    prev_hash, statements = GENESIS_HASH, []
    for entry in entries(jan):
        if entry.seq == 2:
            entry.reason = "herschreven"
        entry.prev_hash = prev_hash
        entry.hash = entry_hash(prev_hash=prev_hash, payload=entry_payload(entry))
        statements.append(
            (
                "UPDATE audit_auditevent SET reason = %s, prev_hash = %s, hash = %s WHERE id = %s",
                [entry.reason, entry.prev_hash, entry.hash, entry.id],
            )
        )
        prev_hash = entry.hash
    tamper(*statements)
    (broken,) = audit_verify().broken
    assert broken.bad_seq == 5
    assert "wijkt af van verzegeling 1" in broken.problem and "herschreven" in broken.problem


def test_truncation_after_the_anchor_is_detected(two_chains):
    jan, petra, entries = two_chains
    anchor_seal()
    tamper(_sql_delete(*entries(jan)[-2:]), _sql_delete(*entries(petra)))
    report = audit_verify()
    problems = {c.chain: (c.bad_seq, c.problem) for c in report.broken}
    assert problems[chain_for(jan.pk)][0] == 4
    assert problems[chain_for(jan.pk)][1].startswith("regels 4 tot en met 5 ontbreken: verwijderd na verzegeling 1")
    assert problems[chain_for(petra.pk)][1].startswith("regels 1 tot en met 2 ontbreken")


def test_without_an_anchor_the_removed_tail_is_not_seen_and_the_report_says_so(two_chains):
    """The limit without anchors (documented): a chain cut short is still a valid chain."""
    jan, _petra, entries = two_chains
    tamper(_sql_delete(entries(jan)[-1]))
    report = audit_verify()
    assert report.ok
    assert any("Nog geen verzegeling" in note for note in report.notes)


def test_entries_added_after_the_anchor_are_checked_by_their_links(two_chains, make_user):
    jan, _petra, entries = two_chains
    anchor_seal()
    visit(jan, "jan-later")
    assert audit_verify().ok
    tamper(("UPDATE audit_auditevent SET subject_ref = %s WHERE id = %s", ["x", entries(jan)[-1].id]))
    assert audit_verify().broken[0].bad_seq == 6


def _legacy(count: int, fmt: int = 1) -> list[AuditEvent]:
    """Entries as written before the chains: no chain, one chain in id order."""
    prev_hash, entries = GENESIS_HASH, []
    for n in range(count):
        entry = AuditEvent(
            at=timezone.now(),
            event="personal_data_read",
            actor_id=1,
            actor_username="oud",
            actor_role="worker",
            subject_type="resident",
            subject_ref=f"legacy-{n}",
            object_type="people.Resident",
            fields=["name"],
            view="people:resident-detail",
            purpose="case_work",
            format=fmt,
            prev_hash=prev_hash,
        )
        entry.hash = entry_hash(prev_hash=prev_hash, payload=entry_payload(entry))
        prev_hash = entry.hash
        entries.append(entry)
    return AuditEvent.objects.bulk_create(entries)


def test_entries_from_before_the_chains_stay_valid_as_the_legacy_chain(make_user):
    old = _legacy(3)
    visit(make_user(Role.WORKER), "new-0")
    anchor_seal()
    report = audit_verify()
    assert report.ok
    legacy = next(c for c in report.chains if c.chain is None)
    assert legacy.checked == 3
    assert report.anchor.heads["legacy"] == [old[-1].id, old[-1].hash]


def test_an_edit_and_a_removed_tail_of_the_legacy_chain_are_detected(make_user):
    old = _legacy(4, fmt=2)
    anchor_seal()
    tamper(_sql_delete(old[-1]))
    legacy = next(c for c in audit_verify().broken if c.chain is None)
    assert "de laatste regels van de oude keten" in legacy.problem and "ontbreken" in legacy.problem
    tamper(("UPDATE audit_auditevent SET reason = %s WHERE id = %s", ["x", old[1].id]))
    legacy = next(c for c in audit_verify().broken if c.chain is None)
    assert legacy.describe().startswith(f"oude keten, auditregel {old[1].id}: de inhoud van de regel is gewijzigd")


def test_the_hourly_job_flags_each_broken_place_once(two_chains):
    jan, _petra, entries = two_chains
    assert verify_chain.delay().get() == {"ok": True, "checked": 7, "problems": 0}
    tamper(("UPDATE audit_auditevent SET fields = %s WHERE id = %s", ['["bsn"]', entries(jan)[0].id]))
    assert verify_chain.delay().get()["problems"] == 1
    verify_chain.delay().get()
    flag = Flag.objects.get(kind=Flag.Kind.CHAIN_BROKEN)
    assert (flag.chain, flag.seq, flag.audit_event_id) == (chain_for(jan.pk), 1, entries(jan)[0].id)
    assert "de inhoud van de regel is gewijzigd" in flag.detail
