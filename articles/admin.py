"""The desk's admin: articles with their bylines, tags, links and corrections, and what they point to."""

from django.conf import settings
from django.contrib import admin
from django.db import models
from django.db.models import Count, Prefetch
from django.utils.html import format_html
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from articles import services
from articles.forms import ArticleAdminForm, KnownChoicesInlineMixin, TagAdminForm
from articles.images import create_renditions
from articles.models import (
    Article,
    ArticleAuthor,
    ArticleLink,
    ArticleRedirect,
    Author,
    Correction,
    Country,
    Image,
    Section,
    TaggedArticle,
)

# Branding for the whole admin site, kept with the admin of the main content app.
admin.site.site_header = format_lazy(_("{newsroom} admin"), newsroom=settings.NEWSROOM_NAME)
admin.site.site_title = admin.site.site_header
admin.site.index_title = format_lazy(_("{newsroom} desk"), newsroom=settings.NEWSROOM_NAME)


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


@admin.register(Image)
class ImageAdmin(admin.ModelAdmin):
    list_display = ["thumbnail", "alt_text", "credit", "size", "uploaded_at"]
    list_display_links = ["thumbnail", "alt_text"]
    search_fields = ["alt_text", "caption", "credit"]
    fields = ["file", "preview", "alt_text", "caption", "credit", "size", "uploaded_at"]
    readonly_fields = ["preview", "size", "uploaded_at"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if "file" in form.changed_data:
            # The smaller copies that phones download, made once per upload rather than per page view.
            create_renditions(obj)

    @staticmethod
    def _img(image, width):
        if not image.file or not image.width:
            return ""
        height = round(width * image.height / image.width)
        # The smallest copy is plenty for a thumbnail, and a list of originals would weigh megabytes.
        if image.renditions:
            smallest = min(image.renditions.items(), key=lambda item: int(item[0]))[1]
            src = image.file.storage.url(smallest)
        else:
            src = image.file.url
        # The alt text is shown next to the picture, so the picture itself is decorative here.
        return format_html('<img src="{}" width="{}" height="{}" alt="" loading="lazy">', src, width, height)

    @admin.display(description=_("thumbnail"))
    def thumbnail(self, image):
        return self._img(image, 80)

    @admin.display(description=_("preview"))
    def preview(self, image):
        return self._img(image, 400)

    @admin.display(description=_("size"))
    def size(self, image):
        return f"{image.width}×{image.height}" if image.width else ""


@admin.register(ArticleRedirect)
class ArticleRedirectAdmin(admin.ModelAdmin):
    list_display = ["old_slug", "article", "created_at"]
    list_select_related = ["article"]
    search_fields = ["old_slug", "article__title", "article__slug"]
    autocomplete_fields = ["article"]


# Taggit's own Tag admin lists and merges its generic TaggedItem rows, which articles do not use
# (they are tagged through TaggedArticle), so it is replaced by one that counts articles.
if admin.site.is_registered(Tag):
    admin.site.unregister(Tag)


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    form = TagAdminForm
    list_display = ["name", "slug", "article_count"]
    search_fields = ["name"]
    ordering = ["name"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(article_count=Count("articles_taggedarticle_items"))

    @admin.display(description=_("articles"), ordering="article_count")
    def article_count(self, tag):
        return tag.article_count


# Each inline fetches the objects its rows name (row label and autocomplete value) with the rows,
# so a change form costs the same number of queries whatever the number of rows.


class BylineInline(KnownChoicesInlineMixin, admin.TabularInline):
    model = ArticleAuthor
    fields = ["author", "position"]
    autocomplete_fields = ["author"]
    extra = 1
    verbose_name = _("author")
    verbose_name_plural = _("byline (lower positions come first)")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("author", "article")


class TagInline(KnownChoicesInlineMixin, admin.TabularInline):
    model = TaggedArticle
    fields = ["tag"]
    autocomplete_fields = ["tag"]
    extra = 0
    verbose_name = _("tag")
    verbose_name_plural = _("tags")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("tag", "content_object")


class LinkInline(KnownChoicesInlineMixin, admin.TabularInline):
    model = ArticleLink
    fk_name = "from_article"
    fields = ["to_article", "kind", "position", "after_paragraph"]
    autocomplete_fields = ["to_article"]
    extra = 0
    verbose_name = _("link to another article")
    verbose_name_plural = _("SEE ALSO and related content")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("from_article", "to_article")


class CorrectionInline(admin.StackedInline):
    model = Correction
    fields = ["kind", "published_at", "text"]
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("article")


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    form = ArticleAdminForm
    list_display = ["title", "section", "language", "status_label", "publish_at", "byline", "primary_country"]
    list_select_related = ["section", "primary_country"]
    list_filter = [
        "status",
        "section",
        "language",
        # Only the countries that lead some article, not every country on file.
        ("primary_country", admin.RelatedOnlyFieldListFilter),
        "publish_at",
    ]
    search_fields = ["title", "dek", "slug", "authors__name"]
    date_hierarchy = "publish_at"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["section", "primary_country", "countries", "primary_tag", "lead_image"]
    readonly_fields = ["created_at", "updated_at"]
    fieldsets = [
        (_("Story"), {"fields": ["title", "slug", "dek", "body", "analysis"]}),
        (_("Publishing"), {"fields": ["section", "language", "status", "publish_at", ("created_at", "updated_at")]}),
        (
            _("Topics"),
            {
                "fields": ["primary_country", "countries", "primary_tag"],
                "description": _("Tags are listed under the story, with the byline."),
            },
        ),
        (_("Lead image"), {"fields": ["lead_image"]}),
        (_("Translation"), {"fields": ["translation"]}),
        (
            _("SEO and republishing"),
            {"fields": ["seo_title", "seo_description", "republishable"], "classes": ["collapse"]},
        ),
    ]
    inlines = [BylineInline, TagInline, LinkInline, CorrectionInline]

    def get_queryset(self, request):
        # The byline column names every author: one query for all rows rather than one per row.
        return (
            super()
            .get_queryset(request)
            .prefetch_related(Prefetch("bylines", queryset=ArticleAuthor.objects.select_related("author")))
        )

    @admin.display(description=_("status"), ordering="status")
    def status_label(self, article):
        # "Published" with a future time is what the desk calls scheduled.
        return _("Scheduled") if article.is_scheduled else article.get_status_display()

    @admin.display(description=_("byline"))
    def byline(self, article):
        return ", ".join(author.name for author in article.byline_authors)

    def save_model(self, request, obj, form, change):
        translation = form.cleaned_data.get("translation")
        if form.translation_changed:
            # Leave the old pair before saving: an article whose language changed would otherwise share
            # its translation key with a partner in the same language, which the database refuses.
            services.unpair_translation(article=obj)
        super().save_model(request, obj, form, change)
        if form.translation_changed and translation is not None:
            services.pair_translations(article=obj, translation=translation)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        article = form.instance
        if article.primary_country_id:
            # After the form has saved `countries`, which would otherwise replace it.
            article.countries.add(article.primary_country_id)
