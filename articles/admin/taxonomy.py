"""Sections, countries and tags in the admin, each tag with its language and its counterpart."""

from django.contrib import admin
from django.db.models import Count, OuterRef, Subquery
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from articles.forms import (
    TagAdminForm,
)
from articles.models import (
    Country,
    Language,
    Section,
    TagLanguage,
)


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ["name", "name_es", "slug", "order"]
    list_editable = ["order"]
    search_fields = ["name", "name_es", "slug"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Country)
class CountryAdmin(admin.ModelAdmin):
    list_display = ["name", "name_es", "iso_code", "region"]
    list_filter = ["region"]
    search_fields = ["name", "name_es", "iso_code"]
    prepopulated_fields = {"slug": ["name"]}


# Taggit's own Tag admin lists and merges its generic TaggedItem rows, which articles do not use
# (they are tagged through TaggedArticle), so it is replaced by one that counts articles.
if admin.site.is_registered(Tag):
    admin.site.unregister(Tag)


class TagLanguageFilter(admin.SimpleListFilter):
    title = _("language")
    parameter_name = "language"

    def lookups(self, request, model_admin):
        return Language.choices

    def queryset(self, request, queryset):
        if self.value() in Language.values:
            return queryset.filter(language_info__language=self.value())
        return queryset


class TagPairFilter(admin.SimpleListFilter):
    title = _("counterpart")
    parameter_name = "paired"

    def lookups(self, request, model_admin):
        return [("yes", _("Paired")), ("no", _("No counterpart yet"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(counterpart_name__isnull=False)
        if self.value() == "no":
            return queryset.filter(counterpart_name__isnull=True)
        return queryset


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    """Tags with their language and their counterpart in the other language (TagLanguage)."""

    form = TagAdminForm
    list_display = ["name", "slug", "tag_language", "counterpart", "article_count"]
    list_filter = [TagLanguageFilter, TagPairFilter]
    search_fields = ["name"]
    ordering = ["name"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        counterparts = TagLanguage.objects.filter(translation_key=OuterRef("language_info__translation_key")).exclude(
            tag=OuterRef("pk")
        )
        return (
            super()
            .get_queryset(request)
            .select_related("language_info")
            .annotate(
                article_count=Count("articles_taggedarticle_items"),
                counterpart_name=Subquery(counterparts.values("tag__name")[:1]),
            )
        )

    @admin.display(description=_("articles"), ordering="article_count")
    def article_count(self, tag):
        return tag.article_count

    @admin.display(description=_("language"), ordering="language_info__language")
    def tag_language(self, tag):
        info = getattr(tag, "language_info", None)
        return info.get_language_display() if info else "–"

    @admin.display(description=_("counterpart"), ordering="counterpart_name")
    def counterpart(self, tag):
        return tag.counterpart_name or "–"

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        form.user = request.user
        return form

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        form.save_language()
