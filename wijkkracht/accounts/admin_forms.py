from django import forms
from django.contrib.auth.password_validation import validate_password
from django.utils.translation import gettext_lazy as _

from wijkkracht.core.forms import NLDSFormMixin
from wijkkracht.organisations.models import Team

from .models import User


class UserForm(NLDSFormMixin, forms.ModelForm):
    teams = forms.ModelMultipleChoiceField(
        label=_("Teams"), queryset=Team.objects.all(), required=False, widget=forms.CheckboxSelectMultiple
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
        error_messages = {"username": {"unique": _("Deze gebruikersnaam bestaat al.")}}
        widgets = {"username": forms.TextInput(attrs={"autocomplete": "off"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].required = True
        self.fields["organisation"].error_messages["required"] = _(
            "Kies de organisatie waar deze persoon in dienst is."
        )
        if self.instance.pk:
            self.fields["teams"].initial = self.instance.teams.all()


class UserCreateForm(UserForm):
    password = forms.CharField(
        label=_("Eerste wachtwoord"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("Minstens 12 tekens. De gebruiker stelt bij de eerste keer inloggen de tweede stap in."),
    )

    def clean_password(self):
        password = self.cleaned_data["password"]
        validate_password(password)
        return password
