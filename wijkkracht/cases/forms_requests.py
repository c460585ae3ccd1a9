"""Forms of the help-request pages. They check the shape of the input; the rules (informal first,
closing) live in cases.services.requests, whose Dutch messages the views put back on these forms."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wijkkracht.cases.selectors.requests import (
    CONTACT_KINDS,
    FORMAL_PATHS,
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
    """One informal option of the informal-first step, prefixed by the option so four fit on one page."""

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
        self.fields["fits"].widget.attrs["class"] = "utrecht-radio-button utrecht-radio-button--html-input"


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
        required=False,  # the service gives the message, with the other rules
        widget=forms.CheckboxSelectMultiple,
    )
    outcome = forms.ChoiceField(
        label=_("Uitkomst"),
        choices=[("", _("Kies de uitkomst")), *Outcome.choices],
        required=False,
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
