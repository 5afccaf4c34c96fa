"""Old addresses in the admin: articles' old slugs, and the addresses of the site the newsroom came from."""

from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from articles.models import (
    ArticleRedirect,
    LegacyAddress,
)


@admin.register(ArticleRedirect)
class ArticleRedirectAdmin(admin.ModelAdmin):
    list_display = ["old_slug", "article", "created_at"]
    list_select_related = ["article"]
    search_fields = ["old_slug", "article__title", "article__slug"]
    autocomplete_fields = ["article"]


class LeadsToFilter(admin.SimpleListFilter):
    title = _("leads to")
    parameter_name = "leads_to"
    TARGETS = ("article", "section", "tag", "author", "image")

    def lookups(self, request, model_admin):
        return [
            ("article", _("Article")),
            ("section", _("Section")),
            ("tag", _("Tag")),
            ("author", _("Author")),
            ("image", _("Image")),
        ]

    def queryset(self, request, queryset):
        if self.value() in self.TARGETS:
            return queryset.filter(**{f"{self.value()}__isnull": False})
        return queryset


@admin.register(LegacyAddress)
class LegacyAddressAdmin(admin.ModelAdmin):
    """What the WordPress import left (docs/import.md); the desk may add or correct one by hand."""

    list_display = ["path", "leads_to", "language", "created_at"]
    list_filter = [LeadsToFilter, "language"]
    list_select_related = ["article__section", "section", "tag", "author", "image"]
    search_fields = ["path", "article__title", "section__name", "tag__name", "author__name"]
    autocomplete_fields = ["article", "section", "tag", "author", "image"]
    list_per_page = 100

    @admin.display(description=_("leads to"))
    def leads_to(self, address):
        url = address.target_url()
        target = address.article or address.section or address.tag or address.author or address.image
        if url is None:
            return format_html("{} ({})", target, _("not published"))
        return format_html('<a href="{}">{}</a>', url, target)
