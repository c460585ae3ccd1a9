from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from wijkkracht.organisations.models import Organisation, Team

from .roles import Role, requires_second_factor


class User(AbstractUser):
    """A member of staff or a volunteer. Belongs to one organisation, works in one or more teams."""

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="users",
        null=True,
        blank=True,
        verbose_name=_("organisatie"),
    )
    role = models.CharField(_("rol"), max_length=30, choices=Role.choices, default=Role.WORKER)
    teams = models.ManyToManyField(Team, through="TeamMembership", related_name="members", blank=True)
    # A password someone else chose (the functional admin): the user must choose their own at the next login.
    must_change_password = models.BooleanField(_("moet wachtwoord wijzigen"), default=False)

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")

    @property
    def needs_second_factor(self) -> bool:
        return requires_second_factor(self.role)

    def has_perm(self, perm, obj=None) -> bool:
        """The policy's answer (access/rules.py), remembered on this user object (one request) for what the
        answer depends on: the role, active or not, past the second factor or not. A page asks some forty times."""
        if obj is not None:
            return super().has_perm(perm, obj)
        key = (perm, self.role, self.is_active, self.is_fully_authenticated())
        answers = self.__dict__.setdefault("_wk_perm_answers", {})
        if key not in answers:
            answers[key] = super().has_perm(perm)
        return answers[key]

    def is_fully_authenticated(self) -> bool:
        """Logged in, and past the second factor where the role needs one."""
        if not self.is_authenticated:
            return False
        is_verified = getattr(self, "is_verified", None)  # set by django_otp.middleware.OTPMiddleware
        return (not self.needs_second_factor) or bool(is_verified and is_verified())


class TeamMembership(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="memberships")
    since = models.DateField(_("sinds"), auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "team"], name="unique_team_membership")]

    def __str__(self):
        return f"{self.user} in {self.team}"
