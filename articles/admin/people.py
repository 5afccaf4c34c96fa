"""Authors in the admin."""

from django.contrib import admin
from django.db import models
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from articles.models import (
    Author,
)


@admin.register(Author)
class AuthorAdmin(admin.ModelAdmin):
    list_display = ["name", "role", "user", "article_count"]
    list_select_related = ["user"]
    search_fields = ["name", "role"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["user", "photo"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fieldsets = [
        (None, {"fields": ["name", "slug", "role", "role_es"]}),
        (_("Author page"), {"fields": ["photo", "bio", "bio_es", "email", "website", "x_handle"]}),
        (_("Staff account"), {"fields": ["user"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(article_count=Count("bylines"))

    @admin.display(description=_("articles"), ordering="article_count")
    def article_count(self, author):
        return author.article_count
