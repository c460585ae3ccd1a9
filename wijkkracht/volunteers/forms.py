"""Forms of the volunteer pages. Availability is a grid of 21 checkboxes (7 days × morning, afternoon, evening)."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wijkkracht.core.forms import NLDSFormMixin

from .choices import DAY_NAMES, END_REASONS, LANGUAGES, PARTS, Kind, Preference, Target, mask, slot_label, unmask

SLOT_CHOICES = [(str(bit), "") for bit in range(21)]


def date_input():
    """A browser date picker: its value must be ISO (2026-01-05), whatever the language."""
    return forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})


class SlotsField(forms.MultipleChoiceField):
    """The week's moments as a bit mask (``slot_label`` gives each box its name)."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        super().__init__(choices=[(str(bit), slot_label(bit)) for bit in range(21)], **kwargs)

    def clean(self, value):
        return sum(1 << int(v) for v in super().clean(value))

    def prepare_value(self, value):
        if isinstance(value, int):
            return [str(bit) for bit in range(21) if value >> bit & 1]
        return value


class MaskField(forms.MultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def __init__(self, choices_class, **kwargs):
        self.choices_class = choices_class
        super().__init__(choices=choices_class.choices, **kwargs)

    def clean(self, value):
        return mask(super().clean(value), self.choices_class)

    def prepare_value(self, value):
        return unmask(value, self.choices_class) if isinstance(value, int) else value


class ProfileForm(NLDSFormMixin, forms.Form):
    first_name = forms.CharField(label=_("Voornaam"), max_length=80)
    last_name = forms.CharField(label=_("Achternaam"), max_length=120)
    email = forms.EmailField(label=_("E-mailadres"))
    phone = forms.CharField(label=_("Telefoon"), max_length=20, required=False)
    postcode = forms.CharField(label=_("Postcode"), max_length=7, help_text=_("Bijvoorbeeld 1315 AB."))
    kinds = MaskField(Kind, label=_("Wat wilt u doen?"))
    skills = forms.ModelMultipleChoiceField(
        label=_("Waar bent u goed in?"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )
    languages = forms.MultipleChoiceField(
        label=_("Welke talen spreekt u?"), choices=LANGUAGES, widget=forms.CheckboxSelectMultiple, initial=["nl"]
    )
    availability = SlotsField(label=_("Wanneer kunt u?"))
    preferences = MaskField(Preference, label=_("Wat doet u het liefst?"), required=False)
    max_distance_km = forms.IntegerField(label=_("Hoe ver wilt u reizen (km)?"), min_value=1, max_value=30, initial=3)
    motivation = forms.CharField(
        label=_("Waarom wilt u vrijwilliger worden?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=1000,
    )

    def __init__(self, *args, skills=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["skills"].queryset = skills

    def values(self) -> dict:
        data = dict(self.cleaned_data)
        data.pop("skills", None)
        return data


class SignUpForm(ProfileForm):
    """The public form. Its honeypot (``website``) is no field of the form: the template hides it from people
    and screen readers, the view reads it from the POST (views_public.py)."""

    agree = forms.BooleanField(
        label=_("Ik geef toestemming om mijn gegevens te bewaren voor het koppelen aan een hulpvraag."),
    )

    def values(self) -> dict:
        data = super().values()
        data.pop("agree", None)
        return data


class CoordinatorProfileForm(ProfileForm):
    capacity = forms.IntegerField(label=_("Koppelingen tegelijk"), min_value=1, max_value=10, initial=1)
    training = forms.CharField(
        label=_("Gevolgde trainingen"), widget=forms.Textarea(attrs={"rows": 2}), required=False, max_length=1000
    )
    intake_on = forms.DateField(label=_("Datum intakegesprek"), required=False, widget=date_input())
    intake_note = forms.CharField(
        label=_("Notitie intake"), widget=forms.Textarea(attrs={"rows": 3}), required=False, max_length=2000
    )
    vog_issued_on = forms.DateField(
        label=_("VOG afgegeven op"),
        required=False,
        widget=date_input(),
        help_text=_("Een VOG is drie jaar geldig."),
    )


class StatusForm(NLDSFormMixin, forms.Form):
    status = forms.ChoiceField(
        label=_("Status"), choices=[("active", _("actief")), ("paused", _("gepauzeerd")), ("stopped", _("gestopt"))]
    )
    status_reason = forms.CharField(label=_("Reden"), max_length=250, required=False)


class AvailabilityForm(NLDSFormMixin, forms.Form):
    availability = SlotsField(label=_("Wanneer kunt u?"))
    max_distance_km = forms.IntegerField(label=_("Hoe ver wilt u reizen (km)?"), min_value=1, max_value=30)


class RequestForm(NLDSFormMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Soort werk"), choices=Kind.choices)
    task = forms.CharField(
        label=_("Wat is er nodig?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        help_text=_("Kort en zonder gevoelige details: de vrijwilliger leest dit."),
    )
    availability = SlotsField(label=_("Wanneer?"))
    skills = forms.ModelMultipleChoiceField(
        label=_("Gewenste vaardigheden"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )
    language = forms.ChoiceField(label=_("Taal van de inwoner"), choices=LANGUAGES)
    target = forms.ChoiceField(label=_("Voor wie"), choices=Target.choices)
    long_term = forms.BooleanField(label=_("Voor langere tijd (een maatje)"), required=False)
    needs_vog = forms.BooleanField(label=_("VOG nodig (kwetsbare inwoner of kind)"), required=False, initial=True)
    max_distance_km = forms.IntegerField(label=_("Hoogstens zo ver weg (km)"), min_value=1, max_value=30, initial=3)
    help_request = forms.ChoiceField(label=_("Bij hulpvraag"), required=False)

    def __init__(self, *args, skills=(), help_requests=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["skills"].queryset = skills
        self.help_requests = {str(h.public_id): h for h in help_requests}
        self.fields["help_request"].choices = [("", _("geen (kleine burenhulp)"))] + [
            (key, h.question[:60]) for key, h in self.help_requests.items()
        ]

    def chosen_help_request(self):
        return self.help_requests.get(self.cleaned_data.get("help_request") or "")


class HoursForm(NLDSFormMixin, forms.Form):
    on = forms.DateField(label=_("Datum"), widget=date_input(), initial=timezone.localdate)
    hours = forms.DecimalField(label=_("Uren"), min_value=0.1, max_value=24, decimal_places=1, localize=True)
    note = forms.CharField(label=_("Wat heeft u gedaan?"), max_length=250, required=False)


class ConcernForm(NLDSFormMixin, forms.Form):
    text = forms.CharField(
        label=_("Wat zit u dwars?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text=_("De coördinator leest dit en neemt contact met u op."),
    )


class RespondForm(NLDSFormMixin, forms.Form):
    answer = forms.ChoiceField(
        choices=[("yes", _("Ja, ik doe mee")), ("no", _("Nee, liever niet"))], widget=forms.HiddenInput
    )
    reason = forms.CharField(label=_("Waarom niet? (mag leeg)"), max_length=250, required=False)


class IntroduceForm(NLDSFormMixin, forms.Form):
    at = forms.DateTimeField(
        label=_("Kennismaking op"),
        widget=forms.DateTimeInput(format="%Y-%m-%dT%H:%M", attrs={"type": "datetime-local"}),
    )


class StartForm(NLDSFormMixin, forms.Form):
    on = forms.DateField(label=_("Start op"), widget=date_input(), initial=timezone.localdate)
    weekly_day = forms.TypedChoiceField(
        label=_("Vaste dag"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", _("geen vaste dag"))] + [(i, name) for i, name in enumerate(DAY_NAMES)],
    )
    weekly_time = forms.TimeField(
        label=_("Vaste tijd"), required=False, widget=forms.TimeInput(format="%H:%M", attrs={"type": "time"})
    )


class FollowUpForm(NLDSFormMixin, forms.Form):
    note = forms.CharField(label=_("Hoe gaat het?"), widget=forms.Textarea(attrs={"rows": 2}), max_length=1000)


class EndForm(NLDSFormMixin, forms.Form):
    reason = forms.ChoiceField(label=_("Reden"), choices=END_REASONS)
    evaluation = forms.CharField(
        label=_("Korte evaluatie"), widget=forms.Textarea(attrs={"rows": 2}), required=False, max_length=1000
    )


class SkillForm(NLDSFormMixin, forms.Form):
    name = forms.CharField(label=_("Nieuwe vaardigheid"), max_length=80)


PART_NAMES = PARTS
