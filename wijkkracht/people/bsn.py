"""The BSN (burgerservicenummer): checked with the 11-test, stored encrypted, found by a keyed hash, shown masked.

Encryption uses Fernet (AES-128-CBC + HMAC) from ``cryptography`` with a MultiFernet over
``BSN_ENCRYPTION_KEYS``: the first key encrypts, every key decrypts, so keys can be rotated without
downtime (``manage.py bsn_rotate``). The lookup hash is an HMAC-SHA256 under ``BSN_HASH_KEY``, so the
10^9 possible BSNs cannot be hashed by someone who has only the database.
"""

import hashlib
import hmac

from cryptography.fernet import Fernet, MultiFernet
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from stdnum.nl import bsn as stdnum_bsn


def bsn_clean(value: str) -> str:
    """The BSN as nine digits, or a ValidationError with a Dutch message."""
    digits = "".join(ch for ch in str(value or "") if ch.isdigit())
    if not digits:
        raise ValidationError(_("Vul een BSN in."), code="required")
    if not str(value).replace(" ", "").replace(".", "").replace("-", "").isdigit():
        raise ValidationError(_("Een BSN bestaat alleen uit cijfers."), code="invalid")
    digits = digits.zfill(9)
    if len(digits) != 9:
        raise ValidationError(_("Een BSN heeft 9 cijfers."), code="invalid")
    if not stdnum_bsn.is_valid(digits):
        raise ValidationError(_("Dit BSN klopt niet: het voldoet niet aan de elfproef."), code="checksum")
    return digits


def _fernet() -> MultiFernet:
    return MultiFernet([Fernet(key.encode() if isinstance(key, str) else key) for key in settings.BSN_ENCRYPTION_KEYS])


def bsn_encrypt(digits: str) -> str:
    return _fernet().encrypt(digits.encode()).decode()


def bsn_decrypt(token: str) -> str:
    return _fernet().decrypt(token.encode()).decode()


def bsn_reencrypt(token: str) -> str:
    """The same BSN encrypted under the current (first) key."""
    return _fernet().rotate(token.encode()).decode()


def bsn_hash(digits: str, *, key: str | None = None) -> str:
    key = key if key is not None else settings.BSN_HASH_KEY
    return hmac.new(key.encode(), digits.encode(), hashlib.sha256).hexdigest()


def bsn_mask(last_digits: str) -> str:
    """Only the last three digits, as colleagues are used to: ******123."""
    return f"******{last_digits}" if last_digits else ""
