"""Sample objects for the URL x role matrix: the workspace URLs' arguments.

``world`` has ``city`` (the conftest city), ``users`` (one per role, in the north team) and ``resident``
(resident_north, shared with the specialist organisation for every category). Return a dict of
sample name -> URL argument value, matching the ``sample`` names in access/url_policy_workspace.py.
"""


def samples(world) -> dict:
    return {}
