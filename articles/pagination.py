"""Pages of long listings that never count more than the reader can reach from the page they are on.

An exact count of a tag with tens of thousands of articles reads every one of them on every render. The
page links only need to know that a few pages lie ahead: CappedPaginator counts, in a LIMITed subquery, at
most the rows up to `ahead` pages past the page asked for (or up to `cap`), and says when there are more.
Every page number it shows exists; the last one shown is the last page only when `more` is False.
"""

from functools import cached_property

from django.core.paginator import Paginator


class CappedPaginator(Paginator):
    def __init__(self, object_list, per_page, *, number=1, ahead=4, cap=None, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.limit = cap if cap is not None else (max(number, 1) + ahead) * per_page

    @cached_property
    def counted(self):
        """How many rows there are, up to one more than `limit`."""
        rows = self.object_list
        if hasattr(rows, "values_list"):
            return rows.order_by().values_list("pk", flat=True)[: self.limit + 1].count()
        return len(rows[: self.limit + 1])

    @cached_property
    def count(self):
        return min(self.counted, self.limit)

    @property
    def more(self):
        """True when there are rows past the last page this paginator knows of."""
        return self.counted > self.limit


# No listing has more pages than this: a larger number is counted as this one (and is not found).
MAX_PAGE = 1_000_000


def requested_page(request, name="page"):
    """The page number asked for in the address, 1 when it is missing or no number."""
    try:
        return min(max(int(request.GET.get(name, 1)), 1), MAX_PAGE)
    except (TypeError, ValueError):
        return 1


class CappedPaginationMixin:
    """For a ListView: pages counted only as far as CappedPaginator does."""

    paginate_ahead = 4

    def get_paginator(self, queryset, per_page, orphans=0, allow_empty_first_page=True, **kwargs):
        return CappedPaginator(
            queryset,
            per_page,
            number=requested_page(self.request, self.page_kwarg),
            ahead=self.paginate_ahead,
            orphans=orphans,
            allow_empty_first_page=allow_empty_first_page,
            **kwargs,
        )
