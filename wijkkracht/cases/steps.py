"""The request page as steps that follow the status: aanmelding → vraagverheldering → ondersteuning → afgesloten.

Only one step is open (the current one, or a step already reached that the worker opens with "wijzigen",
``?stap=<slug>``); the others show a summary. The closing step can be opened early to close a request
straight from intake or clarification (advice only). See docs/adr/0015-request-stepper-and-error-summary.md.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from wijkkracht.cases.selectors.requests import REQUEST_STATUSES as Status


@dataclass(frozen=True)
class Step:
    status: str
    slug: str
    label: str
    template: str


STEPS = (
    Step(Status.INTAKE, "aanmelding", _("Aanmelding"), "cases/requests/steps/intake.html"),
    Step(Status.CLARIFICATION, "vraagverheldering", _("Vraagverheldering"), "cases/requests/steps/clarification.html"),
    Step(Status.SUPPORT, "ondersteuning", _("Ondersteuning"), "cases/requests/steps/support.html"),
    Step(Status.CLOSED, "afgesloten", _("Afgesloten"), "cases/requests/steps/closed.html"),
)
BY_SLUG = {s.slug: s for s in STEPS}
BY_STATUS = {s.status: s for s in STEPS}
STATE_LABELS = {"done": _("klaar"), "current": _("nu"), "todo": _("nog niet")}


def _may_close_early(status: str) -> bool:
    """From intake or clarification a request can be closed at once (advice only); in support the closing
    form is part of the open step already."""
    return status in (Status.INTAKE, Status.CLARIFICATION)


def slug_for(status: str) -> str:
    return BY_STATUS[status].slug


def open_step(status: str, wanted: str = "", *, can_work: bool = False, force: bool = False) -> Step:
    """The step that is open: ``wanted`` if it was reached (or closing, for a worker), else the current one.

    ``force``: open ``wanted`` anyway (a form of that step came back with errors)."""
    current = [s.status for s in STEPS].index(status)
    step = BY_SLUG.get(wanted)
    if step is None:
        return STEPS[current]
    index = STEPS.index(step)
    if force or index <= current or (step.status == Status.CLOSED and can_work and _may_close_early(status)):
        return step
    return STEPS[current]


def request_steps(status: str, wanted: str = "", *, can_work: bool = False, force: bool = False) -> list[dict]:
    """The four steps for the template: number, label, state (done, current, todo), open, can_open."""
    current = [s.status for s in STEPS].index(status)
    opened = open_step(status, wanted, can_work=can_work, force=force)
    closed = status == Status.CLOSED
    steps = []
    for index, step in enumerate(STEPS):
        if index < current or (closed and index == current):
            state = "done"
        elif index == current:
            state = "current"
        else:
            state = "todo"
        # "Wijzigen" only where something can be changed: an open request, for who works on it.
        can_open = can_work and (index <= current or (step.status == Status.CLOSED and _may_close_early(status)))
        steps.append(
            {
                "number": index + 1,
                "status": step.status,
                "slug": step.slug,
                "label": step.label,
                "template": step.template,
                "state": state,
                "state_label": STATE_LABELS[state],
                "open": step == opened,
                "can_open": can_open and step != opened,
                "is_current": index == current,
            }
        )
    return steps
