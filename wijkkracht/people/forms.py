from django import forms
from django.utils.translation import gettext_lazy as _

from wijkkracht.access.selectors import BREAK_GLASS_MIN_REASON
from wijkkracht.core.forms import NLDSFormMixin


class BreakGlassForm(NLDSFormMixin, forms.Form):
    reason = forms.CharField(
        label=_("Waarom heeft u nu toegang nodig?"),
        help_text=_("Deze reden wordt vastgelegd en de privacyfunctionaris krijgt er een melding van."),
        min_length=BREAK_GLASS_MIN_REASON,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": _("Geef een reden op."),
            "min_length": _("Beschrijf de reden in minstens %(limit_value)d tekens."),
        },
    )
