from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wijkkracht.core.forms import NLDSFormMixin

from .models import Event


class AuditSearchForm(NLDSFormMixin, forms.Form):
    subject_ref = forms.CharField(
        label=_("Inwoner (referentie)"),
        required=False,
        max_length=36,
        help_text=_("De referentie van de inwoner, bijvoorbeeld 3F2A9C1B."),
    )
    username = forms.CharField(label=_("Gebruiker (gebruikersnaam)"), required=False, max_length=150)
    date_from = forms.DateField(
        label=_("Vanaf datum"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Vul een geldige datum in.")},
    )
    date_to = forms.DateField(
        label=_("Tot en met datum"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Vul een geldige datum in.")},
    )
    event = forms.ChoiceField(label=_("Soort"), required=False, choices=[("", _("Alle"))] + list(Event.choices))

    def clean(self):
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_from"] > data["date_to"]:
            raise ValidationError(_("De begindatum ligt na de einddatum."))
        return data


class FlagReviewForm(NLDSFormMixin, forms.Form):
    note = forms.CharField(
        label=_("Notitie"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Wat heeft u bekeken, en wat heeft u besloten of gedaan?"),
        error_messages={"required": _("Schrijf op wat u heeft bekeken en wat u besloot.")},
    )
