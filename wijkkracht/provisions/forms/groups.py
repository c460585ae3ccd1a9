from django import forms
from django.utils.translation import gettext_lazy as _

from .common import DATE, Form, ModelPick


class GroupForm(Form):
    provision = ModelPick(label=_("Vriendenkringen"), error_messages={"required": _("Kies de vriendenkringen.")})
    name = forms.CharField(label=_("Naam van de groep"), max_length=150)
    meets = forms.CharField(
        label=_("Komt samen"), max_length=150, required=False, help_text=_("Bijvoorbeeld: elke dinsdag 14.00 uur")
    )
    place = forms.CharField(label=_("Plek"), max_length=200, required=False)
    description = forms.CharField(label=_("Omschrijving"), max_length=300, required=False)
    max_members = forms.IntegerField(label=_("Hoogstens deelnemers"), min_value=2, max_value=30, required=False)

    def __init__(self, *args, provisions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["provision"].set_objects(provisions, lambda p: f"{p.name} ({p.team})")


class SeekerForm(Form):
    provision = ModelPick(label=_("Vriendenkringen"), error_messages={"required": _("Kies de vriendenkringen.")})
    wish = forms.CharField(label=_("Wens van de inwoner"), max_length=300, required=False)

    def __init__(self, *args, provisions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["provision"].set_objects(provisions, lambda p: f"{p.name} ({p.team})")


class PlaceForm(Form):
    group = ModelPick(label=_("Groep"), error_messages={"required": _("Kies de groep.")})

    def __init__(self, *args, groups=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"].set_objects(groups)


class MeetingForm(Form):
    held_on = forms.DateField(label=_("Datum"), widget=DATE, error_messages={"required": _("Vul de datum in.")})
    present = forms.TypedMultipleChoiceField(
        label=_("Wie was er?"), coerce=int, required=False, widget=forms.CheckboxSelectMultiple
    )
    note = forms.CharField(label=_("Notitie"), max_length=300, required=False)

    def __init__(self, *args, members=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["present"].choices = [(m.pk, m.resident.full_name) for m in members]
