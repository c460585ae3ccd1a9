"""The resident page is composed from sections that other apps register (in their ``AppConfig.ready``).

An app that shows something on the resident page registers a ``ResidentSection``: a provider that
reads what the section shows through the access kernel (``about`` says what the user may see of this
resident, decided once for the page) and the template that renders it (as ``section``). The page asks
the registry; it never probes other apps.

    # cases/apps.py
    def ready(self):
        from wijkkracht.people.sections import ResidentSection, section_register
        from .selectors.resident import resident_case_section
        section_register(ResidentSection("cases", 10, "cases/partials/resident_section.html", resident_case_section))
"""

from collections.abc import Callable
from dataclasses import dataclass

_SECTIONS: dict[str, "ResidentSection"] = {}


@dataclass(frozen=True)
class ResidentSection:
    """``provider(user=, resident=, view=, about=)`` returns the section's context, or None to leave it out."""

    name: str
    order: int
    template: str
    provider: Callable


def section_register(section: ResidentSection) -> None:
    _SECTIONS[section.name] = section


def section_list() -> list[ResidentSection]:
    return sorted(_SECTIONS.values(), key=lambda s: (s.order, s.name))


def resident_sections(*, user, resident, view: str, about) -> list[dict]:
    """Every registered section's context for this resident (in the page's call: one transaction)."""
    shown = []
    for section in section_list():
        context = section.provider(user=user, resident=resident, view=view, about=about)
        if context is not None:
            shown.append({"template": section.template, "context": context, "name": section.name})
    return shown
