from django import forms
from django.core.exceptions import ValidationError

_TEXT = "utrecht-textbox utrecht-textbox--html-input"
_CLASSES = {
    forms.Select: "utrecht-select utrecht-select--html-select",
    forms.SelectMultiple: "utrecht-select utrecht-select--html-select",
    forms.CheckboxInput: "utrecht-checkbox utrecht-checkbox--html-input",
    forms.CheckboxSelectMultiple: "wk-checkboxes",
    forms.Textarea: "utrecht-textarea utrecht-textarea--html-textarea",
}


class NLDSFormMixin:
    """Gives every widget the NL Design System classes and links errors to their field (WCAG)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            css = next((c for t, c in _CLASSES.items() if isinstance(widget, t)), _TEXT)
            widget.attrs["class"] = f"{widget.attrs.get('class', '')} {css}".strip()

    def full_clean(self):
        super().full_clean()
        self.mark_errors()

    def mark_errors(self):
        for name in self.errors:
            if name in self.fields:
                attrs = self.fields[name].widget.attrs
                attrs["aria-invalid"] = "true"
                attrs["aria-describedby"] = f"{self[name].auto_id}_error"


def form_apply_errors(form, error: ValidationError) -> None:
    """Put a service's ValidationError on the form: each message on the field it names, the rest above the form.

    A form whose fields are named differently from the service's keys maps them in ``service_error_fields``
    (``{"finances": "level_finances"}``). Messages keep their code, so the form shows them as its own.
    """
    names = getattr(form, "service_error_fields", {})
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for key, errors in error.error_dict.items():
        field = names.get(key, key)
        for message in errors:
            form.add_error(field if field in form.fields else None, message)
    if hasattr(form, "mark_errors"):
        form.mark_errors()
