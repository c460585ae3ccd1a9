from django.urls import reverse

from .registries import menu_items


def navigation(request):
    """The menu: the items the apps registered (core.registries) that the user's role may use."""
    user = getattr(request, "user", None)
    if not user or not user.is_authenticated or not user.is_fully_authenticated():
        return {"menu": []}
    current = request.resolver_match.view_name if request.resolver_match else ""
    items = [
        {"url": reverse(item.url_name), "label": item.label, "current": item.url_name == current}
        for item in menu_items()
        if user.has_perm(item.permission) and not (item.unless and user.has_perm(item.unless))
    ]
    return {"menu": items}
