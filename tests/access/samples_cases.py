"""Sample objects for the URL x role matrix: the cases URLs' arguments.

``world`` has ``city`` (the conftest city), ``users`` (one per role, in the north team) and ``resident``
(resident_north, shared with the specialist organisation for every category). Return a dict of
sample name -> URL argument value, matching the ``sample`` names in access/url_policy_cases.py.
"""

from ..factories import ContactFactory, HelpRequestFactory


def samples(world) -> dict:
    help_request = HelpRequestFactory(
        resident=world.resident, team=world.city["team_north"], taken_by=world.users["worker"]
    )
    ContactFactory(help_request=help_request)
    return {"help_request": help_request.public_id}
