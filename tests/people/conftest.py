import pytest


@pytest.fixture
def make_user(make_user):
    """As tests/conftest.py, but the user object has passed the second factor (as OTPMiddleware would mark it),
    so tests can call the selectors directly with it."""

    def _make(*args, **kwargs):
        user = make_user(*args, **kwargs)
        user.is_verified = lambda: True
        return user

    return _make
