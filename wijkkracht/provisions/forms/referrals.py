from django import forms
from django.utils.translation import gettext_lazy as _

from wijkkracht.provisions.services.referrals import REPORT_STATUSES

from .common import DATE, Form


class ReferralForm(Form):
    note = forms.CharField(
        label=_("Waarom deze verwijzing (voor de aanbieder)"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    share_contact = forms.BooleanField(
        label=_("De inwoner geeft toestemming dat de aanbieder naam en telefoonnummer ziet"), required=False
    )


class ReportForm(Form):
    status = forms.ChoiceField(
        label=_("Hoe staat de verwijzing?"),
        choices=[(s.value, s.label) for s in REPORT_STATUSES],
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies hoe de verwijzing staat.")},
    )
    status_reason = forms.CharField(
        label=_("Toelichting (verplicht bij afwijzen)"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class FoodBankForm(Form):
    household_size = forms.IntegerField(label=_("Personen in het huishouden"), min_value=1, max_value=20)
    reason = forms.CharField(
        label=_("Reden van de aanmelding"), max_length=500, widget=forms.Textarea(attrs={"rows": 3})
    )


class FoodBankDecideForm(Form):
    admitted = forms.TypedChoiceField(
        label=_("Besluit"),
        coerce=lambda v: v == "yes",
        choices=[("yes", _("toegelaten")), ("no", _("niet toegelaten"))],
        widget=forms.RadioSelect,
    )
    valid_until = forms.DateField(label=_("Toegelaten tot"), widget=DATE, required=False)


class CityPassForm(Form):
    valid_until = forms.DateField(label=_("Stadspas geldig tot"), widget=DATE)
