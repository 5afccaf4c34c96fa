"""The newsroom's own pages in the admin: about, team, contact, policies, in both languages."""

from django import forms
from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from articles.forms import LIVE_UPDATE_EXTENSIONS, RichTextField
from articles.models import Page


class PageForm(forms.ModelForm):
    # Text tools only: a page is prose, links and lists (no library figures, embeds or tables).
    body = RichTextField(label=_("text"), config={"extensions": LIVE_UPDATE_EXTENSIONS})
    body_es = RichTextField(label=_("Spanish text"), required=False, config={"extensions": LIVE_UPDATE_EXTENSIONS})

    class Meta:
        model = Page
        fields = [
            "kind",
            "title",
            "slug",
            "summary",
            "body",
            "title_es",
            "summary_es",
            "body_es",
            "published",
            "in_footer",
            "position",
        ]

    def clean(self):
        cleaned_data = super().clean()
        if bool(cleaned_data.get("title_es")) != bool(cleaned_data.get("body_es")):
            self.add_error(
                "title_es" if not cleaned_data.get("title_es") else "body_es",
                forms.ValidationError(
                    _("Write both the Spanish title and the Spanish text, or neither."), code="half_translated"
                ),
            )
        return cleaned_data


@admin.register(Page)
class PageAdmin(admin.ModelAdmin):
    form = PageForm
    list_display = ["title", "kind", "address", "in_spanish", "published", "in_footer", "position", "updated_at"]
    list_editable = ["position"]
    list_filter = ["published", "kind", "in_footer"]
    search_fields = ["title", "title_es", "slug", "body", "body_es"]
    prepopulated_fields = {"slug": ["title"]}
    fieldsets = [
        (None, {"fields": ["kind", "published", "in_footer", "position"]}),
        (_("English"), {"fields": ["title", "slug", "summary", "body"]}),
        (_("Spanish"), {"fields": ["title_es", "summary_es", "body_es"]}),
    ]

    @admin.display(description=_("address"))
    def address(self, page):
        url = page.get_absolute_url()
        return format_html('<a href="{}">{}</a>', url, url) if page.published else url

    @admin.display(description=_("in Spanish"), boolean=True)
    def in_spanish(self, page):
        return bool(page.title_es and page.body_es)
