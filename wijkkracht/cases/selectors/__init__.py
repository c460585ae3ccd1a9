"""Reads of case data, through wijkkracht.access.reads (policy + audit log): requests.py, plans.py, resident.py."""
