"""One helper puts a service's ValidationError on a form: each message on its field, the rest above the form."""

from django import forms
from django.core.exceptions import ValidationError

from wijkkracht.core.forms import NLDSFormMixin, form_apply_errors


class NoteForm(NLDSFormMixin, forms.Form):
    text = forms.CharField()
    level_finances = forms.IntegerField(required=False)
    service_error_fields = {"finances": "level_finances"}


def bound_form():
    form = NoteForm({"text": "Gebeld", "level_finances": "3"})
    assert form.is_valid()
    return form


def test_each_message_goes_on_the_field_it_names():
    form = bound_form()
    form_apply_errors(form, ValidationError({"text": ["Te kort.", "Te vaag."], "__all__": "Niet opgeslagen."}))
    assert form.errors["text"] == ["Te kort.", "Te vaag."]
    assert form.non_field_errors() == ["Niet opgeslagen."]
    assert "text" not in form.cleaned_data


def test_a_field_the_form_does_not_have_goes_above_the_form():
    form = bound_form()
    form_apply_errors(form, ValidationError({"coordinator": "Kies een regievoerder."}))
    assert form.non_field_errors() == ["Kies een regievoerder."]


def test_a_message_without_a_field_goes_above_the_form():
    form = bound_form()
    form_apply_errors(form, ValidationError(["Deze hulpvraag is al afgesloten.", "Nog iets."]))
    assert form.non_field_errors() == ["Deze hulpvraag is al afgesloten.", "Nog iets."]


def test_a_form_maps_the_services_names_to_its_own_fields():
    form = bound_form()
    form_apply_errors(form, ValidationError({"finances": "Vul een niveau in."}))
    assert form.errors["level_finances"] == ["Vul een niveau in."]


def test_the_field_is_marked_invalid_for_screen_readers():
    form = bound_form()
    form_apply_errors(form, ValidationError({"text": ValidationError("Te kort.", code="short")}))
    attrs = form.fields["text"].widget.attrs
    assert (attrs["aria-invalid"], attrs["aria-describedby"]) == ("true", "id_text_error")
    assert form.errors.as_data()["text"][0].code == "short"
