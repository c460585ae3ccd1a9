"""Sample objects for the URL x role matrix: the care URLs' arguments.

``world`` has ``city`` (the conftest city), ``users`` (one per role, in the north team) and ``resident``
(resident_north, shared with the specialist organisation for every category). Return a dict of
sample name -> URL argument value, matching the ``sample`` names in access/url_policy_care.py.
"""

from ..factories import CarerFactory, SignalFactory, WatchContactFactory


def samples(world) -> dict:
    worker = world.users["worker"]
    team = world.city["team_north"]
    signal = SignalFactory(team=team, resident=world.resident, received_by=worker)
    watch = WatchContactFactory(resident=world.resident, team=team, owner=worker)
    carer = CarerFactory(carer=world.resident, registered_by=worker)
    return {"signal": signal.public_id, "watch": watch.public_id, "carer": carer.public_id}
