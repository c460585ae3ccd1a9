"""The API's one page shape, ``{count, page, pages, results}``, and its OpenAPI schema from the same class.

The selectors page themselves (``access.reads.read_page``: only the records on the page are logged), so a list
view hands the selector the page number and the selector's Django ``Page`` back to :meth:`PaginatedAPIView.page_response`.
The view declares ``responses=ItemSerializer(many=True)`` and drf-spectacular wraps it in
:meth:`PagePagination.get_paginated_response_schema`, the same shape the view returns.
"""

from rest_framework.pagination import BasePagination
from rest_framework.response import Response
from rest_framework.views import APIView

from .api_params import Integer

PAGE = Integer(
    "page", minimum=1, default=1, description="Paginanummer, vanaf 1. Voorbij de laatste pagina: de laatste."
)


class PagePagination(BasePagination):
    """Page numbers from 1; the page size is the selector's (25, contacts 20)."""

    page_query_param = PAGE.name

    def __init__(self):
        self.page = None

    def page_number(self, request) -> int:
        return PAGE.read(request)

    def paginate_page(self, page) -> list:
        """Take a Django ``Page`` from a selector; returns the records on it."""
        self.page = page
        return list(page.object_list)

    def get_paginated_response(self, data) -> Response:
        return Response(
            {
                "count": self.page.paginator.count,
                "page": self.page.number,
                "pages": self.page.paginator.num_pages,
                "results": data,
            }
        )

    def get_paginated_response_schema(self, schema: dict) -> dict:
        return {
            "type": "object",
            "required": ["count", "page", "pages", "results"],
            "properties": {
                "count": {"type": "integer", "description": "Aantal resultaten op alle pagina's samen.", "example": 42},
                "page": {"type": "integer", "description": "Deze pagina (vanaf 1).", "example": 1},
                "pages": {"type": "integer", "description": "Aantal pagina's (minstens 1).", "example": 2},
                "results": schema,
            },
        }

    def get_schema_operation_parameters(self, view) -> list[dict]:
        return [
            {
                "name": PAGE.name,
                "required": False,
                "in": "query",
                "description": PAGE.description,
                "schema": {**PAGE.schema(), "default": 1},
            }
        ]


class PaginatedAPIView(APIView):
    """An API view with a paginated GET: ``self.page_number()`` for the selector, ``self.page_response()`` back."""

    pagination_class = PagePagination

    def page_number(self) -> int:
        return self.pagination_class().page_number(self.request)

    def page_response(self, page, serializer_class, **serializer_kwargs) -> Response:
        paginator = self.pagination_class()
        objects = paginator.paginate_page(page)
        return paginator.get_paginated_response(serializer_class(objects, many=True, **serializer_kwargs).data)
