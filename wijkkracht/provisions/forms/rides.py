import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from wijkkracht.provisions.selectors.choices import RidePurpose

from .common import DATE, Form, ModelPick

TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


class BookingForm(Form):
    service_error_fields = {"pickup_at": "day", "return_at": "return_time"}

    vehicle = ModelPick(label=_("Auto"), error_messages={"required": _("Kies de auto.")})
    driver = ModelPick(label=_("Chauffeur"), error_messages={"required": _("Kies de chauffeur.")})
    day = forms.DateField(label=_("Datum"), widget=DATE, error_messages={"required": _("Vul de datum in.")})
    pickup_time = forms.TimeField(label=_("Ophalen om"), widget=TIME, error_messages={"required": _("Vul de tijd in.")})
    duration_minutes = forms.TypedChoiceField(
        label=_("Duur van de rit"), coerce=int, choices=[(30, _("half uur")), (60, _("uur")), (90, _("anderhalf uur"))]
    )
    return_time = forms.TimeField(label=_("Terugrit om (leeg: geen terugrit)"), widget=TIME, required=False)
    pickup_address = forms.CharField(label=_("Ophaaladres"), max_length=200)
    destination = forms.CharField(label=_("Bestemming"), max_length=200)
    purpose = forms.ChoiceField(label=_("Doel"), choices=[("", _("Kies..."))] + RidePurpose.choices)
    needs_wheelchair = forms.BooleanField(label=_("Rolstoel"), required=False)
    needs_walker = forms.BooleanField(label=_("Rollator"), required=False)
    needs_door_help = forms.BooleanField(label=_("Hulp tot aan de deur"), required=False)
    note = forms.CharField(label=_("Opmerking voor de chauffeur"), max_length=300, required=False)

    def __init__(self, *args, vehicles=(), drivers=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["vehicle"].set_objects(vehicles, lambda v: f"{v.name}{' (rolstoel)' if v.wheelchair else ''}")
        self.fields["driver"].set_objects(drivers, lambda d: str(d))

    def moments(self, tz):
        d = self.cleaned_data
        pickup = datetime.datetime.combine(d["day"], d["pickup_time"]).replace(tzinfo=tz)
        back = d.get("return_time")
        return pickup, (datetime.datetime.combine(d["day"], back).replace(tzinfo=tz) if back else None)


class VehicleForm(Form):
    provision = ModelPick(label=_("Max-mobiel van"), error_messages={"required": _("Kies de voorziening.")})
    name = forms.CharField(label=_("Naam"), max_length=100)
    plate = forms.CharField(label=_("Kenteken"), max_length=12, required=False)
    seats = forms.IntegerField(label=_("Zitplaatsen voor passagiers"), min_value=1, max_value=8, initial=1)
    wheelchair = forms.BooleanField(label=_("Rolstoel kan mee"), required=False)
    walker = forms.BooleanField(label=_("Rollator kan mee"), required=False, initial=True)

    def __init__(self, *args, provisions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["provision"].set_objects(provisions, lambda p: f"{p.name} ({p.team})")


class DriverForm(Form):
    user = ModelPick(label=_("Vrijwilliger"), error_messages={"required": _("Kies de vrijwilliger.")})
    team = ModelPick(label=_("Rijdt voor"), error_messages={"required": _("Kies het wijkcentrum.")})
    licence_valid_until = forms.DateField(label=_("Rijbewijs geldig tot"), widget=DATE)
    trained_on = forms.DateField(label=_("Chauffeurstraining gevolgd op"), widget=DATE, required=False)
    wheelchair_trained = forms.BooleanField(label=_("Getraind in rolstoelvervoer"), required=False)
    door_help = forms.BooleanField(label=_("Helpt tot aan de deur"), required=False, initial=True)

    def __init__(self, *args, volunteers=(), teams=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].set_objects(volunteers, lambda u: u.get_full_name() or u.username)
        self.fields["team"].set_objects(teams)


class DayForm(Form):
    datum = forms.DateField(label=_("Dag"), widget=DATE, required=False)
