"""Case work pages: requests and contacts (urls_requests.py), the ZRM and the plan (urls_plans.py)."""

from .urls_plans import urlpatterns as plan_patterns
from .urls_requests import urlpatterns as request_patterns

app_name = "cases"
urlpatterns = [*request_patterns, *plan_patterns]
