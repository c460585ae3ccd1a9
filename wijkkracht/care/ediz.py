"""EDIZ scoring (Ervaren Druk door Informele Zorg; Pot, Van Dyck & Deeg, 1995)."""

from django.utils.translation import gettext_lazy as _

ITEMS = (
    _("Door de situatie van mijn naaste kom ik te weinig aan mijn eigen leven toe."),
    _("Het combineren van de verantwoordelijkheid voor mijn naaste en voor mijn werk en/of gezin valt niet mee."),
    _("Door mijn betrokkenheid bij mijn naaste doe ik anderen tekort."),
    _("Ik moet altijd maar klaarstaan voor mijn naaste."),
    _("Mijn zelfstandigheid komt in de knel."),
    _("De situatie van mijn naaste eist voortdurend mijn aandacht."),
    _("Door mijn betrokkenheid bij mijn naaste krijg ik conflicten thuis en/of op mijn werk."),
    _("De situatie van mijn naaste laat mij nooit los."),
    _("Ik voel me over het geheel genomen erg onder druk staan door de situatie van mijn naaste."),
)
ANSWERS = ((0, _("Nee!")), (1, _("Nee")), (2, _("Min of meer")), (3, _("Ja")), (4, _("Ja!")))
# "Min of meer", "Ja" and "Ja!" score a point.
POINT_FROM = 2
# From this total the carer counts as overloaded (zwaar belast). Scores run 0-9.
OVERLOAD_THRESHOLD = 7


def ediz_score(answers: list[int]) -> tuple[int, bool]:
    """The EDIZ total (0-9) and whether it signals overload."""
    if len(answers) != len(ITEMS) or any(a not in dict(ANSWERS) for a in answers):
        raise ValueError("EDIZ needs nine answers from 0 to 4")
    score = sum(1 for a in answers if a >= POINT_FROM)
    return score, score >= OVERLOAD_THRESHOLD
