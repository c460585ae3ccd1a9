"""Writes of the collective provisions, one module per provision. The caller has read the records through
``wijkkracht.provisions.selectors`` (policy + audit log); these functions validate and write, each in one
transaction, and raise ``ValidationError`` with Dutch messages per field."""
