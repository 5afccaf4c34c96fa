from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("Articles")

    def ready(self):
        from taggit.models import Tag

        from articles import models
        from newsroom import pagecache

        # Everything a reader page shows: saving or deleting any of it replaces every cached page.
        pagecache.watch(
            models.Section,
            models.Country,
            models.Image,
            models.Author,
            models.Article,
            models.ArticleAuthor,
            models.TaggedArticle,
            Tag,
            models.TagLanguage,
            models.ArticleLink,
            models.Correction,
            models.Article.countries.through,
            models.Series,
            models.SeriesPart,
            models.LiveUpdate,
        )
