from django import forms
from django.utils.translation import gettext_lazy as _

from wijkkracht.provisions.selectors.choices import LanguageNeed, LanguagePlacement, LanguageSource

from .common import Form, ModelPick


class SignalForm(Form):
    provision = ModelPick(label=_("Taalhulp"), error_messages={"required": _("Kies de taalhulp.")})
    source = forms.ChoiceField(label=_("Wie signaleerde het?"), choices=[("", _("Kies..."))] + LanguageSource.choices)
    note = forms.CharField(label=_("Wat viel op?"), max_length=300, required=False)

    def __init__(self, *args, provisions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["provision"].set_objects(provisions, lambda p: f"{p.name} ({p.team})")


class IntakeForm(Form):
    need = forms.ChoiceField(label=_("Taalvraag"), choices=LanguageNeed.choices, widget=forms.RadioSelect)
    goal = forms.CharField(label=_("Wat wil de inwoner kunnen?"), max_length=300)


class PlaceForm(Form):
    placement = forms.ChoiceField(
        label=_("Plaatsing"),
        choices=[(LanguagePlacement.COURSE, _("taalcursus")), (LanguagePlacement.BUDDY, _("taalmaatje"))],
        widget=forms.RadioSelect,
    )
    course = ModelPick(label=_("Taalcursus (sociale kaart)"), required=False)
    buddy_name = forms.CharField(label=_("Naam van het taalmaatje"), max_length=150, required=False)

    def __init__(self, *args, courses=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["course"].set_objects(courses, lambda r: f"{r.name} ({r.provider.name})", empty=_("Geen cursus"))


class NoteForm(Form):
    note = forms.CharField(label=_("Notitie"), max_length=500, widget=forms.Textarea(attrs={"rows": 2}))
