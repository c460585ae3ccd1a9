"""Logging in with a password and a second factor (TOTP)."""

import base64
import io

import qrcode
import qrcode.image.svg
from django.contrib.auth import authenticate, login, update_session_auth_hash
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from wijkkracht.core.middleware import session_mark_login

from .models import User


def user_authenticate(*, request, username: str, password: str) -> User | None:
    """Password check through django-axes, which counts failures and refuses locked accounts."""
    return authenticate(request=request, username=username, password=password)


def user_login(*, request, user: User, device: TOTPDevice | None = None) -> None:
    """Log the user in (with the second factor they passed, if any) and start the session's clocks.

    The login time starts the session's absolute lifetime (SESSION_ABSOLUTE_TIMEOUT), its activity the idle one.
    """
    login(request, user)
    if device is not None:
        otp_login(request, device)
    session_mark_login(request)


def user_password_change(*, request, user: User, password: str) -> None:
    """The user's own new password (checked by the form); the session stays logged in, the forced change is done."""
    user.set_password(password)
    user.must_change_password = False
    user.save(update_fields=["password", "must_change_password"])
    update_session_auth_hash(request, user)


def totp_device_for(*, user: User) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def totp_device_start_setup(*, user: User) -> TOTPDevice:
    """The unconfirmed device a user is enrolling; made once, reused until confirmed."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)


def totp_device_confirm(*, device: TOTPDevice, token: str) -> bool:
    if not device.verify_token(token):
        return False
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return True


def totp_devices_reset(*, user: User) -> int:
    """Remove a user's second factor, so they enrol again at their next login."""
    deleted, _ = TOTPDevice.objects.filter(user=user).delete()
    return deleted


def totp_secret_base32(device: TOTPDevice) -> str:
    return base64.b32encode(device.bin_key).decode().rstrip("=")


def totp_qr_data_uri(device: TOTPDevice) -> str:
    """The provisioning URI as an SVG QR code in a data: URI (allowed by our img-src; no script)."""
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    buffer = io.BytesIO()
    image.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode()
