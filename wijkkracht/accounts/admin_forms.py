from django import forms
from django.contrib.auth.password_validation import validate_password
from django.utils.translation import gettext_lazy as _

from wijkkracht.core.forms import NLDSFormMixin
from wijkkracht.organisations.models import Team

from .models import User


class UserForm(NLDSFormMixin, forms.ModelForm):
    teams = forms.ModelMultipleChoiceField(
        label=_("Teams"),
        queryset=Team.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "De teams waarin deze persoon werkt. Wie in een team werkt, ziet de inwoners van de buurten van dat team."
        ),
    )

    class Meta:
        model = User
        fields = ["username", "first_name", "last_name", "email", "organisation", "role", "teams", "is_active"]
        labels = {
            "username": _("Gebruikersnaam"),
            "first_name": _("Voornaam"),
            "last_name": _("Achternaam"),
            "email": _("E-mail"),
            "is_active": _("Actief"),
        }
        help_texts = {
            "username": _("Hiermee logt de persoon in: kleine letters, zonder spaties, bijvoorbeeld sjansen."),
            "first_name": "",
            "last_name": "",
            "email": _("Voor berichten over het account, bijvoorbeeld als het wachtwoord is vergeten."),
            "organisation": _("De organisatie waar deze persoon in dienst is."),
            "role": _("Wat deze persoon doet. De rol bepaalt wat hij of zij in wijkkracht mag zien en doen."),
            "is_active": _("Zet dit uit als iemand hier niet meer werkt: inloggen kan dan niet meer."),
        }
        error_messages = {
            "username": {
                "unique": _("Deze gebruikersnaam bestaat al."),
                "invalid": _("Gebruik alleen letters, cijfers en de tekens . @ + - _ (geen spaties)."),
                "required": _("Vul een gebruikersnaam in."),
            }
        }
        widgets = {"username": forms.TextInput(attrs={"autocomplete": "off"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].required = True
        self.fields["organisation"].empty_label = _("Kies een organisatie")
        self.fields["organisation"].error_messages["required"] = _(
            "Kies de organisatie waar deze persoon in dienst is."
        )
        if self.instance.pk:
            self.fields["teams"].initial = self.instance.teams.all()


class UserCreateForm(UserForm):
    password = forms.CharField(
        label=_("Eerste wachtwoord"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_(
            "Minstens 12 tekens. Bij de eerste keer inloggen kiest de gebruiker een eigen wachtwoord en stelt de "
            "tweede stap in."
        ),
    )

    def clean_password(self):
        password = self.cleaned_data["password"]
        validate_password(password)
        return password
