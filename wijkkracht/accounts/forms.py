from django import forms
from django.utils.translation import gettext_lazy as _

from wijkkracht.core.forms import NLDSFormMixin


class PasswordStepForm(NLDSFormMixin, forms.Form):
    username = forms.CharField(
        label=_("Gebruikersnaam"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "username", "autofocus": True}),
    )
    password = forms.CharField(
        label=_("Wachtwoord"), widget=forms.PasswordInput(attrs={"autocomplete": "current-password"})
    )


class TokenForm(NLDSFormMixin, forms.Form):
    token = forms.RegexField(
        label=_("Code uit uw authenticator-app"),
        regex=r"^\s*\d{6}\s*$",
        error_messages={"invalid": _("Vul de zescijferige code in."), "required": _("Vul de zescijferige code in.")},
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}),
    )

    def clean_token(self):
        return self.cleaned_data["token"].strip()
