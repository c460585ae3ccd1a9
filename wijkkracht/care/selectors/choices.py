"""Choices for forms and serializers (views may not import the models)."""

from wijkkracht.care.ediz import ANSWERS, ITEMS
from wijkkracht.cases.models import Channel, Contact

CONTACT_KINDS = Contact.Kind.choices
CHANNEL_CHOICES = Channel.choices
EDIZ_ITEMS = ITEMS
EDIZ_ANSWERS = ANSWERS
