"""The short reference of a record with a ``public_id``: its first eight characters, upper case."""


class ShortReference:
    """Mixed into a model with a ``public_id`` (UUID): ``record.reference``, e.g. ``3F2A9C1B``.

    Short and non-identifying: for the audit log, page titles and colleagues on the phone."""

    @property
    def reference(self) -> str:
        return str(self.public_id)[:8].upper()
