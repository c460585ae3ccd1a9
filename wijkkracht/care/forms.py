"""Forms for signals, pilot-light contacts and carers. The services check the rules again."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wijkkracht.core.forms import NLDSFormMixin

from .selectors import CHANNEL_CHOICES, CONTACT_KINDS, EDIZ_ANSWERS, EDIZ_ITEMS, SIGNAL_SOURCES

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class _RadioMixin:
    """Native radio buttons (the NL DS form mixin would give them text-box classes)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field.widget, forms.RadioSelect):
                field.widget.attrs["class"] = ""


class UserChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.get_username()


class ResidentPickMixin(_RadioMixin):
    """A resident to pick from search results (public ids), when the signal names nobody yet."""

    def __init__(self, *args, residents=(), need_resident=False, **kwargs):
        super().__init__(*args, **kwargs)
        if need_resident:
            self.fields["resident"] = forms.UUIDField(
                label=_("Inwoner"),
                help_text=_("Zoek de inwoner hierboven op naam en kies hem of haar."),
                widget=forms.RadioSelect(attrs={"class": ""}),
                error_messages={"required": _("Kies de inwoner."), "invalid": _("Kies de inwoner.")},
            )
            self.set_residents(residents)

    def set_residents(self, residents) -> None:
        if "resident" in self.fields:
            self.fields["resident"].widget.choices = [
                (str(r.public_id), f"{r.full_name} ({r.birth_date:%d-%m-%Y})") for r in residents
            ]


class SignalForm(NLDSFormMixin, forms.Form):
    source = forms.ChoiceField(
        label=_("Wie meldt de zorg?"), choices=SIGNAL_SOURCES, error_messages={"required": _("Kies wie de zorg meldt.")}
    )
    reporter = forms.CharField(label=_("Naam of functie van de melder"), max_length=150, required=False)
    reporter_contact = forms.CharField(label=_("Hoe is de melder bereikbaar?"), max_length=150, required=False)
    about = forms.CharField(
        label=_("Over wie gaat het?"),
        help_text=_("Bijvoorbeeld een adres of omschrijving, als de inwoner nog niet bekend is."),
        max_length=250,
        required=False,
    )
    concern = forms.CharField(
        label=_("Wat is de zorg?"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("Beschrijf de zorg.")},
    )
    team = forms.TypedChoiceField(label=_("Team"), coerce=int, required=False)

    def __init__(self, *args, resident=None, teams=(), **kwargs):
        super().__init__(*args, **kwargs)
        if resident is not None:
            del self.fields["about"]
        if resident is not None or len(teams) <= 1:
            del self.fields["team"]
        else:
            self.fields["team"].choices = [("", _("Kies een team")), *((t.pk, t.name) for t in teams)]

    def clean(self):
        data = super().clean()
        if "about" in self.fields and not data.get("about"):
            self.add_error("about", _("Kies een inwoner of beschrijf over wie de zorg gaat."))
        return data


class TriageRequestForm(ResidentPickMixin, NLDSFormMixin, forms.Form):
    channel = forms.ChoiceField(label=_("Hoe kwam de vraag binnen?"), choices=CHANNEL_CHOICES, initial="outreach")
    question = forms.CharField(
        label=_("De vraag in de woorden van de inwoner"),
        help_text=_(
            "Alleen als u de inwoner al sprak. Leeg laten: de zorg van de melder komt als aanleiding op de "
            "hulpvraag, met wie het meldde."
        ),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class TriageWatchForm(ResidentPickMixin, NLDSFormMixin, forms.Form):
    owner = UserChoiceField(
        label=_("Wie onderhoudt het contact?"),
        queryset=None,
        error_messages={"required": _("Kies wie het contact onderhoudt."), "invalid_choice": _("Kies een collega.")},
    )
    interval_weeks = forms.IntegerField(
        label=_("Elke hoeveel weken?"),
        min_value=1,
        max_value=52,
        initial=4,
        error_messages={
            "required": _("Kies een interval van 1 tot en met 52 weken."),
            "min_value": _("Kies een interval van 1 tot en met 52 weken."),
            "max_value": _("Kies een interval van 1 tot en met 52 weken."),
        },
    )

    def __init__(self, *args, owners=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = owners


class SignalCloseForm(NLDSFormMixin, forms.Form):
    reason = forms.CharField(
        label=_("Waarom wordt het signaal gesloten zonder actie?"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Geef een reden waarom het signaal zonder actie wordt gesloten.")},
    )


class WatchStartForm(TriageWatchForm):
    reason = forms.CharField(
        label=_("Waarom een waakvlamcontact?"), max_length=500, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    first_due = forms.DateField(
        label=_("Eerste contact op"),
        widget=DATE,
        initial=timezone.localdate,
        error_messages={
            "required": _("Kies de datum van het eerste contact."),
            "invalid": _("Geef een geldige datum."),
        },
    )


class WatchLogForm(_RadioMixin, NLDSFormMixin, forms.Form):
    kind = forms.ChoiceField(
        label=_("Soort contact"),
        choices=CONTACT_KINDS,
        initial="call",
        error_messages={"required": _("Kies de soort contact.")},
    )
    on = forms.DateField(
        label=_("Datum"),
        widget=DATE,
        initial=timezone.localdate,
        error_messages={"required": _("Kies de datum van het contact."), "invalid": _("Geef een geldige datum.")},
    )
    note = forms.CharField(
        label=_("Korte notitie"), max_length=1000, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, **kwargs):
        # Ids as the hand-written quick form writes them ("<prefix>-kind"), so the error summary links there.
        kwargs.setdefault("auto_id", "%s")
        super().__init__(*args, **kwargs)

    def clean_on(self):
        on = self.cleaned_data["on"]
        if on > timezone.localdate():
            raise forms.ValidationError(_("Een contactmoment kan niet in de toekomst liggen."))
        return on

    def contact_at(self):
        """Today: now; an earlier day: midday of that day."""
        on = self.cleaned_data["on"]
        if on == timezone.localdate():
            return timezone.now()
        return timezone.make_aware(datetime.datetime.combine(on, datetime.time(12)))


class CarerForm(_RadioMixin, NLDSFormMixin, forms.Form):
    cared_for = forms.ChoiceField(label=_("Zorgt voor"), required=False, widget=forms.RadioSelect)
    cared_for_description = forms.CharField(
        label=_("Of: voor wie (als het geen bekende inwoner is)"),
        help_text=_("Bijvoorbeeld: moeder, woont in Almere Haven."),
        max_length=200,
        required=False,
    )
    relationship = forms.CharField(label=_("Relatie"), max_length=100, required=False)
    hours_per_week = forms.IntegerField(
        label=_("Uren mantelzorg per week"),
        min_value=0,
        max_value=168,
        error_messages={
            "required": _("Vul het aantal uren per week in."),
            "invalid": _("Vul het aantal uren per week in als getal."),
            "min_value": _("Het aantal uren per week ligt tussen 0 en 168."),
            "max_value": _("Het aantal uren per week ligt tussen 0 en 168."),
        },
    )
    since = forms.DateField(
        label=_("Zorgt sinds"), required=False, widget=DATE, error_messages={"invalid": _("Geef een geldige datum.")}
    )

    def __init__(self, *args, members=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.members = {str(m.public_id): m for m in members}
        if members:
            self.fields["cared_for"].choices = [
                ("", _("iemand anders (beschrijf hieronder)")),
                *((str(m.public_id), m.full_name) for m in members),
            ]
        else:
            del self.fields["cared_for"]

    def cared_for_resident(self):
        return self.members.get(self.cleaned_data.get("cared_for") or "")


class EdizForm(_RadioMixin, NLDSFormMixin, forms.Form):
    """The nine EDIZ statements, each on the five-point scale Nee! .. Ja!."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for i, item in enumerate(EDIZ_ITEMS, start=1):
            self.fields[f"item_{i}"] = forms.TypedChoiceField(
                label=item,
                choices=EDIZ_ANSWERS,
                coerce=int,
                widget=forms.RadioSelect(attrs={"class": ""}),
                error_messages={
                    "required": _("Beantwoord deze uitspraak."),
                    "invalid_choice": _("Beantwoord deze uitspraak."),
                },
            )

    def answers(self) -> list[int]:
        return [self.cleaned_data[f"item_{i}"] for i in range(1, len(EDIZ_ITEMS) + 1)]
