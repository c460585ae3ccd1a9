from django.urls import path

from . import views

app_name = "areas"
urlpatterns = [
    path("buurten/", views.NeighbourhoodListView.as_view(), name="neighbourhood-list"),
    path("buurten/postcodegebied/", views.PostcodeAreaCreateView.as_view(), name="postcode-area-create"),
    path("postcode/", views.PostcodeCheckView.as_view(), name="postcode-check"),
]
