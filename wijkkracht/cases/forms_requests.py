"""Forms of the help-request pages. They check the shape of the input; the rules (informal first,
closing) live in cases.services.requests, whose Dutch messages the views put back on these forms."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wijkkracht.cases.selectors.requests import (
    CONTACT_KINDS,
    FORMAL_PATHS,
    INFORMAL_OPTIONS,
    REQUEST_STATUSES,
    Channel,
    Outcome,
    SolutionPath,
)
from wijkkracht.core.forms import NLDSFormMixin

DATETIME_FORMAT = "%Y-%m-%dT%H:%M"


def _datetime_field(label, help_text=""):
    return forms.DateTimeField(
        label=label,
        help_text=help_text,
        required=False,
        input_formats=[DATETIME_FORMAT, "%d-%m-%Y %H:%M", "%Y-%m-%d %H:%M"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format=DATETIME_FORMAT),
        error_messages={"invalid": _("Vul een geldige datum en tijd in.")},
    )


class IntakeForm(NLDSFormMixin, forms.Form):
    channel = forms.ChoiceField(
        label=_("Hoe kwam de vraag binnen?"),
        choices=[("", _("Kies een kanaal")), *Channel.choices],
        error_messages={"required": _("Kies hoe de vraag binnenkwam.")},
    )
    question = forms.CharField(
        label=_("De vraag in de woorden van de inwoner"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "required": _("Schrijf de vraag op in de woorden van de inwoner."),
            "max_length": _("Houd de vraag korter dan %(limit_value)d tekens."),
        },
    )
    received_at = _datetime_field(_("Ontvangen op"), _("Leeg laten voor nu."))


class StatusForm(forms.Form):
    to = forms.ChoiceField(choices=[(REQUEST_STATUSES.CLARIFICATION, ""), (REQUEST_STATUSES.SUPPORT, "")])


class AssignForm(NLDSFormMixin, forms.Form):
    worker = forms.ModelChoiceField(
        label=_("Behandelaar"),
        queryset=None,
        empty_label=_("Kies een behandelaar"),
        error_messages={"required": _("Kies een behandelaar."), "invalid_choice": _("Kies een behandelaar.")},
    )

    def __init__(self, *args, workers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["worker"].queryset = workers
        self.fields["worker"].label_from_instance = lambda u: u.get_full_name() or u.username


class InformalCheckForm(NLDSFormMixin, forms.Form):
    """One informal option of the informal-first step (the API's shape: one option per call)."""

    FITS = "yes"
    DOES_NOT_FIT = "no"

    fits = forms.ChoiceField(
        label=_("Past deze mogelijkheid?"),
        choices=[(FITS, _("Past")), (DOES_NOT_FIT, _("Past niet"))],
        widget=forms.RadioSelect,
        error_messages={"required": _("Geef aan of deze mogelijkheid past.")},
    )
    reason = forms.CharField(
        label=_("Waarom past dit niet?"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"max_length": _("Houd de reden korter dan %(limit_value)d tekens.")},
    )

    def __init__(self, *args, option: str, **kwargs):
        super().__init__(*args, prefix=option, **kwargs)
        self.option = option
        self.option_label = SolutionPath(option).label
        self.fields["fits"].widget.attrs["class"] = RADIO_CLASS


RADIO_CLASS = "utrecht-radio-button utrecht-radio-button--html-input"
REASON_REQUIRED = _("Schrijf op waarom deze mogelijkheid niet past.")


class InformalStepForm(NLDSFormMixin, forms.Form):
    """The informal-first step as one form with one save: per informal option "past" or "past niet" and why.

    Fields are named ``<option>-fits`` and ``<option>-reason``. An option left open stays unweighed; a
    "past niet" needs a reason. The service checks the same rules (informal_step_record).
    """

    def __init__(self, *args, checks=None, **kwargs):
        super().__init__(*args, **kwargs)
        checks = checks or {}
        for option in INFORMAL_OPTIONS:
            label = SolutionPath(option).label
            self.fields[f"{option}-fits"] = forms.ChoiceField(
                label=_("Past %(option)s?") % {"option": label},
                choices=[(InformalCheckForm.FITS, _("Past")), (InformalCheckForm.DOES_NOT_FIT, _("Past niet"))],
                required=False,
                widget=forms.RadioSelect(attrs={"class": RADIO_CLASS}),
            )
            self.fields[f"{option}-reason"] = forms.CharField(
                label=_("Waarom past %(option)s niet?") % {"option": label},
                required=False,
                max_length=1000,
                widget=forms.Textarea(attrs={"rows": 2}),
                error_messages={"max_length": _("Houd de reden korter dan %(limit_value)d tekens.")},
            )
            check = checks.get(option)
            if check is not None:
                fits = InformalCheckForm.FITS if check.fits else InformalCheckForm.DOES_NOT_FIT
                self.initial.setdefault(f"{option}-fits", fits)
                self.initial.setdefault(f"{option}-reason", check.reason)
        self.style_fields()
        # The service names the option; its message goes on that option's reason.
        self.service_error_fields = {option: f"{option}-reason" for option in INFORMAL_OPTIONS}

    def clean(self):
        data = super().clean()
        for option in INFORMAL_OPTIONS:
            if (
                data.get(f"{option}-fits") == InformalCheckForm.DOES_NOT_FIT
                and not (data.get(f"{option}-reason") or "").strip()
            ):
                self.add_error(f"{option}-reason", REASON_REQUIRED)
        return data

    def options(self):
        """Per option: its label and its two bound fields, for the template."""
        for option in INFORMAL_OPTIONS:
            yield {
                "option": option,
                "label": SolutionPath(option).label,
                "fits": self[f"{option}-fits"],
                "reason": self[f"{option}-reason"],
            }

    def answers(self) -> dict:
        """{option: (fits, reason)} for the options the user weighed."""
        found = {}
        for option in INFORMAL_OPTIONS:
            fits = self.cleaned_data.get(f"{option}-fits")
            if fits:
                found[option] = (fits == InformalCheckForm.FITS, self.cleaned_data.get(f"{option}-reason", ""))
        return found


class ContactForm(NLDSFormMixin, forms.Form):
    kind = forms.ChoiceField(
        label=_("Soort contact"),
        choices=[("", _("Kies de soort contact")), *CONTACT_KINDS.choices],
        error_messages={"required": _("Kies de soort contact.")},
    )
    note = forms.CharField(
        label=_("Korte notitie"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"max_length": _("Houd de notitie korter dan %(limit_value)d tekens.")},
    )
    at = _datetime_field(_("Wanneer"), _("Leeg laten voor nu."))

    def clean_at(self):
        at = self.cleaned_data.get("at")
        return at or timezone.now()


class CloseForm(NLDSFormMixin, forms.Form):
    paths = forms.MultipleChoiceField(
        label=_("Oplossingsroutes"),
        help_text=_(
            "Kies alle routes die de vraag hebben opgelost. Wmo-maatwerkvoorziening en warme overdracht kunt u pas "
            "kiezen na de stap 'informeel eerst'."
        ),
        choices=SolutionPath.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Kies minstens één oplossingsroute.")},
    )
    outcome = forms.ChoiceField(
        label=_("Uitkomst"),
        choices=[("", _("Kies de uitkomst")), *Outcome.choices],
        error_messages={"required": _("Kies de uitkomst.")},
    )
    rating = forms.IntegerField(
        label=_("Rapportcijfer van de inwoner (1 tot en met 10)"),
        help_text=_("Alleen als de inwoner een cijfer gaf."),
        required=False,
        min_value=1,
        max_value=10,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "invalid": _("Een rapportcijfer is een heel getal van 1 tot en met 10."),
            "min_value": _("Een rapportcijfer is een heel getal van 1 tot en met 10."),
            "max_value": _("Een rapportcijfer is een heel getal van 1 tot en met 10."),
        },
    )
    outcome_note = forms.CharField(
        label=_("Toelichting"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": _("Houd de toelichting korter dan %(limit_value)d tekens.")},
    )


FORMAL_PATH_VALUES = frozenset(str(p) for p in FORMAL_PATHS)
