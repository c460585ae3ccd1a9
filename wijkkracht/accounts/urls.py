from django.urls import path

from . import admin_views, views

app_name = "accounts"
urlpatterns = [
    path("inloggen/", views.LoginView.as_view(), name="login"),
    path("inloggen/tweede-stap/", views.VerifyView.as_view(), name="verify"),
    path("inloggen/tweede-stap/instellen/", views.SetupView.as_view(), name="setup"),
    path("uitloggen/", views.LogoutView.as_view(), name="logout"),
    path("wachtwoord/", views.PasswordChangeView.as_view(), name="password-change"),
    path("gebruikers/", admin_views.UserListView.as_view(), name="user-list"),
    path("gebruikers/nieuw/", admin_views.UserCreateView.as_view(), name="user-create"),
    path("gebruikers/<int:pk>/", admin_views.UserUpdateView.as_view(), name="user-update"),
    path(
        "gebruikers/<int:pk>/tweede-stap-wissen/",
        admin_views.UserResetSecondFactorView.as_view(),
        name="user-reset-2fa",
    ),
]
