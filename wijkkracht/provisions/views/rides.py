"""The ride service: bookings, a car's printable day, cars and drivers, a driver's rides and calendar feed."""

import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkkracht.core.policy import PUBLIC
from wijkkracht.people import selectors as people_selectors
from wijkkracht.provisions.calendar import rides_calendar
from wijkkracht.provisions.forms.rides import BookingForm, DayForm, DriverForm, VehicleForm
from wijkkracht.provisions.selectors import rides as selectors
from wijkkracht.provisions.selectors import structure
from wijkkracht.provisions.selectors.choices import ProvisionKind
from wijkkracht.provisions.services import rides as services

from .common import Page, message_errors, saved

RIDES = (ProvisionKind.RIDES,)


class RideListView(Page):
    permission = "provisions.view_records"
    url_name = "provisions:ride-list"

    def get(self, request):
        team_ids = structure.my_team_ids(request.user)
        page_obj = selectors.booking_page(user=request.user, view=self.url_name, page=request.GET.get("page", 1))
        return self.render(
            "ride_list.html",
            {
                "page_obj": page_obj,
                "vehicles": structure.vehicles_of(team_ids=team_ids),
                "drivers": structure.drivers_of(team_ids=team_ids),
                "can_manage": request.user.has_perm("provisions.manage_provisions"),
                "first_day": services.first_bookable_day(),
            },
        )


class RideBookView(Page):
    """Book a ride for a resident (from the resident page), at least a day ahead."""

    permission = "provisions.change_records"
    url_name = "provisions:ride-book"

    def resident(self, request, public_id):
        return people_selectors.resident_get(
            user=request.user,
            public_id=public_id,
            view=self.url_name,
            fields=["name", "address"],
            permission=self.permission,
        )

    def form(self, *args, **kwargs):
        team_ids = structure.my_team_ids(self.request.user)
        return BookingForm(
            *args,
            vehicles=structure.vehicles_of(team_ids=team_ids),
            drivers=structure.drivers_of(team_ids=team_ids),
            **kwargs,
        )

    def context(self, form, resident):
        return {"form": form, "resident": resident, "first_day": services.first_bookable_day()}

    def get(self, request, public_id):
        resident = self.resident(request, public_id)
        household = resident.household
        initial = {
            "day": services.first_bookable_day(),
            "pickup_address": f"{household.street} {household.house_number}{household.house_number_suffix}, {household.city}",
        }
        return self.render("ride_form.html", self.context(self.form(initial=initial), resident))

    def post(self, request, public_id):
        resident = self.resident(request, public_id)
        form = self.form(request.POST)
        if form.is_valid():
            d = form.cleaned_data
            pickup_at, return_at = form.moments(timezone.get_current_timezone())
            done = saved(
                request,
                form,
                lambda: services.ride_book(
                    vehicle=d["vehicle"],
                    driver=d["driver"],
                    resident=resident,
                    pickup_at=pickup_at,
                    return_at=return_at,
                    duration_minutes=d["duration_minutes"],
                    pickup_address=d["pickup_address"],
                    destination=d["destination"],
                    purpose=d["purpose"],
                    needs_wheelchair=d["needs_wheelchair"],
                    needs_walker=d["needs_walker"],
                    needs_door_help=d["needs_door_help"],
                    note=d["note"],
                    by=request.user,
                ),
                message=_("De rit is geboekt."),
                to=("provisions:ride-detail", lambda b: b.public_id),
            )
            if done:
                return done
        return self.render("ride_form.html", self.context(form, resident))


class RideDetailView(Page):
    permission = "provisions.view_records"
    url_name = "provisions:ride-detail"

    def get(self, request, public_id):
        booking = selectors.booking_get(user=request.user, public_id=public_id, view=self.url_name)
        return self.render(
            "ride_detail.html", {"booking": booking, "can_change": request.user.has_perm("provisions.change_records")}
        )


class RideCancelView(Page):
    permission = "provisions.change_records"
    url_name = "provisions:ride-cancel"

    def post(self, request, public_id):
        booking = selectors.booking_get(
            user=request.user, public_id=public_id, view=self.url_name, permission=self.permission
        )
        try:
            services.ride_cancel(booking=booking, by=request.user)
        except ValidationError as error:
            message_errors(request, error)
        else:
            messages.success(request, _("De rit is geannuleerd; auto en chauffeur zijn weer vrij."))
        return redirect("provisions:ride-detail", public_id=booking.public_id)


class VehicleDayView(Page):
    """The day's rides of one car, made to print (print CSS: no menu, one table)."""

    permission = "provisions.view_records"
    url_name = "provisions:vehicle-day"

    def get(self, request, pk):
        vehicle = structure.vehicle_get(user=request.user, pk=pk)
        form = DayForm(request.GET or None)
        day = (form.cleaned_data.get("datum") if form.is_valid() else None) or services.first_bookable_day()
        rides = selectors.vehicle_day(user=request.user, vehicle=vehicle, day=day, view=self.url_name)
        return self.render(
            "vehicle_day.html",
            {
                "vehicle": vehicle,
                "day": day,
                "rides": rides,
                "form": form if form.is_bound else DayForm(initial={"datum": day}),
                "previous": day - datetime.timedelta(days=1),
                "next": day + datetime.timedelta(days=1),
            },
        )


class VehicleCreateView(Page):
    permission = "provisions.manage_provisions"

    def form(self, *args, **kwargs):
        return VehicleForm(*args, provisions=structure.provision_choices(user=self.request.user, kinds=RIDES), **kwargs)

    def get(self, request):
        return self.render(
            "vehicle_form.html", {"form": self.form(initial={"provision": request.GET.get("voorziening")})}
        )

    def post(self, request):
        form = self.form(request.POST)
        if form.is_valid():
            d = form.cleaned_data
            done = saved(
                request,
                form,
                lambda: services.vehicle_create(
                    provision=d["provision"],
                    name=d["name"],
                    plate=d["plate"],
                    seats=d["seats"],
                    wheelchair=d["wheelchair"],
                    walker=d["walker"],
                    by=request.user,
                ),
                message=_("De auto is toegevoegd."),
                to=("provisions:ride-list",),
            )
            if done:
                return done
        return self.render("vehicle_form.html", {"form": form})


class DriverCreateView(Page):
    permission = "provisions.manage_provisions"

    def form(self, *args, **kwargs):
        team_ids = structure.my_team_ids(self.request.user)
        teams = [p.team for p in structure.provision_choices(user=self.request.user, kinds=RIDES)]
        unique_teams = list({t.pk: t for t in teams}.values())
        return DriverForm(*args, volunteers=structure.volunteers_of(team_ids=team_ids), teams=unique_teams, **kwargs)

    def get(self, request):
        return self.render("driver_form.html", {"form": self.form()})

    def post(self, request):
        form = self.form(request.POST)
        if form.is_valid():
            d = form.cleaned_data
            done = saved(
                request,
                form,
                lambda: services.driver_register(
                    user=d["user"],
                    team=d["team"],
                    licence_valid_until=d["licence_valid_until"],
                    trained_on=d["trained_on"],
                    wheelchair_trained=d["wheelchair_trained"],
                    door_help=d["door_help"],
                    by=request.user,
                ),
                message=_("De chauffeur is vastgelegd."),
                to=("provisions:ride-list",),
            )
            if done:
                return done
        return self.render("driver_form.html", {"form": form})


class MyRidesView(Page):
    """A driver's own rides, and the address of their calendar feed."""

    permission = "provisions.drive"
    url_name = "provisions:my-rides"

    def get(self, request):
        driver = structure.driver_of(request.user)
        rides = selectors.driver_rides(user=request.user, view=self.url_name) if driver else []
        feed_url = (
            request.build_absolute_uri(reverse("provisions:ride-feed", args=[driver.feed_token])) if driver else ""
        )
        return self.render("my_rides.html", {"driver": driver, "rides": rides, "feed_url": feed_url})

    def post(self, request):
        driver = structure.driver_of(request.user)
        if driver is None:
            raise Http404
        services.driver_feed_renew(driver=driver)
        messages.success(request, _("Uw agenda heeft een nieuw adres. Het oude adres werkt niet meer."))
        return redirect("provisions:my-rides")


class RideFeedView(Page):
    """The driver's rides as an iCalendar feed. A calendar app cannot log in: the secret address is the key,
    the reads are logged as the driver, and the feed holds only what the driver needs."""

    permission = PUBLIC
    url_name = "provisions:ride-feed"

    def get(self, request, token):
        driver = structure.driver_for_feed(token)
        if driver is None or not driver.user.has_perm("provisions.ride_feed"):
            raise Http404
        rides = selectors.feed_rides(driver=driver, view=self.url_name)
        response = HttpResponse(rides_calendar(driver, rides), content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = 'inline; filename="ritten.ics"'
        return response
