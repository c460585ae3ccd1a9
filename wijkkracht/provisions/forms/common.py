from django import forms
from django.utils.translation import gettext_lazy as _

from wijkkracht.core.forms import NLDSFormMixin

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
DATETIME_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%d-%m-%Y %H:%M"]


class Form(NLDSFormMixin, forms.Form):
    """Native radio buttons and checkboxes keep their own look (the mixin gives text-box classes)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field.widget, forms.RadioSelect):
                field.widget.attrs["class"] = "utrecht-radio-button utrecht-radio-button--html-input"


def choice_of(objects, label=str, empty=None):
    found = [(o.pk, label(o)) for o in objects]
    return ([("", empty)] if empty else []) + found


class ModelPick(forms.TypedChoiceField):
    """A choice among objects given at init; ``cleaned_data`` holds the object."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("coerce", int)
        kwargs.setdefault("empty_value", None)
        super().__init__(*args, **kwargs)
        self.objects = {}

    def set_objects(self, objects, label=str, empty=None):
        self.objects = {o.pk: o for o in objects}
        self.choices = choice_of(objects, label, empty or _("Kies..."))

    def clean(self, value):
        pk = super().clean(value)
        return self.objects.get(pk) if pk is not None else None
