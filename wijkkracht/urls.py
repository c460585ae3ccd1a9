from django.urls import include, path
from django.views.i18n import set_language

from wijkkracht.core.views import HealthView
from wijkkracht.workspace.views_home import HomeView

# The start page and the health check keep the "core" namespace: the page itself sits on top (workspace).
core_urls = (
    [
        path("", HomeView.as_view(), name="home"),
        path("gezondheid/", HealthView.as_view(), name="health"),
    ],
    "core",
)

urlpatterns = [
    path("", include(core_urls)),
    path("account/", include("wijkkracht.accounts.urls")),
    path("inwoners/", include("wijkkracht.people.urls")),
    path("hulpvragen/", include("wijkkracht.cases.urls")),
    path("zorg/", include("wijkkracht.care.urls")),
    path("vrijwilligers/", include("wijkkracht.volunteers.urls")),
    path("sociale-kaart/", include("wijkkracht.socialmap.urls")),
    path("voorzieningen/", include("wijkkracht.provisions.urls")),
    path("werk/", include("wijkkracht.workspace.urls")),
    path("gebieden/", include("wijkkracht.areas.urls")),
    path("organisaties/", include("wijkkracht.organisations.urls")),
    path("audit/", include("wijkkracht.audit.urls")),
    path("api/v1/", include("wijkkracht.api_urls")),
    path("taal/", set_language, name="set_language"),
]

# Each answers problem+json (RFC 9457) for paths under /api/, the Dutch page elsewhere.
handler400 = "wijkkracht.core.views.bad_request"
handler403 = "wijkkracht.core.views.permission_denied"
handler404 = "wijkkracht.core.views.page_not_found"
handler500 = "wijkkracht.core.views.server_error"
