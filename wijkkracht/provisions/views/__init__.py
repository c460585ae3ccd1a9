"""Provision pages: thin views that call the selectors (reads through the kernel) and the services."""
