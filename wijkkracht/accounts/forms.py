from django import forms
from django.contrib.auth.forms import PasswordChangeForm as DjangoPasswordChangeForm
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


PASSWORD_HELP = _(
    "Minstens 12 tekens. Kies iets wat u kunt onthouden maar een ander niet kan raden: niet uw naam, uw "
    "gebruikersnaam of alleen cijfers. Een paar losse woorden achter elkaar werkt goed."
)


class PasswordChangeForm(NLDSFormMixin, DjangoPasswordChangeForm):
    """Change one's own password: the current one first, then the new one twice (with plain Dutch help)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["old_password"].label = _("Uw huidige wachtwoord")
        self.fields["new_password1"].label = _("Nieuw wachtwoord")
        self.fields["new_password1"].help_text = PASSWORD_HELP
        self.fields["new_password2"].label = _("Nieuw wachtwoord, nog een keer")
        self.fields["new_password2"].help_text = _("Zo weten we zeker dat u zich niet vergist.")
        self.fields["old_password"].widget.attrs.pop("autofocus", None)
        self.error_messages = {
            **self.error_messages,
            "password_incorrect": _("Dit is niet uw huidige wachtwoord. Probeer het opnieuw."),
            "password_mismatch": _("De twee nieuwe wachtwoorden zijn niet gelijk."),
        }
        self.style_fields()
