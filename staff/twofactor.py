"""
Two-factor sign-in for staff (docs/sign-in.md): after the password, a
six-digit code from an authenticator app (TOTP, with django-otp).

Anyone on the staff may turn it on; settings.NEWSROOM_REQUIRE_2FA_FOR names
the roles that must, superusers included once any role must. Whoever has it
gives a code at every sign-in before any staff page opens.
"""

from base64 import b32encode

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models import Exists, OuterRef
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice, default_key

VERIFY, ENROL = "verify", "enrol"


def next_step(user):
    """Return VERIFY or ENROL when user must give a code before staff pages open, else None."""
    if user.is_verified():
        return None
    roles = settings.NEWSROOM_REQUIRE_2FA_FOR
    # One query: it runs on each staff page until the code is given.
    found = (
        get_user_model()
        .objects.filter(pk=user.pk)
        .annotate(
            enrolled=Exists(
                TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True)
            ),
            in_role=Exists(Group.objects.filter(user=OuterRef("pk"), name__in=roles)),
        )
        .values("enrolled", "in_role")
        .get()
    )
    if found["enrolled"]:
        return VERIFY
    if roles and (user.is_superuser or found["in_role"]):
        return ENROL
    return None


def device_of(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def new_key():
    """Return a new random secret, as hex, for a device not saved until its first code."""
    return default_key()


def enrol(user, key, code):
    """Return user's new device if code comes from key (hex), else None; its first code is spent."""
    device = TOTPDevice(user=user, name="Authenticator app", key=key, confirmed=True)
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits)
    if not (code.isascii() and code.isdigit()) or not totp.verify(
        int(code), device.tolerance
    ):
        return None
    device.last_t = totp.t()
    device.save()
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    return device


def manual_key(key):
    """Return key (hex) as an authenticator app asks for it typed: base32 in groups of four."""
    letters = b32encode(bytes.fromhex(key)).decode().rstrip("=")
    return " ".join(letters[i : i + 4] for i in range(0, len(letters), 4))


def qr_code_svg(user, key):
    """Return an SVG QR code of key's otpauth:// address, for an authenticator app to scan."""
    address = TOTPDevice(user=user, key=key).config_url
    image = qrcode.make(address, image_factory=qrcode.image.svg.SvgPathImage)
    return image.to_string(encoding="unicode")
