"""Writes for case work, one module per part: requests.py (intake, contacts, informal-first, closing),
plans.py (the household plan), assessments.py (the ZRM)."""
