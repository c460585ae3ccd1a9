"""Reads of the collective provisions. Records about residents go through ``wijkkracht.access.reads`` with
the model's ``PersonalData`` spec (policy + one audit entry per resident per call); the provisions, sessions,
groups and cars themselves are structural and read directly, limited to the user's teams."""
