from django import forms

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
        for name in self.errors:
            if name in self.fields:
                attrs = self.fields[name].widget.attrs
                attrs["aria-invalid"] = "true"
                attrs["aria-describedby"] = f"{self[name].auto_id}_error"
