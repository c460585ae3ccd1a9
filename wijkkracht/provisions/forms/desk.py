from django import forms
from django.utils.translation import gettext_lazy as _

from wijkkracht.provisions.selectors.choices import Channel, Outcome, SessionMode, Topic

from .common import DATETIME, DATETIME_FORMATS, Form, ModelPick


class QuestionForm(Form):
    """Register a visitor's question in a few taps: topic, outcome; a name only with consent."""

    provision = ModelPick(label=_("Voorziening"), error_messages={"required": _("Kies de voorziening.")})
    session = ModelPick(label=_("Spreekuur"), required=False)
    channel = forms.ChoiceField(
        label=_("Hoe kwam de vraag binnen?"), choices=Channel.choices, widget=forms.RadioSelect, initial="walk_in"
    )
    topic = forms.ChoiceField(
        label=_("Waar ging de vraag over?"),
        choices=Topic.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies waar de vraag over ging.")},
    )
    outcome = forms.ChoiceField(
        label=_("Wat is ermee gebeurd?"),
        choices=Outcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies wat er met de vraag is gebeurd.")},
    )
    passed_to = forms.CharField(label=_("Doorgezet naar"), max_length=200, required=False)
    note = forms.CharField(label=_("Korte notitie (geen namen)"), max_length=300, required=False)
    visitor_name = forms.CharField(label=_("Naam van de bezoeker"), max_length=150, required=False)
    visitor_phone = forms.CharField(label=_("Telefoon van de bezoeker"), max_length=20, required=False)
    consent = forms.BooleanField(
        label=_("De bezoeker geeft toestemming om naam en telefoonnummer vast te leggen"), required=False
    )

    def __init__(self, *args, provisions=(), sessions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["provision"].set_objects(provisions, lambda p: f"{p.name} ({p.team})")
        self.fields["session"].set_objects(sessions, lambda s: str(s), empty=_("Geen (los van een spreekuur)"))
        self.fields["visitor_phone"].widget.attrs.update({"inputmode": "tel", "autocomplete": "off"})
        self.fields["visitor_name"].widget.attrs["autocomplete"] = "off"


class SessionForm(Form):
    provision = ModelPick(label=_("Voorziening"), error_messages={"required": _("Kies de voorziening.")})
    starts_at = forms.DateTimeField(label=_("Begint om"), widget=DATETIME, input_formats=DATETIME_FORMATS)
    ends_at = forms.DateTimeField(label=_("Eindigt om"), widget=DATETIME, input_formats=DATETIME_FORMATS)
    mode = forms.ChoiceField(label=_("Vorm"), choices=SessionMode.choices)
    place = forms.CharField(label=_("Plek"), max_length=200, required=False)
    volunteers = forms.TypedMultipleChoiceField(
        label=_("Vrijwilligers"), coerce=int, required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, provisions=(), volunteers=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["provision"].set_objects(provisions, lambda p: f"{p.name} ({p.team})")
        self.volunteer_objects = {v.pk: v for v in volunteers}
        self.fields["volunteers"].choices = [(v.pk, v.get_full_name() or v.username) for v in volunteers]

    def chosen_volunteers(self):
        return [
            self.volunteer_objects[pk] for pk in self.cleaned_data.get("volunteers", []) if pk in self.volunteer_objects
        ]


class LinkForm(Form):
    resident = forms.UUIDField(
        label=_("Inwoner"),
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies de inwoner."), "invalid": _("Kies de inwoner.")},
    )
    consent = forms.BooleanField(label=_("De bezoeker geeft (nu) toestemming voor het koppelen"), required=False)

    def __init__(self, *args, residents=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["resident"].widget.choices = [
            (str(r.public_id), f"{r.full_name} ({r.birth_date:%d-%m-%Y})") for r in residents
        ]
