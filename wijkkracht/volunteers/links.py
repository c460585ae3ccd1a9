"""Signed links in e-mails: a volunteer accepts or declines a proposal without logging in.

The link carries the match and its volunteer, signed with the project's secret key and valid for two weeks;
it works only while the match waits for an answer (selectors.proposal_by_token).
"""

from django.core import signing

SALT = "wijkkracht.volunteers.proposal"
MAX_AGE = 14 * 24 * 60 * 60


def proposal_token(match) -> str:
    return signing.dumps({"m": str(match.public_id), "v": match.volunteer_id}, salt=SALT, compress=True)


def proposal_token_read(token: str) -> dict | None:
    """``{"m": match public id, "v": volunteer id}``, or None when the link is altered or too old."""
    try:
        data = signing.loads(token, salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature:
        return None
    return data if isinstance(data, dict) and {"m", "v"} <= set(data) else None
