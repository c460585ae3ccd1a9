"""The real URL configuration plus one endpoint nobody wrote a rule for."""

from django.http import HttpResponse
from django.urls import path

from wijkkracht.urls import urlpatterns as real_patterns

urlpatterns = [*real_patterns, path("export/", lambda request: HttpResponse("names"), name="secret-export")]
