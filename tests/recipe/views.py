"""Step 3 of the recipe: a plain view that names its permission and calls the selector."""

from django.views.generic import TemplateView

from wijkkracht.core.policy import PolicyRequiredMixin

from .selectors import home_visit_note_get


class HomeVisitNoteView(PolicyRequiredMixin, TemplateView):
    permission = "cases.view_case"
    template_name = "recipe/note.html"

    def get_context_data(self, **kwargs):
        note = home_visit_note_get(user=self.request.user, public_id=self.kwargs["public_id"], view="recipe:note")
        return super().get_context_data(note=note, **kwargs)
