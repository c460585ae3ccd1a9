"""Social-map pages: the public search and resource page (no login), the HSDS download, and the pages that
keep the map current (edit, verify, import) for the roles that may."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View

from wijkkracht.core.forms import form_apply_errors
from wijkkracht.core.policy import PUBLIC, PolicyRequiredMixin

from . import hsds, hsds_import, selectors, services
from .forms import ImportForm, ResourceForm, SearchForm
from .models import Resource
from .taxonomy import Scheme


class SearchView(PolicyRequiredMixin, View):
    """The public social map: search by need, life domain, neighbourhood, age and language."""

    permission = PUBLIC

    def get(self, request):
        form = SearchForm(request.GET or None, neighbourhoods=selectors.neighbourhood_choices())
        page_obj = selectors.resource_search(search=form.search(), page=request.GET.get("page", 1))
        return render(
            request,
            "socialmap/search.html",
            {
                "form": form,
                "page_obj": page_obj,
                "query_string": form.query_string(),
                "can_change": request.user.has_perm("socialmap.change_resource"),
            },
        )


def _resource(public_id, *, include_inactive=True) -> Resource:
    try:
        return selectors.resource_get(public_id=public_id, include_inactive=include_inactive)
    except Resource.DoesNotExist:
        raise Http404 from None


class ResourceDetailView(PolicyRequiredMixin, View):
    permission = PUBLIC

    def get(self, request, public_id):
        resource = _resource(public_id)
        return render(
            request,
            "socialmap/resource_detail.html",
            {
                "resource": resource,
                "need_labels": resource.labels(Scheme.NEED),
                "domain_labels": resource.labels(Scheme.DOMAIN),
                "language_labels": resource.labels(Scheme.LANGUAGE),
                "stale": selectors.is_stale(resource),
                "can_change": request.user.has_perm("socialmap.change_resource"),
            },
        )


class HsdsExportView(PolicyRequiredMixin, View):
    """The whole map as an HSDS 3.0 document (public: it holds no personal data)."""

    permission = PUBLIC

    def get(self, request):
        response = HttpResponse(
            hsds.hsds_json(selectors.resources_for_export()), content_type="application/json; charset=utf-8"
        )
        stamp = timezone.localdate().isoformat()
        response["Content-Disposition"] = f'attachment; filename="sociale-kaart-hsds-{stamp}.json"'
        return response


class _ResourceFormView(PolicyRequiredMixin, View):
    permission = "socialmap.change_resource"
    template_name = "socialmap/resource_form.html"

    def form(self, *args, **kwargs):
        return ResourceForm(
            *args,
            providers=selectors.provider_choices(),
            neighbourhoods=selectors.neighbourhood_choices(),
            **kwargs,
        )

    def save(self, request, form, resource=None):
        d = form.cleaned_data
        try:
            with transaction.atomic():
                provider = None
                if d.get("new_provider"):
                    provider = services.provider_create(name=d["new_provider"])
                elif d.get("provider"):
                    provider = next((p for p in selectors.provider_choices() if p.pk == d["provider"]), None)
                location = resource.location if resource else None
                if d.get("street_address"):
                    if location is None or (location.name, location.street_address) != (
                        d["location_name"],
                        d["street_address"],
                    ):
                        location = services.location_create(
                            name=d["location_name"],
                            street_address=d["street_address"],
                            postcode=d.get("postcode", ""),
                            accessibility=d.get("accessibility", ""),
                        )
                    elif location.accessibility != d.get("accessibility", ""):
                        location.accessibility = d.get("accessibility", "")
                        location.save(update_fields=["accessibility"])
                else:
                    location = None
                wanted = set(d.get("neighbourhoods", []))
                neighbourhoods = [n for n in selectors.neighbourhood_choices() if n.pk in wanted]
                data = form.data_for(provider=provider, location=location, neighbourhoods=neighbourhoods)
                return services.resource_save(data=data, resource=resource, by=request.user)
        except ValidationError as error:
            form_apply_errors(form, error)
            return None


class ResourceCreateView(_ResourceFormView):
    def get(self, request):
        return render(request, self.template_name, {"form": self.form(initial={"status": "active"})})

    def post(self, request):
        form = self.form(request.POST)
        if form.is_valid() and (resource := self.save(request, form)) is not None:
            messages.success(request, _("Het aanbod staat op de sociale kaart."))
            return redirect("socialmap:resource-detail", public_id=resource.public_id)
        return render(request, self.template_name, {"form": form})


class ResourceUpdateView(_ResourceFormView):
    def get(self, request, public_id):
        resource = _resource(public_id)
        form = self.form(initial=ResourceForm.initial_for(resource))
        return render(request, self.template_name, {"form": form, "resource": resource})

    def post(self, request, public_id):
        resource = _resource(public_id)
        form = self.form(request.POST)
        if form.is_valid() and self.save(request, form, resource) is not None:
            messages.success(request, _("Het aanbod is gewijzigd."))
            return redirect("socialmap:resource-detail", public_id=resource.public_id)
        return render(request, self.template_name, {"form": form, "resource": resource})


class ResourceVerifyView(PolicyRequiredMixin, View):
    """POST: the data was checked with the provider today."""

    permission = "socialmap.change_resource"

    def post(self, request, public_id):
        resource = _resource(public_id)
        services.resource_verify(resource=resource, by=request.user)
        messages.success(request, _("Vastgelegd: vandaag gecontroleerd bij de aanbieder."))
        return redirect("socialmap:resource-detail", public_id=resource.public_id)


class HsdsImportView(PolicyRequiredMixin, View):
    permission = "socialmap.import_resources"
    template_name = "socialmap/import.html"

    def get(self, request):
        return render(request, self.template_name, {"form": ImportForm(), "figures": selectors.resource_figures()})

    def post(self, request):
        form = ImportForm(request.POST, request.FILES)
        result = None
        if form.is_valid():
            text = form.text()
            result = hsds_import.hsds_import(text=text) if text else None
            if result is None:
                form.add_error("file", _("Het bestand is geen UTF-8-tekst."))
            elif result.ok:
                messages.success(
                    request,
                    _("Geïmporteerd: %(created)d nieuw, %(updated)d bijgewerkt.")
                    % {"created": result.created, "updated": result.updated},
                )
                return redirect("socialmap:import")
        return render(
            request,
            self.template_name,
            {"form": form, "result": result, "figures": selectors.resource_figures()},
        )
