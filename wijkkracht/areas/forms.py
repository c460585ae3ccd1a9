from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wijkkracht.core.forms import NLDSFormMixin

from .selectors import neighbourhood_by_code, postcode_normalise


class PostcodeCheckForm(NLDSFormMixin, forms.Form):
    postcode = forms.CharField(
        label=_("Postcode"),
        max_length=7,
        help_text=_("Bijvoorbeeld 1315 AB"),
        error_messages={"required": _("Vul een postcode in.")},
    )


class PostcodeAreaForm(NLDSFormMixin, forms.Form):
    neighbourhood_code = forms.CharField(
        label=_("CBS-buurtcode"), max_length=10, help_text=_("Bijvoorbeeld BU00340101")
    )
    pc4 = forms.CharField(label=_("Postcode (vier cijfers)"), max_length=4)
    letters_from = forms.CharField(label=_("Letters vanaf"), max_length=2, initial="AA")
    letters_to = forms.CharField(label=_("Letters tot en met"), max_length=2, initial="ZZ")

    def clean_neighbourhood_code(self):
        return neighbourhood_by_code(code=self.cleaned_data["neighbourhood_code"])

    def clean(self):
        data = super().clean()
        if {"pc4", "letters_from", "letters_to"} <= data.keys():
            pc4, letters_from = postcode_normalise(f"{data['pc4']}{data['letters_from']}")
            _, letters_to = postcode_normalise(f"{data['pc4']}{data['letters_to']}")
            if letters_from > letters_to:
                raise ValidationError(_("De letters 'vanaf' moeten voor de letters 'tot en met' komen."))
            data.update(pc4=pc4, letters_from=letters_from, letters_to=letters_to)
        return data
