"""Writes for volunteers, requests for a volunteer and matches (``<entity>_<action>``, keyword-only)."""

from .matches import (  # noqa: F401
    FOLLOW_UP_WEEKS,
    concern_handle,
    concern_report,
    hours_report,
    match_end,
    match_follow_up_done,
    match_introduce,
    match_propose,
    match_respond,
    match_start,
    match_suggestion_accept,
    match_suggestions_replace,
    match_withdraw,
)
from .volunteers import (  # noqa: F401
    postcode_place,
    request_close,
    request_create,
    skill_create,
    skill_toggle,
    target_for,
    vog_reminders_send,
    volunteer_availability_set,
    volunteer_calendar_renew,
    volunteer_register,
    volunteer_sign_up,
    volunteer_status_set,
    volunteer_update,
)
