"""The provisions' choices (kinds, topics, outcomes, statuses) for forms, views and the API: re-exported
here because the models themselves are read only through the selectors."""

from wijkkracht.provisions.models import (
    CollectiveProvision,
    DeskQuestion,
    DeskSession,
    LanguageTrack,
    Referral,
    RideBooking,
    WellbeingPrescription,
)

ProvisionKind = CollectiveProvision.Kind
Topic = DeskQuestion.Topic
Outcome = DeskQuestion.Outcome
Channel = DeskQuestion.Channel
SessionMode = DeskSession.Mode
LanguageSource = LanguageTrack.Source
LanguageStage = LanguageTrack.Stage
LanguagePlacement = LanguageTrack.Placement
LanguageNeed = LanguageTrack.Need
ReferralStatus = Referral.Status
RidePurpose = RideBooking.Purpose
RideStatus = RideBooking.Status
PrescriptionReason = WellbeingPrescription.Reason
PrescriptionStatus = WellbeingPrescription.Status
PrescriptionOutcome = WellbeingPrescription.Outcome
