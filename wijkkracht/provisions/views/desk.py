"""The provision list and page, the figures, desk sessions and the quick registration of questions."""

import datetime

from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkkracht.people import selectors as people_selectors
from wijkkracht.provisions.forms.desk import LinkForm, QuestionForm, SessionForm
from wijkkracht.provisions.selectors import desk as desk_selectors
from wijkkracht.provisions.selectors import figures, structure
from wijkkracht.provisions.selectors import groups as group_selectors
from wijkkracht.provisions.selectors.choices import ProvisionKind
from wijkkracht.provisions.services import desk as desk_services

from .common import Page, saved

Kind = ProvisionKind
DESK_KINDS = (Kind.DESK, Kind.INFO_POINT)


class ProvisionListView(Page):
    permission = "provisions.view_provisions"

    def get(self, request):
        provisions = structure.provision_list(user=request.user)
        return self.render("provision_list.html", {"provisions": provisions, "kinds": Kind})


class ProvisionDetailView(Page):
    """One provision: what it offers, its sessions, groups or cars, and its figures this year."""

    permission = "provisions.view_provisions"
    url_name = "provisions:detail"

    def get(self, request, pk):
        provision = structure.provision_get(user=request.user, pk=pk)
        year = timezone.localdate().year
        context = {
            "provision": provision,
            "kinds": Kind,
            "figures": figures.provision_figures(year=year, team_ids=[provision.team_id]),
            "year": year,
            "can_manage": request.user.has_perm("provisions.manage_provisions"),
        }
        if provision.kind in DESK_KINDS:
            context["sessions"] = structure.sessions_of(provision=provision)
            context["past_sessions"] = structure.sessions_of(provision=provision, upcoming=False, limit=5)
        elif provision.kind == Kind.GROUPS:
            context["groups"] = structure.groups_of(provision=provision)
            context["seekers"] = group_selectors.seekers(user=request.user, provision=provision, view=self.url_name)
        elif provision.kind == Kind.RIDES:
            context["vehicles"] = [
                v for v in structure.vehicles_of(team_ids=[provision.team_id]) if v.provision_id == provision.pk
            ]
            context["drivers"] = structure.drivers_of(team_ids=[provision.team_id])
        return self.render("provision_detail.html", context)


class FiguresView(Page):
    """Figures for team leads and policy staff: counts only, never names."""

    permission = "monitoring.view_figures"

    def get(self, request):
        years = figures.figure_years()
        try:
            year = int(request.GET.get("jaar", years[0]))
        except ValueError:
            year = years[0]
        year = year if year in years else years[0]
        return self.render(
            "figures.html", {"figures": figures.provision_figures(year=year), "years": years, "year": year}
        )


class SessionCreateView(Page):
    permission = "provisions.manage_provisions"

    def form(self, *args, **kwargs):
        provisions = structure.provision_choices(user=self.request.user, kinds=DESK_KINDS)
        volunteers = structure.volunteers_of(team_ids=structure.my_team_ids(self.request.user))
        return SessionForm(*args, provisions=provisions, volunteers=volunteers, **kwargs)

    def get(self, request):
        start = timezone.localtime().replace(minute=0, second=0, microsecond=0) + datetime.timedelta(days=1)
        initial = {
            "provision": request.GET.get("voorziening"),
            "starts_at": start,
            "ends_at": start + datetime.timedelta(hours=2),
        }
        return self.render("session_form.html", {"form": self.form(initial=initial)})

    def post(self, request):
        form = self.form(request.POST)
        if form.is_valid():
            d = form.cleaned_data
            done = saved(
                request,
                form,
                lambda: desk_services.desk_session_create(
                    provision=d["provision"],
                    starts_at=d["starts_at"],
                    ends_at=d["ends_at"],
                    place=d["place"],
                    mode=d["mode"],
                    volunteers=form.chosen_volunteers(),
                    by=request.user,
                ),
                message=_("Het spreekuur is gepland."),
                to=("provisions:session-detail", lambda s: s.pk),
            )
            if done:
                return done
        return self.render("session_form.html", {"form": form})


class SessionDetailView(Page):
    permission = "provisions.view_provisions"
    url_name = "provisions:session-detail"

    def get(self, request, pk):
        session = structure.session_get(user=request.user, pk=pk)
        questions = desk_selectors.session_questions(user=request.user, session=session, view=self.url_name)
        return self.render("session_detail.html", {"session": session, "questions": questions})


class QuestionLogView(Page):
    """The quick form on a phone: topic and outcome, a name only with consent. No case is opened."""

    permission = "provisions.log_question"
    url_name = "provisions:question-log"

    def form(self, *args, provision=None, **kwargs):
        provisions = structure.provision_choices(user=self.request.user, kinds=DESK_KINDS)
        sessions = []
        if provision is not None:
            sessions = structure.sessions_of(provision=provision, upcoming=True, limit=5)
            sessions += structure.sessions_of(provision=provision, upcoming=False, limit=3)
        return QuestionForm(*args, provisions=provisions, sessions=sessions, **kwargs)

    def provision(self, value):
        try:
            return structure.provision_get(user=self.request.user, pk=int(value))
        except (TypeError, ValueError, Http404):  # none, or not one of mine: the form asks again
            return None

    def context(self, form, provision):
        recent = []
        if provision is not None:
            recent = desk_selectors.my_recent_questions(user=self.request.user, view=self.url_name, provision=provision)
        return {"form": form, "provision": provision, "recent": recent}

    def get(self, request):
        provision = self.provision(request.GET.get("voorziening"))
        if provision is None:
            mine = structure.provision_choices(user=request.user, kinds=DESK_KINDS)
            provision = mine[0] if len(mine) == 1 else None
        initial = {"provision": provision.pk if provision else None, "session": request.GET.get("sessie")}
        return self.render(
            "question_form.html", self.context(self.form(initial=initial, provision=provision), provision)
        )

    def post(self, request):
        provision = self.provision(request.POST.get("provision"))
        form = self.form(request.POST, provision=provision)
        if form.is_valid():
            d = form.cleaned_data
            done = saved(
                request,
                form,
                lambda: desk_services.desk_question_log(
                    provision=d["provision"],
                    session=d["session"],
                    channel=d["channel"],
                    topic=d["topic"],
                    outcome=d["outcome"],
                    passed_to=d["passed_to"],
                    note=d["note"],
                    visitor_name=d["visitor_name"],
                    visitor_phone=d["visitor_phone"],
                    consent=d["consent"],
                    by=request.user,
                ),
                message=_("De vraag is geregistreerd. Volgende bezoeker?"),
            )
            if done:
                query = f"?voorziening={d['provision'].pk}" + (f"&sessie={d['session'].pk}" if d["session"] else "")
                return redirect(f"{request.path}{query}")
        return self.render("question_form.html", self.context(form, provision))


class QuestionDetailView(Page):
    permission = "provisions.view_records"
    url_name = "provisions:question-detail"

    def get(self, request, public_id):
        question = desk_selectors.question_get(user=request.user, public_id=public_id, view=self.url_name)
        return self.render("question_detail.html", {"question": question})


class QuestionLinkView(Page):
    """Link a visitor's question to a resident record (search, pick, with consent)."""

    permission = "provisions.change_records"
    url_name = "provisions:question-link"

    def setup_page(self, request, public_id, query):
        question = desk_selectors.question_get(
            user=request.user, public_id=public_id, view=self.url_name, permission=self.permission
        )
        residents = []
        if query:
            residents = list(
                people_selectors.resident_search(
                    user=request.user, view=self.url_name, query=query, per_page=10
                ).object_list
            )
        return question, residents

    def get(self, request, public_id):
        query = request.GET.get("q", "").strip()[:100] or ""
        question, residents = self.setup_page(request, public_id, query)
        if not query and question.visitor_name:
            query = question.visitor_name
            question, residents = self.setup_page(request, public_id, query)
        form = LinkForm(residents=residents)
        return self.render("question_link.html", {"question": question, "form": form, "q": query})

    def post(self, request, public_id):
        query = request.POST.get("q", "").strip()[:100]
        question, residents = self.setup_page(request, public_id, query)
        form = LinkForm(request.POST, residents=residents)
        if form.is_valid():
            resident = next((r for r in residents if r.public_id == form.cleaned_data["resident"]), None)
            if resident is None:
                form.add_error("resident", _("Kies de inwoner."))
            else:
                done = saved(
                    request,
                    form,
                    lambda: desk_services.desk_question_link_resident(
                        question=question, resident=resident, consent=form.cleaned_data["consent"], by=request.user
                    ),
                    message=_("De vraag is gekoppeld aan de inwoner."),
                    to=("provisions:question-detail", question.public_id),
                )
                if done:
                    return done
        return self.render("question_link.html", {"question": question, "form": form, "q": query})
