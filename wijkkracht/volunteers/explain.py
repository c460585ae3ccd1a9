"""Matching in words: the reasons a candidate fits, and why a request has no candidates (and what to relax)."""

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .choices import LANGUAGE_NAMES, Preference, slot_label


def km(distance: float) -> str:
    return _("%(km)s km") % {"km": number_format(round(distance, 1), 1)}


def reasons(
    *, distance, request_language, overlap: int, skill_names, preference_hit, request_preference, load, earlier
):
    """Short phrases, strongest first: ``["1,2 km", "spreekt Arabisch", "vrij: di-ochtend"]``."""
    found = [km(distance)]
    if request_language and request_language != "nl" and request_language in LANGUAGE_NAMES:
        found.append(_("spreekt %(language)s") % {"language": str(LANGUAGE_NAMES[request_language])})
    slots = [slot_label(bit) for bit in range(21) if overlap >> bit & 1]
    if slots:
        found.append(_("vrij: %(slots)s") % {"slots": ", ".join(slots[:3])})
    if skill_names:
        found.append(_("kan: %(skills)s") % {"skills": ", ".join(skill_names)})
    if preference_hit and request_preference:
        found.append(_("wil graag: %(pref)s") % {"pref": str(Preference(request_preference).label)})
    if earlier:
        found.append(_("kent de inwoner al van een eerdere koppeling"))
    if load == 0:
        found.append(_("nog geen andere koppeling"))
    return found


FUNNEL_STEPS = ("kind", "reach", "vog", "time", "room")


def funnel_text(funnel: dict, *, max_km: int, needs_vog: bool) -> list[str]:
    """Each hard rule in turn, with how many volunteers remain: where the candidates are lost."""
    lines = [
        ngettext(
            "%(n)s actieve vrijwilliger doet dit soort werk.",
            "%(n)s actieve vrijwilligers doen dit soort werk.",
            funnel["kind"],
        )
        % {"n": funnel["kind"]},
        _("%(n)s daarvan wonen binnen %(km)s km (en willen zo ver reizen).") % {"n": funnel["reach"], "km": max_km},
    ]
    if needs_vog:
        lines.append(_("%(n)s daarvan hebben een geldige VOG.") % {"n": funnel["vog"]})
    lines.append(_("%(n)s daarvan zijn vrij op een van de gevraagde momenten.") % {"n": funnel["time"]})
    lines.append(_("%(n)s daarvan hebben nog plek voor een koppeling.") % {"n": funnel["room"]})
    return lines


def advice(funnel: dict, wider: dict, *, max_km: int, needs_vog: bool) -> list[str]:
    """What to relax when nobody fits, from the first rule that leaves no one (``wider``: the funnel at 2 × km)."""
    tips = []
    if funnel["kind"] == 0:
        tips.append(_("Niemand doet dit soort werk: kies een ander soort werk of werf een vrijwilliger."))
    elif funnel["reach"] == 0:
        tips.append(
            _("Niemand binnen bereik. Binnen %(km)s km zijn er %(n)s: vergroot de afstand.")
            % {"km": max_km * 2, "n": wider["reach"]}
        )
    elif needs_vog and funnel["vog"] == 0:
        tips.append(_("Geen vrijwilliger in de buurt heeft een geldige VOG. Vraag een VOG aan, of zoek verder weg."))
    elif funnel["time"] == 0:
        tips.append(_("Niemand is vrij op de gevraagde momenten: vraag de inwoner om meer momenten in de week."))
    elif funnel["room"] == 0:
        tips.append(_("Iedereen die past heeft al een koppeling: wacht tot er plek komt, of vergroot de afstand."))
    return tips
