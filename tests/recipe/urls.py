from django.urls import include, path

from wijkkracht.urls import urlpatterns as project_urls

from .views import HomeVisitNoteView

recipe = ([path("<uuid:public_id>", HomeVisitNoteView.as_view(), name="note")], "recipe")
urlpatterns = [path("recept/", include(recipe)), *project_urls]
