from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wijkkracht.access.models import AccessGrant
from wijkkracht.access.services import CONSENT_PURPOSES
from wijkkracht.audit.models import Purpose
from wijkkracht.core.forms import NLDSFormMixin
from wijkkracht.organisations.models import Organisation
from wijkkracht.people.languages import PREFERRED_LANGUAGES
from wijkkracht.people.selectors.residents import BREAK_GLASS_MIN_REASON, BSN_REVEAL_MIN_REASON

from .services import DEFAULT_CITY, RelationKind

DATE_INPUT_FORMATS = ["%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y", "%Y-%m-%d"]


def date_field(label, **kwargs):
    return forms.DateField(
        label=label,
        input_formats=DATE_INPUT_FORMATS,
        widget=forms.DateInput(format="%d-%m-%Y", attrs={"placeholder": "dd-mm-jjjj", "inputmode": "numeric"}),
        help_text=kwargs.pop("help_text", _("Als dd-mm-jjjj, bijvoorbeeld 14-03-1950.")),
        error_messages={"invalid": _("Vul een datum in als dd-mm-jjjj."), "required": _("Vul een datum in.")},
        **kwargs,
    )


def reason_field(label, min_length, help_text):
    return forms.CharField(
        label=label,
        help_text=help_text,
        min_length=min_length,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": _("Geef een reden op."),
            "min_length": _("Beschrijf de reden in minstens %(limit_value)d tekens."),
        },
    )


class BreakGlassForm(NLDSFormMixin, forms.Form):
    reason = reason_field(
        _("Waarom heeft u nu toegang nodig?"),
        BREAK_GLASS_MIN_REASON,
        _("Deze reden wordt vastgelegd en de privacyfunctionaris krijgt er een melding van."),
    )


class ResidentForm(NLDSFormMixin, forms.Form):
    """Personal details. Checks of content (birth date, e-mail, phone) are the service's, in Dutch."""

    first_name = forms.CharField(label=_("Voornaam"), max_length=80)
    surname_prefix = forms.CharField(label=_("Tussenvoegsel"), max_length=20, required=False)
    last_name = forms.CharField(label=_("Achternaam"), max_length=120)
    birth_date = date_field(_("Geboortedatum"))
    phone = forms.CharField(label=_("Telefoon"), max_length=20, required=False)
    email = forms.CharField(label=_("E-mail"), max_length=254, required=False)
    preferred_language = forms.ChoiceField(label=_("Voorkeurstaal"), choices=PREFERRED_LANGUAGES, initial="nl")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["phone"].widget.attrs.update({"type": "tel", "autocomplete": "off"})
        self.fields["email"].widget.attrs.update({"type": "email", "autocomplete": "off"})


class AddressForm(NLDSFormMixin, forms.Form):
    postcode = forms.CharField(label=_("Postcode"), max_length=7, widget=forms.TextInput(attrs={"autocomplete": "off"}))
    house_number = forms.IntegerField(
        label=_("Huisnummer"),
        min_value=1,
        max_value=99999,
        error_messages={"invalid": _("Vul een geldig huisnummer in.")},
    )
    house_number_suffix = forms.CharField(label=_("Toevoeging"), max_length=10, required=False)
    street = forms.CharField(
        label=_("Straat"),
        max_length=120,
        required=False,
        help_text=_("Alleen nodig als op dit adres nog niemand bekend is."),
    )
    city = forms.CharField(label=_("Plaats"), max_length=80, initial=DEFAULT_CITY, required=False)


class ResidentCreateForm(AddressForm, ResidentForm):
    bsn = forms.CharField(
        label=_("BSN"),
        max_length=11,
        required=False,
        help_text=_("Niet verplicht. Wordt versleuteld opgeslagen en daarna alleen gemaskeerd getoond."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )

    field_order = [
        "first_name",
        "surname_prefix",
        "last_name",
        "birth_date",
        "postcode",
        "house_number",
        "house_number_suffix",
        "street",
        "city",
        "phone",
        "email",
        "preferred_language",
        "bsn",
    ]


class BsnForm(NLDSFormMixin, forms.Form):
    bsn = forms.CharField(
        label=_("BSN"),
        max_length=11,
        help_text=_("Negen cijfers. Het nummer moet voldoen aan de elfproef."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
        error_messages={"required": _("Vul een BSN in.")},
    )


class BsnRevealForm(NLDSFormMixin, forms.Form):
    reason = reason_field(
        _("Waarom heeft u het volledige BSN nodig?"),
        BSN_REVEAL_MIN_REASON,
        _("Deze reden wordt vastgelegd in het auditlog."),
    )


class RelationForm(NLDSFormMixin, forms.Form):
    related = forms.ChoiceField(label=_("Met wie"), error_messages={"required": _("Kies een inwoner.")})
    kind = forms.ChoiceField(label=_("Relatie"), choices=RelationKind.choices)

    def __init__(self, *args, candidates=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["related"].choices = [("", "—")] + [
            (str(r.public_id), f"{r.full_name} ({r.birth_date:%d-%m-%Y})") for r in candidates
        ]
        self.fields["kind"].help_text = _(
            "Lees als: deze inwoner is … de gekozen persoon. De omgekeerde relatie volgt vanzelf."
        )


class MergeForm(NLDSFormMixin, forms.Form):
    reason = forms.CharField(
        label=_("Waarom is dit dezelfde persoon?"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Bijvoorbeeld: zelfde naam, geboortedatum en BSN; dubbel ingevoerd bij de intake."),
        error_messages={"required": _("Geef aan waarom dit dezelfde persoon is.")},
    )


class ConsentForm(NLDSFormMixin, forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Met welke organisatie"),
        queryset=Organisation.objects.order_by("name"),
        error_messages={"required": _("Kies de organisatie waarmee gegevens worden gedeeld.")},
    )
    purposes = forms.MultipleChoiceField(
        label=_("Voor welk doel"),
        choices=[(p, Purpose(p).label) for p in CONSENT_PURPOSES],
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Kies minstens één doel.")},
    )
    categories = forms.MultipleChoiceField(
        label=_("Welke gegevens"),
        choices=AccessGrant.Category.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Kies minstens één soort gegevens.")},
    )
    valid_until = date_field(_("Geldig tot en met"), help_text=_("Hoogstens twee jaar vanaf vandaag (dd-mm-jjjj)."))
    ground = forms.ChoiceField(
        label=_("Grondslag"), choices=AccessGrant.Ground.choices, initial=AccessGrant.Ground.CONSENT
    )
    basis_note = forms.CharField(
        label=_("Toelichting grondslag"),
        max_length=250,
        required=False,
        help_text=_(
            "Bij toestemming: hoe die is gegeven. Bij een wettelijke grondslag verplicht: het artikel of besluit."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["valid_until"].initial = timezone.localdate() + timezone.timedelta(days=365)
