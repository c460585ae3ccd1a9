import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wijkkracht.areas.models import Neighbourhood
from wijkkracht.core.forms import NLDSFormMixin

from .models import Organisation, Team


class OrganisationForm(NLDSFormMixin, forms.ModelForm):
    class Meta:
        model = Organisation
        fields = ["name", "short_name", "kind"]
        error_messages = {
            "name": {"unique": _("Er is al een organisatie met deze naam.")},
            "short_name": {"unique": _("Er is al een organisatie met deze korte naam.")},
        }


class TeamForm(NLDSFormMixin, forms.ModelForm):
    neighbourhood_codes = forms.CharField(
        label=_("Buurten (CBS-codes)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "De CBS-codes van de buurten die dit team bedient, gescheiden door komma's of spaties, bijvoorbeeld BU00340101, BU00340102."
        ),
    )

    class Meta:
        model = Team
        fields = ["name", "kind", "cluster", "phone", "email", "sharing_ground"]
        error_messages = {"name": {"unique": _("Er is al een team met deze naam.")}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["neighbourhood_codes"].initial = ", ".join(
                self.instance.neighbourhoods.values_list("code", flat=True)
            )

    def clean_neighbourhood_codes(self):
        codes = [c.upper() for c in re.split(r"[\s,;]+", self.cleaned_data["neighbourhood_codes"]) if c]
        found = {n.code: n for n in Neighbourhood.objects.filter(code__in=codes)}
        unknown = [c for c in codes if c not in found]
        if unknown:
            raise ValidationError(
                _("Onbekende CBS-buurtcode: %(codes)s."), params={"codes": ", ".join(unknown)}, code="unknown_cbs_code"
            )
        return [found[c] for c in dict.fromkeys(codes)]
