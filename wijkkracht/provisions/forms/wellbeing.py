from django import forms
from django.utils.translation import gettext_lazy as _

from wijkkracht.provisions.selectors.choices import PrescriptionOutcome, PrescriptionReason

from .common import DATE, Form, ModelPick

SCALE = [(n, str(n)) for n in range(1, 11)]


class PrescriptionForm(Form):
    """The GP's prescription (the GP field only where the centre records a paper prescription)."""

    gp = ModelPick(label=_("Huisarts"), required=False)
    team = ModelPick(label=_("Wijkcentrum"), error_messages={"required": _("Kies het wijkcentrum.")})
    patient_name = forms.CharField(label=_("Naam van de patiënt"), max_length=150)
    patient_birth_date = forms.DateField(label=_("Geboortedatum"), widget=DATE, required=False)
    patient_phone = forms.CharField(label=_("Telefoon"), max_length=20, required=False)
    reason = forms.ChoiceField(label=_("Reden"), choices=PrescriptionReason.choices, widget=forms.RadioSelect)
    reason_note = forms.CharField(
        label=_("Toelichting voor de welzijnscoach"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, centres=(), gps=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].set_objects(centres)
        if gps is None:
            del self.fields["gp"]
        else:
            self.fields["gp"].set_objects(gps, lambda u: u.get_full_name() or u.username, empty=_("Kies de huisarts"))
            self.fields["gp"].required = True
            self.fields["gp"].error_messages["required"] = _(
                "Een welzijnsrecept heeft een huisarts nodig: kies de huisarts die het schreef."
            )


class ContactForm(Form):
    wellbeing_before = forms.TypedChoiceField(
        label=_("Welbevinden nu (1 = heel slecht, 10 = heel goed)"), choices=SCALE, coerce=int, widget=forms.RadioSelect
    )


class AgreeForm(Form):
    activities = forms.TypedMultipleChoiceField(
        label=_("Activiteiten (sociale kaart)"),
        coerce=int,
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    note = forms.CharField(label=_("Wat is afgesproken"), max_length=500, required=False)

    def __init__(self, *args, resources=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.resources = {r.pk: r for r in resources}
        self.fields["activities"].choices = [(r.pk, f"{r.name} ({r.provider.name})") for r in resources]

    def chosen(self):
        return [self.resources[pk] for pk in self.cleaned_data.get("activities", []) if pk in self.resources]


class FollowUpForm(Form):
    follow_up_note = forms.CharField(label=_("Hoe gaat het?"), max_length=500, widget=forms.Textarea(attrs={"rows": 2}))


class CloseForm(Form):
    wellbeing_after = forms.TypedChoiceField(
        label=_("Welbevinden nu (1 = heel slecht, 10 = heel goed)"), choices=SCALE, coerce=int, widget=forms.RadioSelect
    )
    outcome = forms.ChoiceField(label=_("Uitkomst"), choices=PrescriptionOutcome.choices, widget=forms.RadioSelect)
