from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("Articles")

    def ready(self):
        from django.db.backends.signals import connection_created
        from taggit.models import Tag

        connection_created.connect(_register_sqlite_functions, dispatch_uid="articles-sqlite-functions")

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
            models.SiteIdentity,
            models.Page,
        )


def _register_sqlite_functions(sender, connection, **kwargs):
    """SQLite's search index is written by triggers (migration 0015) that stem words in Python."""
    if connection.vendor == "sqlite":
        from articles.fulltext import search_words

        connection.connection.create_function("newsroom_search_words", -1, search_words, deterministic=True)
