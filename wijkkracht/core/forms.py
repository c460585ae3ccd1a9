"""The form mixin every page form uses, and the one helper that puts a service's errors on a form.

The NL Design System error pattern (ADR 0015): one error summary at the top of the form
(``components/error_summary.html``) that lists every error and links to its field, focus moved there by
our own script; each field marked ``aria-invalid`` with its message linked by ``aria-describedby``;
required fields marked "(verplicht)" and ``aria-required``. The browser's own ``required`` is left out, so
no field looks wrong before the user has typed anything (the component CSS styles ``:invalid``).
"""

from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_TEXT = "utrecht-textbox utrecht-textbox--html-input"
_CLASSES = {
    forms.Select: "utrecht-select utrecht-select--html-select",
    forms.SelectMultiple: "utrecht-select utrecht-select--html-select",
    forms.CheckboxInput: "utrecht-checkbox utrecht-checkbox--html-input",
    forms.CheckboxSelectMultiple: "wk-checkboxes",
    forms.Textarea: "utrecht-textarea utrecht-textarea--html-textarea",
}
DJANGO_BLANK = "---------"
CHOOSE = _("— kies —")
# Widgets that render several inputs: the summary links to the first one.
_GROUPS = (forms.RadioSelect, forms.CheckboxSelectMultiple)


@dataclass(frozen=True)
class SummaryError:
    """One line of the error summary: the field's label and message, and the id of the input to go to."""

    message: str
    label: str = ""
    anchor: str = ""


class NLDSFormMixin:
    """Gives every widget the NL Design System classes and links errors to their field (WCAG)."""

    use_required_attribute = False  # "(verplicht)" and aria-required instead: no red fields before input

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.style_fields()

    def style_fields(self, names=None):
        """NL Design System classes and aria-required for the fields (all, or ``names`` added later)."""
        for name, field in self.fields.items():
            if names is not None and name not in names:
                continue
            widget = field.widget
            css = next((c for t, c in _CLASSES.items() if isinstance(widget, t)), _TEXT)
            if css not in widget.attrs.get("class", ""):
                widget.attrs["class"] = f"{widget.attrs.get('class', '')} {css}".strip()
            if field.required and not isinstance(widget, (*_GROUPS, forms.HiddenInput)):
                widget.attrs["aria-required"] = "true"
            if field.help_text and "aria-describedby" not in widget.attrs:
                widget.attrs["aria-describedby"] = f"{self.html_id(name)}_helptext"
            self._plain_blank_choice(field)

    @staticmethod
    def _plain_blank_choice(field) -> None:
        """Django's empty choice reads "---------"; ours says what to do."""
        if isinstance(field, forms.ModelChoiceField):
            if field.empty_label == DJANGO_BLANK:
                field.empty_label = CHOOSE
        elif isinstance(field, forms.ChoiceField):
            choices = list(field.choices)
            if choices and choices[0][0] in ("", None) and choices[0][1] == DJANGO_BLANK:
                field.choices = [("", CHOOSE), *choices[1:]]

    def html_id(self, name: str) -> str:
        """The id Django gives the field's input, without making its BoundField (which would freeze the
        field's label and help text before a subclass sets them)."""
        auto_id = str(self.auto_id or "")
        html_name = self.add_prefix(name)
        return auto_id % html_name if "%s" in auto_id else html_name

    def full_clean(self):
        super().full_clean()
        self.mark_errors()

    def mark_errors(self):
        for name in self.errors:
            if name in self.fields:
                attrs = self.fields[name].widget.attrs
                attrs["aria-invalid"] = "true"
                described = [f"{self.html_id(name)}_error"]
                if self.fields[name].help_text:
                    described.append(f"{self.html_id(name)}_helptext")
                attrs["aria-describedby"] = " ".join(described)

    def field_anchor(self, name: str) -> str:
        """The id of the input the summary links to for field ``name``."""
        bound = self[name]
        if isinstance(bound.field.widget, _GROUPS):
            return f"{bound.auto_id}_0"
        return bound.id_for_label or bound.auto_id

    def error_summary(self) -> list[SummaryError]:
        """Every error of the form, the form's own first, then per field in the order of the form."""
        if not self.is_bound or not self.errors:
            return []
        found = [SummaryError(message=str(m)) for m in self.non_field_errors()]
        for name in self.fields:
            for message in self.errors.get(name, []):
                label = str(self[name].label)
                found.append(SummaryError(message=str(message), label=label, anchor=self.field_anchor(name)))
        return found


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
