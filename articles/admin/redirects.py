"""Old article addresses in the admin."""

from django.contrib import admin

from articles.models import (
    ArticleRedirect,
)


@admin.register(ArticleRedirect)
class ArticleRedirectAdmin(admin.ModelAdmin):
    list_display = ["old_slug", "article", "created_at"]
    list_select_related = ["article"]
    search_fields = ["old_slug", "article__title", "article__slug"]
    autocomplete_fields = ["article"]
