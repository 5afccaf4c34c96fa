"""What the reader-revenue admins share: reader text made safe for spreadsheets, totals under a list,
read-only lists."""

from django.contrib import admin
from django.utils.text import Truncator

# Spreadsheet programs run a cell that starts with one of these as a formula; reader text never should.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def excerpt(text, length=80):
    return Truncator(text).chars(length)


def spreadsheet_safe(value):
    """A CSV cell that a spreadsheet shows as text: a leading apostrophe before what looks like a formula."""
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def with_totals(changelist_view, **tables):
    """The response of an admin changelist view with `tables` ({name: queryset method}) computed on the
    rows that its filters and search select, for the totals under the list."""
    response = changelist_view()
    context = getattr(response, "context_data", None)
    if context and "cl" in context:
        rows = context["cl"].queryset
        context.update({name: list(getattr(rows, method)()) for name, method in tables.items()})
    return response


class ReadOnlyAdmin(admin.ModelAdmin):
    """Records that machines write: staff look, nobody edits."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
