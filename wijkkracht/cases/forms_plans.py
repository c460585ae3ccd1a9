"""Forms for the ZRM and the household plan. Validation of substance lives in the services."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wijkkracht.cases.services.assessments import DOMAIN_CHOICES, LEVEL_CHOICES, SOURCE_CHOICES
from wijkkracht.core.forms import NLDSFormMixin

RADIO_CLASS = "utrecht-radio-button utrecht-radio-button--html-input"
SELECT_CLASS = "utrecht-select utrecht-select--html-select"


CHECKBOX_CLASS = "utrecht-checkbox utrecht-checkbox--html-input"
DATE_WIDGET = {"type": "date"}


def confirm_past_field():
    """Hidden until a date in the past is entered: then a checkbox "de datum klopt" (see warn_past_due)."""
    return forms.BooleanField(
        label=_("De datum klopt: deze afspraak is al te laat"), required=False, widget=forms.HiddenInput
    )


def warn_past_due(form, field: str, confirm: str) -> None:
    """A due date in the past (that the user just entered) is a warning the user confirms, not a silent save."""
    due = form.cleaned_data.get(field)
    if not due or due >= timezone.localdate() or due == form.initial.get(field) or form.cleaned_data.get(confirm):
        return
    form.add_error(
        field,
        gettext(
            "Deze datum (%(date)s) ligt in het verleden. Klopt dat? Pas de datum aan, of vink 'De datum klopt' "
            "aan en sla opnieuw op: de afspraak staat dan als te laat op het plan."
        )
        % {"date": due.strftime("%d-%m-%Y")},
    )
    form.fields[confirm].widget = forms.CheckboxInput(attrs={"class": CHECKBOX_CLASS})


def _name(user) -> str:
    return user.get_full_name() or user.username


class VersionField(forms.IntegerField):
    """The plan version the user's page was based on (optimistic locking)."""

    def __init__(self, **kwargs):
        super().__init__(widget=forms.HiddenInput, min_value=1, **kwargs)


class AssessmentForm(NLDSFormMixin, forms.Form):
    """13 rows: per life domain a level (1-5) and where the strength comes from.

    ``previous`` (the latest moment, per domain a history Cell) fills the form in: the worker changes
    only what changed since then.
    """

    # The service names a domain; its message goes on that domain's level (core.forms.form_apply_errors).
    service_error_fields = {domain: f"level_{domain}" for domain, _label in DOMAIN_CHOICES}
    note = forms.CharField(
        label=_("Toelichting"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, previous: dict | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        levels = [(str(level), label) for level, label in LEVEL_CHOICES]
        sources = [("", _("— kies —")), *SOURCE_CHOICES]
        for domain, _label in DOMAIN_CHOICES:
            self.fields[f"level_{domain}"] = forms.ChoiceField(
                label=_("Niveau"),
                choices=levels,
                widget=forms.RadioSelect(attrs={"class": RADIO_CLASS}),
                error_messages={"required": _("Kies een niveau.")},
            )
            self.fields[f"source_{domain}"] = forms.ChoiceField(
                label=_("Kracht komt van"),
                choices=sources,
                widget=forms.Select(attrs={"class": SELECT_CLASS}),
                error_messages={"required": _("Kies waar de kracht vandaan komt.")},
            )
        self.previous = previous or {}
        for domain, cell in self.previous.items():
            self.initial.setdefault(f"level_{domain}", str(cell.level))
            self.initial.setdefault(f"source_{domain}", cell.source)
        self.style_fields()  # the fields added here get their classes too

    @staticmethod
    def level_legend():
        return LEVEL_CHOICES

    @property
    def changed_count(self) -> int:
        """How many domains differ from the previous moment (on a bound form)."""
        if not self.is_bound or not self.previous:
            return 0
        changed = 0
        for domain, cell in self.previous.items():
            level, source = self.data.get(f"level_{domain}"), self.data.get(f"source_{domain}")
            changed += level != str(cell.level) or source != cell.source
        return changed

    def domain_rows(self):
        """One row per domain for the template: label, the two bound fields, the previous score."""
        for domain, label in DOMAIN_CHOICES:
            level, source = self[f"level_{domain}"], self[f"source_{domain}"]
            yield {
                "domain": domain,
                "label": label,
                "level": level,
                "source": source,
                "errors": [*level.errors, *source.errors],
                "previous": self.previous.get(domain),
            }

    def scores(self) -> dict:
        data = self.cleaned_data
        return {domain: (int(data[f"level_{domain}"]), data[f"source_{domain}"]) for domain, _l in DOMAIN_CHOICES}


class PlanForm(NLDSFormMixin, forms.Form):
    summary = forms.CharField(
        label=_("Samenvatting"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Waar werkt het huishouden naartoe, in gewone woorden."),
    )
    coordinator = forms.ModelChoiceField(
        label=_("Regievoerder"),
        queryset=None,
        empty_label=_("— kies —"),
        help_text=_("Een wijkwerker of teamleider van het team van dit huishouden."),
        error_messages={
            "required": _("Kies een regievoerder."),
            "invalid_choice": _("Kies een regievoerder uit de lijst."),
        },
    )

    def __init__(self, *args, coordinators, with_version: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["coordinator"].queryset = coordinators
        self.fields["coordinator"].label_from_instance = lambda u: u.get_full_name() or u.username
        if with_version:
            self.fields["version"] = VersionField()


class PlanStartForm(PlanForm):
    """Starting a plan: summary and coordinator, and straight away the first goal and agreed action
    (both optional; more can be added on the plan page)."""

    goal_text = forms.CharField(
        label=_("Eerste doel"),
        required=False,
        max_length=500,
        help_text=_("Wat wil het huishouden bereiken? Later kunt u meer doelen toevoegen."),
    )
    action_text = forms.CharField(
        label=_("Eerste afspraak"), required=False, max_length=500, help_text=_("Wie doet wat om dat doel te halen?")
    )
    action_owner_user = forms.ModelChoiceField(
        label=_("Wie: een collega"),
        queryset=None,
        required=False,
        empty_label=_("— geen collega —"),
        error_messages={"invalid_choice": _("Kies een collega uit de lijst.")},
    )
    action_owner_name = forms.CharField(
        label=_("Of: iemand anders"),
        required=False,
        max_length=120,
        help_text=_("Bijvoorbeeld: inwoner, dochter, buurman."),
    )
    action_due = forms.DateField(
        label=_("Uiterlijk"),
        required=False,
        widget=forms.DateInput(attrs=DATE_WIDGET, format="%Y-%m-%d"),
        error_messages={"invalid": _("Vul een geldige datum in.")},
    )
    action_confirm_past = confirm_past_field()

    def __init__(self, *args, colleagues, **kwargs):
        super().__init__(*args, with_version=False, **kwargs)
        self.fields["action_owner_user"].queryset = colleagues
        self.fields["action_owner_user"].label_from_instance = _name

    def clean(self):
        data = super().clean()
        text = (data.get("action_text") or "").strip()
        if text:
            if not data.get("action_due") and "action_due" not in self.errors:
                self.add_error("action_due", gettext("Vul in wanneer de afspraak uiterlijk gedaan moet zijn."))
            if not data.get("action_owner_user") and not (data.get("action_owner_name") or "").strip():
                self.add_error(
                    "action_owner_name",
                    gettext("Vul in wie de afspraak uitvoert: een collega of iemand anders (bijvoorbeeld de inwoner)."),
                )
            warn_past_due(self, "action_due", "action_confirm_past")
        elif data.get("action_due") or (data.get("action_owner_name") or "").strip():
            self.add_error("action_text", gettext("Beschrijf de afspraak, of laat de velden van de afspraak leeg."))
        return data


class GoalForm(NLDSFormMixin, forms.Form):
    text = forms.CharField(label=_("Doel"), max_length=500, error_messages={"required": _("Beschrijf het doel.")})
    domain = forms.ChoiceField(label=_("Leefgebied"), required=False, choices=[("", _("— geen —")), *DOMAIN_CHOICES])
    version = VersionField()

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", "goal")
        super().__init__(*args, **kwargs)


class ActionForm(NLDSFormMixin, forms.Form):
    text = forms.CharField(
        label=_("Afspraak"), max_length=500, error_messages={"required": _("Beschrijf de afspraak.")}
    )
    owner_user = forms.ModelChoiceField(
        label=_("Wie: een collega"),
        queryset=None,
        required=False,
        empty_label=_("— geen collega —"),
        error_messages={"invalid_choice": _("Kies een collega uit de lijst.")},
    )
    owner_name = forms.CharField(
        label=_("Of: iemand anders"),
        required=False,
        max_length=120,
        help_text=_("Bijvoorbeeld: inwoner, dochter, buurman."),
    )
    due_date = forms.DateField(
        label=_("Uiterlijk"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"required": _("Vul een datum in."), "invalid": _("Vul een geldige datum in.")},
    )
    goal = forms.TypedChoiceField(label=_("Bij doel"), required=False, coerce=int, empty_value=None)
    version = VersionField()
    confirm_past = confirm_past_field()

    def __init__(self, *args, colleagues, goals=(), **kwargs):
        kwargs.setdefault("prefix", "action")
        super().__init__(*args, **kwargs)
        self.fields["owner_user"].queryset = colleagues
        self.fields["owner_user"].label_from_instance = _name
        self.goals = {g.pk: g for g in goals}
        self.fields["goal"].choices = [("", _("— geen —")), *((g.pk, g.text) for g in goals)]

    def clean(self):
        data = super().clean()
        if not data.get("owner_user") and not (data.get("owner_name") or "").strip():
            self.add_error(
                "owner_name",
                _("Vul in wie de afspraak uitvoert: een collega of iemand anders (bijvoorbeeld de inwoner)."),
            )
        warn_past_due(self, "due_date", "confirm_past")
        return data

    @property
    def goal_object(self):
        return self.goals.get(self.cleaned_data.get("goal"))


class VersionForm(forms.Form):
    """For the small buttons (goal reached, action done): only the version they were based on."""

    version = VersionField()
    undo = forms.BooleanField(required=False)
