"""One helper puts a service's ValidationError on a form: each message on its field, the rest above the form."""

from django import forms
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string

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


class VisitForm(NLDSFormMixin, forms.Form):
    kind = forms.ChoiceField(label="Soort", choices=[("a", "A"), ("b", "B")], widget=forms.RadioSelect)
    note = forms.CharField(label="Notitie", widget=forms.Textarea, help_text="Kort.")
    rating = forms.IntegerField(label="Cijfer", required=False, max_value=10)


def test_the_error_summary_lists_every_error_each_linked_to_its_field():
    form = VisitForm({"rating": "11"})
    form.add_error(None, "Er is nog niets opgeslagen.")
    summary = form.error_summary()
    assert [(e.label, e.anchor) for e in summary] == [
        ("", ""),  # the form's own message first, without a link
        ("Soort", "id_kind_0"),  # a group of radio buttons: its first button
        ("Notitie", "id_note"),
        ("Cijfer", "id_rating"),
    ]
    html = render_to_string("components/error_summary.html", {"form": form})
    assert "data-wk-error-summary" in html and 'tabindex="-1"' in html
    assert 'href="#id_rating"' in html and "Er zijn nog 4 dingen niet goed" in html


def test_a_form_without_errors_has_no_summary():
    assert VisitForm().error_summary() == []
    assert render_to_string("components/error_summary.html", {"form": VisitForm()}).strip() == ""


def test_required_fields_are_marked_but_never_red_before_input():
    html = render_to_string("components/form.html", {"form": VisitForm()})
    assert " required" not in html  # no :invalid styling by the browser before the user typed
    assert 'aria-required="true"' in html
    assert html.count("(verplicht)") == 2  # kind and note, not the optional rating
    assert 'aria-describedby="id_note_helptext"' in html
    assert "aria-invalid" not in html
