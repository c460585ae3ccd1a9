"""Friendship groups: a group, its members and meetings; a help seeker registered and placed."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from wijkkracht.people import selectors as people_selectors
from wijkkracht.provisions.forms.groups import GroupForm, MeetingForm, PlaceForm, SeekerForm
from wijkkracht.provisions.selectors import groups as selectors
from wijkkracht.provisions.selectors import structure
from wijkkracht.provisions.selectors.choices import ProvisionKind
from wijkkracht.provisions.services import groups as services

from .common import Page, message_errors, saved

GROUPS = (ProvisionKind.GROUPS,)


class GroupCreateView(Page):
    permission = "provisions.manage_provisions"

    def form(self, *args, **kwargs):
        return GroupForm(*args, provisions=structure.provision_choices(user=self.request.user, kinds=GROUPS), **kwargs)

    def get(self, request):
        return self.render(
            "group_form.html", {"form": self.form(initial={"provision": request.GET.get("voorziening")})}
        )

    def post(self, request):
        form = self.form(request.POST)
        if form.is_valid():
            d = form.cleaned_data
            done = saved(
                request,
                form,
                lambda: services.group_create(
                    provision=d["provision"],
                    name=d["name"],
                    meets=d["meets"],
                    place=d["place"],
                    description=d["description"],
                    max_members=d["max_members"],
                    by=request.user,
                ),
                message=_("De groep is aangemaakt."),
                to=("provisions:group-detail", lambda g: g.pk),
            )
            if done:
                return done
        return self.render("group_form.html", {"form": form})


class GroupDetailView(Page):
    permission = "provisions.view_records"
    url_name = "provisions:group-detail"

    def context(self, group, meeting_form=None):
        members = selectors.group_members(user=self.request.user, group=group, view=self.url_name)
        return {
            "group": group,
            "members": members,
            "meetings": list(group.meetings.all()[:10]),
            "meeting_form": meeting_form or MeetingForm(members=members),
            "can_change": self.request.user.has_perm("provisions.change_records"),
        }

    def get(self, request, pk):
        return self.render("group_detail.html", self.context(structure.group_get(user=request.user, pk=pk)))


class GroupMeetingView(GroupDetailView):
    """POST: a meeting and who came."""

    http_method_names = ["post", "options"]  # a form on the page above; no page of its own

    permission = "provisions.change_records"
    url_name = "provisions:group-meeting"

    def post(self, request, pk):
        group = structure.group_get(user=request.user, pk=pk)
        members = selectors.group_members(user=request.user, group=group, view=self.url_name)
        form = MeetingForm(request.POST, members=members)
        if form.is_valid():
            d = form.cleaned_data
            done = saved(
                request,
                form,
                lambda: services.group_meeting_record(
                    group=group, held_on=d["held_on"], present_ids=d["present"], note=d["note"], by=request.user
                ),
                message=_("De bijeenkomst is vastgelegd."),
                to=("provisions:group-detail", group.pk),
            )
            if done:
                return done
        return self.render("group_detail.html", self.context(group, meeting_form=form))


class SeekerCreateView(Page):
    """Register a resident as a help seeker for the friendship groups (from the resident page)."""

    permission = "provisions.change_records"
    url_name = "provisions:seeker-create"

    def resident(self, request, public_id):
        return people_selectors.resident_get(
            user=request.user, public_id=public_id, view=self.url_name, fields=["name"], permission=self.permission
        )

    def form(self, *args, **kwargs):
        return SeekerForm(*args, provisions=structure.provision_choices(user=self.request.user, kinds=GROUPS), **kwargs)

    def get(self, request, public_id):
        return self.render("seeker_form.html", {"form": self.form(), "resident": self.resident(request, public_id)})

    def post(self, request, public_id):
        resident = self.resident(request, public_id)
        form = self.form(request.POST)
        if form.is_valid():
            done = saved(
                request,
                form,
                lambda: services.group_seeker_register(
                    provision=form.cleaned_data["provision"],
                    resident=resident,
                    wish=form.cleaned_data["wish"],
                    by=request.user,
                ),
                message=_("Aangemeld bij de vriendenkringen."),
                to=("provisions:member-detail", lambda m: m.public_id),
            )
            if done:
                return done
        return self.render("seeker_form.html", {"form": form, "resident": resident})


class MemberDetailView(Page):
    permission = "provisions.view_records"
    url_name = "provisions:member-detail"

    def get(self, request, public_id, place_form=None):
        member = selectors.member_get(user=request.user, public_id=public_id, view=self.url_name)
        groups = structure.groups_of(provision=member.provision)
        return self.render(
            "member_detail.html",
            {
                "member": member,
                "attendance": selectors.member_attendance(member=member),
                "place_form": place_form or PlaceForm(groups=groups),
                "can_change": request.user.has_perm("provisions.change_records"),
            },
        )


class MemberPlaceView(Page):
    permission = "provisions.change_records"
    url_name = "provisions:member-place"

    def post(self, request, public_id):
        member = selectors.member_get(
            user=request.user, public_id=public_id, view=self.url_name, permission=self.permission
        )
        form = PlaceForm(request.POST, groups=structure.groups_of(provision=member.provision))
        if form.is_valid():
            try:
                services.group_member_place(member=member, group=form.cleaned_data["group"], by=request.user)
            except ValidationError as error:
                message_errors(request, error)
            else:
                messages.success(request, _("Geplaatst in %(group)s.") % {"group": form.cleaned_data["group"]})
        else:
            messages.error(request, _("Kies de groep."))
        return redirect("provisions:member-detail", public_id=member.public_id)


class MemberLeaveView(Page):
    permission = "provisions.change_records"
    url_name = "provisions:member-leave"

    def post(self, request, public_id):
        member = selectors.member_get(
            user=request.user, public_id=public_id, view=self.url_name, permission=self.permission
        )
        try:
            services.group_member_leave(member=member, by=request.user)
        except ValidationError as error:
            message_errors(request, error)
        else:
            messages.success(request, _("Vastgelegd: gestopt met de vriendenkring."))
        return redirect("provisions:member-detail", public_id=member.public_id)
