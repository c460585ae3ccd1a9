"""The people app's tile on the start page (registered in PeopleConfig.ready): find a resident, and the
residents the user opened last (read through the kernel, so only those the user may still see)."""

from wijkkracht.people import selectors


def resident_tile(*, request) -> dict | None:
    user = request.user
    if not user.has_perm("people.view_resident"):
        return None
    return {
        "count": selectors.resident_count_visible(user=user),
        "recent": selectors.residents_recently_opened(user=user, view="core:home"),
        "can_create": user.has_perm("people.change_resident"),
    }
