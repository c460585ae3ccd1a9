"""API endpoints of case work, included under /api/v1 (namespace api)."""

from .api_urls_plans import urlpatterns as plan_patterns
from .api_urls_requests import urlpatterns as request_patterns

urlpatterns = [*request_patterns, *plan_patterns]
