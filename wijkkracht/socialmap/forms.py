"""Forms of the social map: the search, a resource, the HSDS import. The services check the rules again."""

import datetime
import re

from django import forms
from django.utils.translation import gettext_lazy as _

from wijkkracht.core.forms import NLDSFormMixin

from .models import Resource
from .selectors import Search
from .services import ResourceData
from .taxonomy import LANGUAGE_CHOICES, Kind, LifeDomain, Need

ANY = [("", _("Alle"))]
DAYS = {"ma": 1, "di": 2, "wo": 3, "do": 4, "vr": 5, "za": 6, "zo": 7}
DAY_NAMES = {v: k for k, v in DAYS.items()}
HOURS_LINE = re.compile(r"^(ma|di|wo|do|vr|za|zo)\s+(\d{1,2}[:.]\d{2})\s*-\s*(\d{1,2}[:.]\d{2})\s*(.*)$", re.IGNORECASE)


class SearchForm(NLDSFormMixin, forms.Form):
    q = forms.CharField(label=_("Zoekwoorden"), max_length=100, required=False)
    need = forms.ChoiceField(label=_("Waar zoekt u hulp bij?"), choices=ANY + Need.choices, required=False)
    domain = forms.ChoiceField(label=_("Leefgebied"), choices=ANY + LifeDomain.choices, required=False)
    neighbourhood = forms.TypedChoiceField(label=_("Buurt"), coerce=int, required=False, empty_value=None)
    age = forms.IntegerField(label=_("Leeftijd"), min_value=0, max_value=120, required=False)
    language = forms.ChoiceField(label=_("Taal"), choices=ANY + LANGUAGE_CHOICES, required=False)
    kind = forms.ChoiceField(label=_("Soort aanbod"), choices=ANY + Kind.choices, required=False)

    def __init__(self, *args, neighbourhoods=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["neighbourhood"].choices = ANY + [(n.pk, n.name) for n in neighbourhoods]
        self.fields["age"].widget.attrs["inputmode"] = "numeric"

    def search(self) -> Search:
        data = self.cleaned_data if self.is_valid() else {}
        return Search(
            need=data.get("need", ""),
            domain=data.get("domain", ""),
            neighbourhood=data.get("neighbourhood"),
            age=data.get("age"),
            language=data.get("language", ""),
            kind=data.get("kind", ""),
            q=(data.get("q") or "").strip(),
        )

    def query_string(self) -> str:
        data = self.cleaned_data if self.is_valid() else {}
        return "&".join(f"{k}={data[k]}" for k in self.fields if data.get(k) not in (None, ""))


class ResourceForm(NLDSFormMixin, forms.Form):
    name = forms.CharField(label=_("Naam"), max_length=200)
    kind = forms.ChoiceField(label=_("Soort aanbod"), choices=Kind.choices)
    status = forms.ChoiceField(label=_("Status"), choices=Resource.Status.choices)
    provider = forms.TypedChoiceField(label=_("Aanbieder"), coerce=int, required=False, empty_value=None)
    new_provider = forms.CharField(
        label=_("Of een nieuwe aanbieder"), max_length=200, required=False, help_text=_("Naam van de organisatie.")
    )
    description = forms.CharField(label=_("Omschrijving"), widget=forms.Textarea(attrs={"rows": 4}))
    target_group = forms.CharField(label=_("Doelgroep"), max_length=200, required=False)
    eligibility = forms.CharField(
        label=_("Voor wie (voorwaarden)"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    minimum_age = forms.IntegerField(label=_("Minimale leeftijd"), min_value=0, max_value=120, required=False)
    maximum_age = forms.IntegerField(label=_("Maximale leeftijd"), min_value=0, max_value=120, required=False)
    needs = forms.MultipleChoiceField(
        label=_("Behoeften"), choices=Need.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    domains = forms.MultipleChoiceField(
        label=_("Leefgebieden"), choices=LifeDomain.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    languages = forms.MultipleChoiceField(
        label=_("Talen"), choices=LANGUAGE_CHOICES, required=False, widget=forms.SelectMultiple(attrs={"size": 6})
    )
    city_wide = forms.BooleanField(label=_("Voor de hele gemeente"), required=False)
    neighbourhoods = forms.TypedMultipleChoiceField(
        label=_("Buurten"), coerce=int, required=False, widget=forms.SelectMultiple(attrs={"size": 6})
    )
    location_name = forms.CharField(label=_("Naam van de plek"), max_length=200, required=False)
    street_address = forms.CharField(label=_("Adres"), max_length=200, required=False)
    postcode = forms.CharField(label=_("Postcode"), max_length=7, required=False)
    accessibility = forms.CharField(label=_("Toegankelijkheid"), max_length=300, required=False)
    hours = forms.CharField(
        label=_("Openingstijden"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Eén regel per tijd, bijvoorbeeld: di 09:00-12:00 inloop"),
    )
    cost = forms.CharField(label=_("Kosten"), max_length=200, required=False)
    free = forms.BooleanField(label=_("Gratis"), required=False)
    capacity = forms.IntegerField(label=_("Plaatsen"), min_value=0, required=False)
    waiting_time = forms.CharField(label=_("Wachttijd"), max_length=100, required=False)
    application = forms.CharField(label=_("Hoe aanmelden"), max_length=300, required=False)
    phone = forms.CharField(label=_("Telefoon"), max_length=30, required=False)
    email = forms.EmailField(label=_("E-mail"), required=False)
    url = forms.URLField(label=_("Website"), required=False, assume_scheme="https")

    def __init__(self, *args, providers=(), neighbourhoods=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["provider"].choices = [("", _("Kies een aanbieder"))] + [(p.pk, p.name) for p in providers]
        self.fields["neighbourhoods"].choices = [(n.pk, n.name) for n in neighbourhoods]

    def clean_hours(self):
        found = []
        for number, line in enumerate((self.cleaned_data.get("hours") or "").splitlines(), start=1):
            if not line.strip():
                continue
            match = HOURS_LINE.match(line.strip())
            if not match:
                raise forms.ValidationError(
                    _("Regel %(n)d: schrijf een dag en tijden, bijvoorbeeld: di 09:00-12:00.") % {"n": number}
                )
            day, opens, closes, note = match.groups()
            try:
                opens_at = datetime.time.fromisoformat(opens.replace(".", ":").zfill(5))
                closes_at = datetime.time.fromisoformat(closes.replace(".", ":").zfill(5))
            except ValueError:
                raise forms.ValidationError(_("Regel %(n)d: dat is geen geldige tijd.") % {"n": number}) from None
            found.append((DAYS[day.lower()], opens_at, closes_at, note.strip()))
        return found

    def clean(self):
        data = super().clean()
        if not data.get("provider") and not (data.get("new_provider") or "").strip():
            self.add_error("provider", _("Kies de aanbieder, of vul een nieuwe aanbieder in."))
        if (data.get("street_address") or "").strip() and not (data.get("location_name") or "").strip():
            self.add_error("location_name", _("Vul de naam van de plek in."))
        return data

    def data_for(self, *, provider, location, neighbourhoods) -> ResourceData:
        d = self.cleaned_data
        names = ["name", "kind", "status", "description", "target_group", "eligibility", "minimum_age"]
        names += ["maximum_age", "cost", "free", "capacity", "waiting_time", "application", "phone", "email", "url"]
        values = {n: d.get(n) for n in names}
        return ResourceData(
            **values,
            provider=provider,
            location=location,
            city_wide=d.get("city_wide", False),
            needs=d.get("needs", []),
            domains=d.get("domains", []),
            languages=d.get("languages", []),
            neighbourhoods=neighbourhoods,
            hours=d.get("hours", []),
        )

    @staticmethod
    def initial_for(resource: Resource) -> dict:
        location = resource.location
        return {
            **{n: getattr(resource, n) for n in ("name", "kind", "status", "description", "target_group")},
            **{n: getattr(resource, n) for n in ("eligibility", "minimum_age", "maximum_age", "cost", "free")},
            **{n: getattr(resource, n) for n in ("capacity", "waiting_time", "application", "phone", "email", "url")},
            "provider": resource.provider_id,
            "city_wide": resource.city_wide,
            "needs": resource.needs,
            "domains": resource.domains,
            "languages": resource.languages,
            "neighbourhoods": [n.pk for n in resource.neighbourhoods.all()],
            "location_name": location.name if location else "",
            "street_address": location.street_address if location else "",
            "postcode": location.postcode if location else "",
            "accessibility": location.accessibility if location else "",
            "hours": "\n".join(
                f"{DAY_NAMES[h.weekday]} {h.opens_at:%H:%M}-{h.closes_at:%H:%M} {h.note}".strip()
                for h in resource.opening_hours.all()
            ),
        }


class ImportForm(NLDSFormMixin, forms.Form):
    file = forms.FileField(
        label=_("HSDS-bestand (JSON)"),
        help_text=_("Een export van deze of een andere sociale kaart in HSDS 3.0 (een lijst of 'contents')."),
        error_messages={"required": _("Kies een bestand.")},
    )

    def text(self) -> str:
        raw = self.cleaned_data["file"].read()
        try:
            return raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            return ""
