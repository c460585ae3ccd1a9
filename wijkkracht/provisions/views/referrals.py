"""Referrals to the social map (from a help request), the provider's report back (login or one-time link),
the food bank desk and the city pass."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from wijkkracht.cases.selectors import requests as request_selectors
from wijkkracht.cases.services.requests import team_of
from wijkkracht.core.forms import form_apply_errors
from wijkkracht.core.policy import PUBLIC
from wijkkracht.people import selectors as people_selectors
from wijkkracht.provisions.forms.referrals import (
    CityPassForm,
    FoodBankDecideForm,
    FoodBankForm,
    ReferralForm,
    ReportForm,
)
from wijkkracht.provisions.selectors import referrals as selectors
from wijkkracht.provisions.services import referrals as services
from wijkkracht.provisions.services.common import user_team_ids
from wijkkracht.socialmap import selectors as socialmap_selectors
from wijkkracht.socialmap.forms import SearchForm
from wijkkracht.socialmap.models import Resource

from .common import Page, message_errors, saved


class ReferralCreateView(Page):
    """From a help request: search the social map, pick a resource, refer (the ``social_map_referral`` path)."""

    permission = "provisions.refer"
    url_name = "provisions:referral-create"

    def help_request(self, request, public_id):
        return request_selectors.help_request_get(
            user=request.user, public_id=public_id, view=self.url_name, permission="cases.view_case"
        )

    def resource(self, value):
        try:
            return socialmap_selectors.resource_get(public_id=value, include_inactive=False)
        except (Resource.DoesNotExist, ValueError, ValidationError):
            return None

    def page(self, request, help_request, resource, form=None):
        search_form = SearchForm(
            {k: v for k, v in request.GET.items() if k != "resource"} or None,
            neighbourhoods=socialmap_selectors.neighbourhood_choices(),
        )
        search = search_form.search()
        if search.is_empty and search.neighbourhood is None:
            search = type(search)(neighbourhood=help_request.household.neighbourhood_id)
        return self.render(
            "referral_form.html",
            {
                "help_request": help_request,
                "resource": resource,
                "form": form or ReferralForm(),
                "search_form": search_form,
                "results": socialmap_selectors.resource_search(
                    search=search, page=request.GET.get("page", 1), per_page=10
                ),
                "pick_url": request.path,
            },
        )

    def get(self, request, public_id):
        help_request = self.help_request(request, public_id)
        return self.page(request, help_request, self.resource(request.GET.get("resource")))

    def post(self, request, public_id):
        help_request = self.help_request(request, public_id)
        resource = self.resource(request.POST.get("resource"))
        form = ReferralForm(request.POST)
        if resource is None:
            form.add_error(None, _("Kies eerst het aanbod op de sociale kaart."))
        elif form.is_valid():
            done = saved(
                request,
                form,
                lambda: services.referral_create(
                    help_request=help_request,
                    resource=resource,
                    note=form.cleaned_data["note"],
                    share_contact=form.cleaned_data["share_contact"],
                    by=request.user,
                ),
                message=_("Verwezen naar %(name)s.") % {"name": resource.name},
                to=("provisions:referral-detail", lambda r: r.public_id),
            )
            if done:
                return done
        return self.page(request, help_request, resource, form)


class ReferralListView(Page):
    """Referrals of my teams; for a provider: the referrals addressed to their organisation."""

    permission = "provisions.view_referral"
    url_name = "provisions:referral-list"

    def get(self, request):
        open_only = request.GET.get("open") == "1"
        page_obj = selectors.referral_page(
            user=request.user, view=self.url_name, open_only=open_only, page=request.GET.get("page", 1)
        )
        return self.render(
            "referral_list.html",
            {"page_obj": page_obj, "open_only": open_only, "query_string": "open=1" if open_only else ""},
        )


class ReferralDetailView(Page):
    permission = "provisions.view_referral"
    url_name = "provisions:referral-detail"

    def page(self, referral, form=None, link=""):
        user = self.request.user
        return self.render(
            "referral_detail.html",
            {
                "referral": referral,
                "form": form or ReportForm(),
                "can_report": user.has_perm("provisions.report_referral") and referral.is_open,
                "can_link": user.has_perm("provisions.refer")
                and referral.is_open
                and referral.team_id in user_team_ids(user),
                "show_contact": referral.share_contact or user.role != "provider",
                "link": link,
            },
        )

    def get(self, request, public_id):
        return self.page(selectors.referral_get(user=request.user, public_id=public_id, view=self.url_name))


class ReferralReportView(ReferralDetailView):
    """POST: the receiving organisation (or the worker) reports how the referral stands."""

    http_method_names = ["post", "options"]  # a form on the page above; no page of its own
    permission = "provisions.report_referral"
    url_name = "provisions:referral-report"

    def post(self, request, public_id):
        referral = selectors.referral_get(
            user=request.user, public_id=public_id, view=self.url_name, permission=self.permission
        )
        form = ReportForm(request.POST)
        if form.is_valid():
            done = saved(
                request,
                form,
                lambda: services.referral_report(
                    referral=referral,
                    status=form.cleaned_data["status"],
                    reason=form.cleaned_data["status_reason"],
                    by=request.user,
                ),
                message=_("Teruggemeld."),
                to=("provisions:referral-detail", referral.public_id),
            )
            if done:
                return done
        return self.page(referral, form)


class ReferralLinkView(ReferralDetailView):
    """POST: make a one-time link for a provider without accounts; shown once, to send on."""

    http_method_names = ["post", "options"]  # a form on the page above; no page of its own

    permission = "provisions.refer"
    url_name = "provisions:referral-link"

    def post(self, request, public_id):
        referral = selectors.referral_get(
            user=request.user, public_id=public_id, view=self.url_name, permission=self.permission
        )
        try:
            token = services.referral_link_create(referral=referral, by=request.user)
        except ValidationError as error:
            message_errors(request, error)
            return redirect("provisions:referral-detail", public_id=referral.public_id)
        link = request.build_absolute_uri(reverse("provisions:referral-report-link", args=[token]))
        return self.page(referral, link=link)


class ReferralReportLinkView(Page):
    """The provider's one-time page (no login): it shows no personal data, only the reference and resource."""

    permission = PUBLIC

    def referral(self, token):
        try:
            return services.referral_for_link(token)
        except services.LinkInvalid:
            raise Http404 from None

    def get(self, request, token):
        return self.render("referral_link.html", {"referral": self.referral(token), "form": ReportForm()})

    def post(self, request, token):
        referral = self.referral(token)
        form = ReportForm(request.POST)
        if form.is_valid():
            try:
                services.referral_report_by_link(
                    token=token, status=form.cleaned_data["status"], reason=form.cleaned_data["status_reason"]
                )
            except services.LinkInvalid:
                raise Http404 from None
            except ValidationError as error:
                form_apply_errors(form, error)
            else:
                return self.render("referral_link_done.html", {"referral": referral})
        return self.render("referral_link.html", {"referral": referral, "form": form})


class FoodBankCreateView(Page):
    permission = "provisions.change_records"
    url_name = "provisions:foodbank-create"

    def resident(self, request, public_id):
        return people_selectors.resident_get(
            user=request.user,
            public_id=public_id,
            view=self.url_name,
            fields=["name", "address"],
            permission=self.permission,
        )

    def get(self, request, public_id):
        resident = self.resident(request, public_id)
        return self.render("foodbank_form.html", {"form": FoodBankForm(), "resident": resident})

    def post(self, request, public_id):
        resident = self.resident(request, public_id)
        form = FoodBankForm(request.POST)
        if form.is_valid():
            team = team_of(user=request.user, household=resident.household)
            done = saved(
                request,
                form,
                lambda: services.food_bank_refer(
                    resident=resident,
                    team=team,
                    household_size=form.cleaned_data["household_size"],
                    reason=form.cleaned_data["reason"],
                    by=request.user,
                ),
                message=_("Aangemeld bij het Voedselloket."),
                to=("people:resident-detail", resident.public_id),
            )
            if done:
                return done
        return self.render("foodbank_form.html", {"form": form, "resident": resident})


class FoodBankDecideView(Page):
    permission = "provisions.change_records"
    url_name = "provisions:foodbank-decide"

    def post(self, request, public_id):
        referral = selectors.food_bank_get(
            user=request.user, public_id=public_id, view=self.url_name, permission=self.permission
        )
        form = FoodBankDecideForm(request.POST)
        if form.is_valid():
            try:
                services.food_bank_decide(
                    referral=referral,
                    admitted=form.cleaned_data["admitted"],
                    valid_until=form.cleaned_data["valid_until"],
                    by=request.user,
                )
            except ValidationError as error:
                message_errors(request, error)
            else:
                messages.success(request, _("Het besluit van het Voedselloket is vastgelegd."))
        else:
            messages.error(request, _("Kies toegelaten of niet toegelaten."))
        return redirect("people:resident-detail", public_id=referral.resident.public_id)


class CityPassView(Page):
    permission = "provisions.change_records"
    url_name = "provisions:citypass-record"

    def resident(self, request, public_id):
        return people_selectors.resident_get(
            user=request.user, public_id=public_id, view=self.url_name, fields=["name"], permission=self.permission
        )

    def get(self, request, public_id):
        return self.render(
            "citypass_form.html", {"form": CityPassForm(), "resident": self.resident(request, public_id)}
        )

    def post(self, request, public_id):
        resident = self.resident(request, public_id)
        form = CityPassForm(request.POST)
        if form.is_valid():
            done = saved(
                request,
                form,
                lambda: services.city_pass_record(
                    resident=resident, valid_until=form.cleaned_data["valid_until"], by=request.user
                ),
                message=_("De stadspas is vastgelegd."),
                to=("people:resident-detail", resident.public_id),
            )
            if done:
                return done
        return self.render("citypass_form.html", {"form": form, "resident": resident})
