"""Republications of our stories in the admin, as the republishing pixel records them."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from donations.admin.exports import ReadOnlyAdmin
from donations.models import Republication


@admin.register(Republication)
class RepublicationAdmin(ReadOnlyAdmin):
    list_display = ["article", "shown_domain", "views", "first_seen_at", "last_seen_at"]
    list_select_related = ["article"]
    list_filter = ["last_seen_at", "first_seen_at"]
    search_fields = ["domain", "article__title"]
    date_hierarchy = "last_seen_at"

    @admin.display(description=_("domain"), ordering="domain")
    def shown_domain(self, republication):
        return republication.domain or _("(no referrer)")
