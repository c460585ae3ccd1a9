"""Anchors seal the heads of all chains, signed, in the database and in a file outside it."""

import hashlib
import hmac
import json

import pytest
from django.core.management import call_command

from wijkkracht.accounts.roles import Role
from wijkkracht.audit.anchors import anchor_check, anchor_key, body_of, key_id, sign
from wijkkracht.audit.chain import GENESIS_HASH, chain_for
from wijkkracht.audit.models import AuditAnchor, AuditEvent, Flag
from wijkkracht.audit.services import anchor_seal
from wijkkracht.audit.tasks import seal_chains
from wijkkracht.audit.verify import audit_verify

from .conftest import tamper, tamper_anchors, visit

pytestmark = pytest.mark.django_db


@pytest.fixture
def jan_and_petra(make_user):
    jan, petra = make_user(Role.WORKER), make_user(Role.WORKER)
    visit(jan, "a1", "a2")
    visit(petra, "b1")
    return jan, petra


def _file_lines(path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def test_a_seal_records_every_chains_head_signed_in_the_database_and_the_file(jan_and_petra, anchor_file):
    jan, petra = jan_and_petra
    assert seal_chains.delay().get() == {"sealed": True, "number": 1, "chains": 2}
    anchor = AuditAnchor.objects.get()
    jans_head = AuditEvent.objects.get(chain=chain_for(jan.pk), seq=2)
    assert anchor.heads == {
        "legacy": None,
        "chains": {
            str(chain_for(jan.pk)): [2, jans_head.hash],
            str(chain_for(petra.pk)): [1, anchor.heads["chains"][str(chain_for(petra.pk))][1]],
        },
    }
    assert anchor.prev_signature == GENESIS_HASH
    assert (
        anchor.signature
        == hmac.new(
            anchor_key(), json.dumps(body_of(anchor), sort_keys=True, separators=(",", ":")).encode(), hashlib.sha256
        ).hexdigest()
    )
    # The directory is made; the file holds the same anchor, signature included.
    (line,) = _file_lines(anchor_file)
    assert line == {**body_of(anchor), "signature": anchor.signature}


def test_each_anchor_links_to_the_one_before_and_nothing_new_seals_nothing(jan_and_petra, anchor_file):
    jan, _petra = jan_and_petra
    first = anchor_seal()
    assert anchor_seal() is None  # nothing changed
    visit(jan, "a3")
    second = anchor_seal()
    assert (second.number, second.prev_signature) == (2, first.signature)
    assert [line["number"] for line in _file_lines(anchor_file)] == [1, 2]


def test_without_a_key_of_its_own_the_key_is_derived_from_the_secret_key(settings):
    settings.AUDIT_ANCHOR_KEY = ""
    derived = anchor_key()
    assert derived == hmac.new(settings.SECRET_KEY.encode(), b"wijkkracht audit anchor key", hashlib.sha256).digest()
    settings.AUDIT_ANCHOR_KEY = "een-eigen-sleutel"
    assert anchor_key() == b"een-eigen-sleutel" and key_id() != key_id(derived)


def test_the_deploy_check_warns_when_the_anchor_key_is_derived(settings, capsys):
    from wijkkracht.audit.checks import anchor_key_check

    settings.AUDIT_ANCHOR_KEY = ""
    assert [w.id for w in anchor_key_check(None)] == ["wijkkracht.audit.W001"]
    settings.AUDIT_ANCHOR_KEY = "een-eigen-sleutel"
    assert anchor_key_check(None) == []


def test_a_forged_anchor_is_refused_and_the_genuine_one_before_it_counts(jan_and_petra):
    """An intruder without the key removes Jan's last entry and writes an anchor that agrees with it."""
    jan, _petra = jan_and_petra
    genuine = anchor_seal()
    head = AuditEvent.objects.get(chain=chain_for(jan.pk), seq=2)
    tamper(("DELETE FROM audit_auditevent WHERE id = %s", [head.id]))
    first = AuditEvent.objects.get(chain=chain_for(jan.pk), seq=1)
    heads = {**genuine.heads, "chains": {**genuine.heads["chains"], str(chain_for(jan.pk)): [1, first.hash]}}
    body = {**body_of(genuine), "number": 2, "prev": genuine.signature, "heads": heads}
    AuditAnchor.objects.create(
        number=2,
        at=genuine.at,
        key_id=genuine.key_id,
        prev_signature=genuine.signature,
        heads=heads,
        signature=sign(body, key=b"geraden sleutel"),
    )
    report = audit_verify()
    assert not report.ok
    assert "Verzegeling 2 in de database is vervalst: de handtekening klopt niet." in report.problems
    assert report.anchor.number == 1
    (broken,) = report.broken
    assert broken.problem.startswith("regel 2 ontbreekt: verwijderd na verzegeling 1")


def test_the_next_seal_flags_a_forged_anchor_and_links_past_it(jan_and_petra):
    jan, _petra = jan_and_petra
    genuine = anchor_seal()
    AuditAnchor.objects.create(
        number=2, at=genuine.at, key_id=genuine.key_id, prev_signature=genuine.signature, heads={}, signature="0" * 64
    )
    visit(jan, "a3")
    third = anchor_seal()
    assert (third.number, third.prev_signature) == (3, genuine.signature)
    assert Flag.objects.filter(kind=Flag.Kind.CHAIN_BROKEN, detail__contains="Verzegeling 2").count() == 1


def test_an_anchor_removed_from_the_database_is_found_in_the_file(jan_and_petra):
    anchor_seal()
    tamper_anchors(("DELETE FROM audit_auditanchor", []))
    check = anchor_check()
    assert check.number == 1  # the file's anchor still counts
    assert check.problems == ["Verzegeling 1 staat in het ankerbestand maar ontbreekt in de database: verwijderd."]


def test_an_anchor_changed_in_the_database_differs_from_the_file(jan_and_petra):
    anchor = anchor_seal()
    tamper_anchors(
        ("UPDATE audit_auditanchor SET heads = %s WHERE id = %s", ['{"legacy": null, "chains": {}}', anchor.id])
    )
    assert "Verzegeling 1 in de database is vervalst: de handtekening klopt niet." in anchor_check().problems


def test_an_anchor_signed_with_another_key_is_named_as_such(jan_and_petra, settings):
    anchor_seal()
    settings.AUDIT_ANCHOR_KEY = "de-nieuwe-sleutel"
    problems = anchor_check().problems
    assert problems[0].startswith("Verzegeling 1 in de database is getekend met een andere sleutel")


def test_a_file_cut_short_is_reported(jan_and_petra, anchor_file, make_user):
    jan, _petra = jan_and_petra
    for ref in ("a3", "a4", "a5"):
        visit(jan, ref)
        anchor_seal()
    lines = anchor_file.read_text().splitlines()
    anchor_file.write_text(lines[0] + "\n")
    assert anchor_check().problems == [
        "Het ankerbestand mist de verzegelingen 2 tot en met 3: het is ingekort, of het schrijven mislukt."
    ]


def test_without_the_file_the_database_anchor_counts_with_a_note(jan_and_petra, anchor_file):
    anchor_seal()
    anchor_file.unlink()
    check = anchor_check()
    assert (check.number, check.problems) == (1, [])
    assert check.notes[0].startswith("Geen ankerbestand op")


def test_the_verify_command_says_which_anchor_it_checked_against(jan_and_petra, capsys):
    anchor_seal()
    call_command("audit_verify")
    out = capsys.readouterr().out
    assert "getoetst aan verzegeling 1 van" in out and "seconden geleden" in out
