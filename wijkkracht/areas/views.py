from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import FormView, ListView

from wijkkracht.core.policy import PolicyRequiredMixin

from . import selectors, services
from .forms import PostcodeAreaForm, PostcodeCheckForm


class NeighbourhoodListView(PolicyRequiredMixin, ListView):
    permission = "organisations.manage"
    template_name = "areas/neighbourhood_list.html"
    paginate_by = 30

    def get_queryset(self):
        qs = selectors.neighbourhood_list().prefetch_related("teams", "postcode_areas")
        if q := self.request.GET.get("q", "").strip():
            qs = qs.filter(Q(name__icontains=q) | Q(code__icontains=q) | Q(district__name__icontains=q))
        return qs

    def get_context_data(self, **kwargs):
        q = self.request.GET.get("q", "").strip()
        return super().get_context_data(q=q, query_string=f"q={q}" if q else "", **kwargs)


class PostcodeAreaCreateView(PolicyRequiredMixin, FormView):
    permission = "organisations.manage"
    template_name = "areas/postcode_area_form.html"
    form_class = PostcodeAreaForm

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            area = services.postcode_area_create(
                neighbourhood=data["neighbourhood_code"],
                pc4=data["pc4"],
                letters_from=data["letters_from"],
                letters_to=data["letters_to"],
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Postcodegebied %(area)s is toegevoegd aan %(buurt)s.")
            % {"area": area, "buurt": area.neighbourhood.name},
        )
        return redirect("areas:neighbourhood-list")


class PostcodeCheckView(PolicyRequiredMixin, FormView):
    """Which neighbourhood and team does this postcode belong to?"""

    permission = "areas.view_areas"
    template_name = "areas/postcode_check.html"
    form_class = PostcodeCheckForm

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        if "postcode" in self.request.GET:
            kwargs["data"] = self.request.GET
        return kwargs

    def get(self, request, *args, **kwargs):
        form = self.get_form()
        context = {"form": form}
        if form.is_bound and form.is_valid():
            try:
                neighbourhood = selectors.neighbourhood_for_postcode(postcode=form.cleaned_data["postcode"])
                context["neighbourhood"] = neighbourhood
                context["teams"] = neighbourhood.teams.all()
            except ValidationError as error:
                form.add_error("postcode", error)
        if request.htmx:
            return self.response_class(request, ["areas/_postcode_result.html"], context)
        return self.render_to_response(context)
