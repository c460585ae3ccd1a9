"""The administrative help desk and the information point: sessions and each visitor's question.

A question is registered in seconds and without a case: topic and outcome. A name and phone number are
kept only with the visitor's consent; the resident record is linked later, by staff who may see residents.
"""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkkracht.provisions.models import CollectiveProvision, DeskQuestion, DeskSession

from .common import clean_text, raise_if, require_member

DESK_KINDS = (CollectiveProvision.Kind.DESK, CollectiveProvision.Kind.INFO_POINT)


@transaction.atomic
def desk_session_create(
    *, provision, starts_at, ends_at, by, place: str = "", mode=DeskSession.Mode.WALK_IN, volunteers=()
):
    errors = {}
    if provision.kind not in DESK_KINDS:
        errors["provision"] = _("Spreekuren horen bij het administratief spreekuur of het informatiepunt.")
    if starts_at is None:
        errors["starts_at"] = _("Vul in wanneer het spreekuur begint.")
    if ends_at is None:
        errors["ends_at"] = _("Vul in wanneer het spreekuur eindigt.")
    elif starts_at is not None and ends_at <= starts_at:
        errors["ends_at"] = _("Het spreekuur moet eindigen na het begin.")
    if mode not in DeskSession.Mode.values:
        errors["mode"] = _("Kies inloop of telefonisch spreekuur.")
    raise_if(errors)
    require_member(by, provision.team)
    session = DeskSession.objects.create(
        provision=provision,
        starts_at=starts_at,
        ends_at=ends_at,
        place=clean_text(place, 200) or provision.place,
        mode=mode,
    )
    session.volunteers.set(volunteers)
    return session


@transaction.atomic
def desk_question_log(
    *,
    provision,
    topic: str,
    outcome: str,
    by,
    session=None,
    channel: str = DeskQuestion.Channel.WALK_IN,
    passed_to: str = "",
    note: str = "",
    visitor_name: str = "",
    visitor_phone: str = "",
    consent: bool = False,
    asked_at=None,
) -> DeskQuestion:
    """Register one visitor's question. Anonymous unless the visitor agrees to leave a name or number."""
    visitor_name, visitor_phone = clean_text(visitor_name, 150), clean_text(visitor_phone, 20)
    passed_to = clean_text(passed_to, 200)
    errors = {}
    if provision.kind not in DESK_KINDS:
        errors["provision"] = _("Vragen registreert u bij het administratief spreekuur of het informatiepunt.")
    if topic not in DeskQuestion.Topic.values:
        errors["topic"] = _("Kies waar de vraag over ging.")
    if outcome not in DeskQuestion.Outcome.values:
        errors["outcome"] = _("Kies wat er met de vraag is gebeurd.")
    elif outcome == DeskQuestion.Outcome.REFERRED and not passed_to:
        errors["passed_to"] = _("Vul in naar wie de vraag is doorgezet.")
    if channel not in DeskQuestion.Channel.values:
        errors["channel"] = _("Kies binnenloop of telefoon.")
    if (visitor_name or visitor_phone) and not consent:
        errors["consent"] = _(
            "Een naam of telefoonnummer legt u alleen vast als de bezoeker daar toestemming voor geeft. "
            "Vraag het, of laat beide leeg: de vraag telt dan anoniem mee."
        )
    if session is not None and session.provision_id != provision.pk:
        errors["session"] = _("Dit spreekuur hoort niet bij deze voorziening.")
    asked_at = asked_at or timezone.now()
    if asked_at > timezone.now() + datetime.timedelta(minutes=5):
        errors["asked_at"] = _("Het tijdstip kan niet in de toekomst liggen.")
    raise_if(errors)
    if by.pk not in set(provision.volunteers.values_list("id", flat=True)):
        require_member(by, provision.team)
    return DeskQuestion.objects.create(
        provision=provision,
        session=session,
        team=provision.team,
        asked_at=asked_at,
        channel=channel,
        topic=topic,
        outcome=outcome,
        passed_to=passed_to,
        note=clean_text(note, 300),
        registered_by=by,
        visitor_name=visitor_name,
        visitor_phone=visitor_phone,
        consent_at=timezone.now() if (visitor_name or visitor_phone) else None,
    )


@transaction.atomic
def desk_question_link_resident(*, question: DeskQuestion, resident, by, consent: bool = False) -> DeskQuestion:
    """Link a question to a resident record, only with the visitor's consent (given then, or now)."""
    if question.consent_at is None and not consent:
        raise_if(
            {
                "__all__": _(
                    "Deze bezoeker heeft geen toestemming gegeven voor het vastleggen van persoonsgegevens. "
                    "De vraag blijft anoniem."
                )
            }
        )
    require_member(by, question.team)
    question.resident = resident
    question.consent_at = question.consent_at or timezone.now()
    question.save(update_fields=["resident", "consent_at"])
    return question
