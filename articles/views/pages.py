"""The newsroom's own pages (about, team, contact, policies…): /<slug>/, and /es/<slug>/ in Spanish."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language
from django.views.generic import DetailView

from articles.models import Page


class PageDetailView(DetailView):
    """A page in the active language; a 404 where it is not published or not written in that language."""

    template_name = "articles/page_detail.html"
    context_object_name = "page"

    def get_queryset(self):
        return Page.objects.published(get_language())

    def get_context_data(self, **kwargs):
        page = self.object
        # The language switch and hreflang: the page in each language it is written in, else (in the
        # switch) that language's home page.
        language_urls = {}
        for code, _name in settings.LANGUAGES:
            if code == "es" and not (page.title_es and page.body_es):
                continue
            with translation.override(code):
                language_urls[code] = reverse("pages:page-detail", kwargs={"slug": page.slug})
        return super().get_context_data(
            language_urls=language_urls,
            is_contact=page.kind == Page.Kind.CONTACT,
            **kwargs,
        )
