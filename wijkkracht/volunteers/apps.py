from django.apps import AppConfig


class VolunteersConfig(AppConfig):
    name = "wijkkracht.volunteers"
    label = "volunteers"
    verbose_name = "Vrijwilligers en koppelingen"

    def ready(self):
        from django.utils.translation import gettext_lazy as _

        from wijkkracht.audit.labels import view_labels_register
        from wijkkracht.core.registries import MenuItem, StartTile, menu_register, start_tile_register
        from wijkkracht.people.sections import ResidentSection, section_register

        from .selectors.resident import resident_volunteer_section
        from .selectors.start import coordinator_tile, volunteer_tile

        menu_register(MenuItem("volunteers:coordinator", _("Vrijwilligers"), "volunteers.coordinate", order=60))
        menu_register(MenuItem("volunteers:my", _("Mijn koppelingen"), "volunteers.volunteer_self", order=60))
        start_tile_register(
            StartTile("volunteers-coordinator", 40, "volunteers/partials/tile_coordinator.html", coordinator_tile)
        )
        start_tile_register(StartTile("volunteers-self", 41, "volunteers/partials/tile_volunteer.html", volunteer_tile))
        section_register(
            ResidentSection("volunteers", 30, "volunteers/partials/resident_section.html", resident_volunteer_section)
        )
        view_labels_register(
            app="volunteers",
            app_label=_("vrijwilligers"),
            pages={
                "proposal-respond": _("voorstel beantwoorden via de link in de e-mail"),
                "calendar-feed": _("agenda-abonnement van een vrijwilliger"),
                "my": _("mijn koppelingen (vrijwilliger)"),
                "my-availability": _("mijn beschikbaarheid (vrijwilliger)"),
                "my-calendar": _("mijn agenda (vrijwilliger)"),
                "my-match": _("mijn koppeling (vrijwilliger)"),
                "my-match-respond": _("voorstel beantwoorden (vrijwilliger)"),
                "my-match-hours": _("uren melden (vrijwilliger)"),
                "my-match-concern": _("zorg melden (vrijwilliger)"),
                "coordinator": _("vrijwilligers: overzicht van de coördinator"),
                "volunteer-list": _("vrijwilligers zoeken"),
                "volunteer-create": _("vrijwilliger registreren"),
                "skill-list": _("vaardigheden"),
                "figures": _("cijfers vrijwilligerswerk"),
                "volunteer-detail": _("vrijwilliger"),
                "volunteer-update": _("vrijwilliger wijzigen"),
                "volunteer-status": _("status van een vrijwilliger"),
                "request-list": _("vragen om een vrijwilliger"),
                "request-create": _("vraag om een vrijwilliger aanmaken"),
                "request-detail": _("vraag om een vrijwilliger"),
                "request-propose": _("kandidaten voor een vraag"),
                "request-close": _("vraag om een vrijwilliger sluiten"),
                "batch": _("alle open vragen koppelen"),
                "match-detail": _("koppeling"),
                "match-action": _("stap in een koppeling"),
            },
            api_pages={
                "volunteer-list": _("vrijwilligers"),
                "volunteer-detail": _("vrijwilliger"),
                "volunteer-request-list": _("vragen om een vrijwilliger"),
                "volunteer-request-candidates": _("kandidaten voor een vraag"),
                "match-list": _("koppelingen"),
                "my-match-list": _("mijn koppelingen (vrijwilliger)"),
                "my-match-hours": _("uren melden (vrijwilliger)"),
            },
        )
