"""A small rate limit per client address in Django's cache (no outside service): the public sign-up form."""

from django.core.cache import cache

WINDOW_SECONDS = 60 * 60
LIMIT = 5


def client_address(request) -> str:
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def rate_limited(request, *, scope: str, limit: int = LIMIT, window: int = WINDOW_SECONDS) -> bool:
    """Count one attempt from this address; True when it is over ``limit`` within ``window`` seconds."""
    key = f"wk-rate:{scope}:{client_address(request)}"
    if cache.add(key, 1, timeout=window):
        return False
    try:
        attempts = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window)
        return False
    return attempts > limit
