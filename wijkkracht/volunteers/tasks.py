"""Jobs of volunteering (Celery; in-process without a broker)."""

from celery import shared_task


@shared_task(name="wijkkracht.volunteers.tasks.vog_reminders")
def vog_reminders() -> int:
    """E-mail active volunteers whose certificate of conduct (VOG) lapses within six weeks (daily)."""
    from .services import vog_reminders_send

    return vog_reminders_send()
