"""Full-text search: the reader's query cleaned, matches ranked on the index, then only a page's rows read."""

import re

from django.contrib.postgres.search import SearchHeadline, SearchQuery
from django.db import connections, models
from django.db.models import F, Func, Value
from django.db.models.functions import Concat
from django.utils.functional import cached_property

from articles import fulltext

# The longest reader query searched: room for any real question, none for a denial of service.
SEARCH_MAX_LENGTH = 200


# How many of the newest matches a search ranks by relevance (ArticleQuerySet.search).
SEARCH_RANKED = 1000


# Put around each match of a search snippet: characters no article holds, so that the passage can be
# escaped as plain text first and its matches marked up after (articles/search.py).
SEARCH_MATCH_START = "\ue000"


SEARCH_MATCH_STOP = "\ue001"


# The text search configuration of each language, as the search vector trigger uses them: stemming
# that ignores accents (migrations 0002 and 0008).
SEARCH_CONFIGS = {"en": "newsroom_english", "es": "newsroom_spanish"}


EXCLUDING_MINUS = re.compile(r'-+(?=[\w"])')


LONE_MINUS = re.compile(r'-(?![\w"])')


def clean_search_query(query):
    """A reader's query as it may reach the database: no NUL characters or lone surrogates, trimmed,
    at most SEARCH_MAX_LENGTH characters, and a minus only where it excludes a word or a phrase."""
    query = str(query or "").replace("\x00", "").encode("utf-8", "replace").decode("utf-8")
    # PostgreSQL's web search syntax reads every other minus as one more NOT, and a few dozen of them
    # in a row overflow its parser ("tsquery stack too small"): a run before a word is one minus, and a
    # minus before anything else (space, bracket, another sign) means nothing and becomes a space.
    query = EXCLUDING_MINUS.sub("-", query)
    query = LONE_MINUS.sub(" ", query)
    return query.strip()[:SEARCH_MAX_LENGTH].strip()


class StripTags(Func):
    """An HTML column as text, its tags replaced with spaces as the search vector trigger does."""

    function = "REGEXP_REPLACE"
    output_field = models.TextField()

    def __init__(self, expression):
        super().__init__(expression, Value("<[^>]*>"), Value(" "), Value("g"))


class SearchResults:
    """The matches of a search, best first, read as a paginator reads a queryset: `count()` and slices.

    The ranked ids of at most SEARCH_RANKED matches come first, in one query on the search index; a slice
    then fetches only its own rows (with their snippets and bylines).
    """

    def __init__(self, articles, query, language):
        self.articles, self.query, self.language = articles, query, language
        self.vendor = connections[articles.db].vendor

    @cached_property
    def _ids(self):
        if not self.query:
            return []
        if self.vendor == "postgresql":
            return self._ranked_on_postgresql()
        return self._ranked_on_sqlite()

    @property
    def more(self):
        """True when more articles match than were ranked."""
        return len(self._ids) > SEARCH_RANKED

    def count(self):
        return min(len(self._ids), SEARCH_RANKED)

    def __len__(self):
        return self.count()

    def __bool__(self):
        return bool(self._ids)

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        ids = self._ids[:SEARCH_RANKED][index]
        rows = {article.pk: article for article in self._rows(ids)} if ids else {}
        return [rows[pk] for pk in ids if pk in rows]

    def _search_query(self):
        return SearchQuery(self.query, config=SEARCH_CONFIGS.get(self.language, "simple"), search_type="websearch")

    def _ranked_on_postgresql(self):
        # The newest matches from the GIN index (or the listing index, as the planner sees fit), narrow rows,
        # ranked once they are few: ts_rank reads each one's whole vector.
        newest = (
            self.articles.filter(search_vector=self._search_query())
            .order_by(F("publish_at").desc(nulls_last=True), "-pk")
            .values(ranked_id=F("pk"), ranked_at=F("publish_at"), ranked_vector=F("search_vector"))[: SEARCH_RANKED + 1]
        )
        sql, params = newest.query.sql_with_params()
        config = SEARCH_CONFIGS.get(self.language, "simple")
        with connections[self.articles.db].cursor() as cursor:
            # The one match past SEARCH_RANKED only says that there are more: it goes last, unranked.
            cursor.execute(
                "SELECT newest.ranked_id FROM (SELECT matches.*, ROW_NUMBER() OVER "
                "(ORDER BY matches.ranked_at DESC NULLS LAST, matches.ranked_id DESC) AS position "
                f"FROM ({sql}) matches) newest "  # noqa: S608 - the ORM's SQL, with parameters
                "ORDER BY newest.position > %s, "
                "ts_rank(newest.ranked_vector, websearch_to_tsquery(%s::regconfig, %s)) DESC, "
                "newest.ranked_at DESC NULLS LAST, newest.ranked_id DESC",
                [*params, SEARCH_RANKED, config, self.query],
            )
            return [row[0] for row in cursor.fetchall()]

    def _ranked_on_sqlite(self):
        expression = fulltext.match_expression(self.query, self.language)
        if not expression:
            return []
        allowed, params = self.articles.order_by().values("pk").query.sql_with_params()
        with connections[self.articles.db].cursor() as cursor:
            # bm25 weighs a match by where it is: headline, topics (tags and countries), dek, text, authors.
            cursor.execute(
                "SELECT newest.id FROM (SELECT matches.*, ROW_NUMBER() OVER "
                "(ORDER BY matches.publish_at DESC, matches.id DESC) AS position FROM ("
                "SELECT article.id, article.publish_at, bm25(articles_search, 10.0, 5.0, 3.0, 1.0, 1.0) AS score "
                "FROM articles_search INNER JOIN articles_article article ON article.id = articles_search.rowid "
                f"WHERE articles_search MATCH %s AND article.id IN ({allowed}) "  # noqa: S608 - the ORM's SQL
                "ORDER BY article.publish_at DESC, article.id DESC LIMIT %s) matches) newest "
                "ORDER BY newest.position > %s, newest.score, newest.publish_at DESC, newest.id DESC",
                [expression, *params, SEARCH_RANKED + 1, SEARCH_RANKED],
            )
            return [row[0] for row in cursor.fetchall()]

    def _rows(self, ids):
        rows = self.articles.model.objects.filter(pk__in=ids).for_listing()
        if self.vendor == "postgresql":
            config = SEARCH_CONFIGS.get(self.language, "simple")
            text = Concat(
                "dek",
                Value("\n"),
                StripTags("body"),
                Value("\n"),
                StripTags("analysis"),
                output_field=models.TextField(),
            )
            snippet = SearchHeadline(
                text,
                self._search_query(),
                config=config,
                start_sel=SEARCH_MATCH_START,
                stop_sel=SEARCH_MATCH_STOP,
                max_words=35,
                min_words=15,
                max_fragments=2,
                fragment_delimiter=" … ",
            )
            return list(rows.annotate(search_snippet=snippet))
        rows = list(rows.annotate(search_text=Concat("dek", Value(" "), "body", output_field=models.TextField())))
        for article in rows:
            article.search_snippet = fulltext.snippet(
                article.search_text, self.query, self.language, start=SEARCH_MATCH_START, stop=SEARCH_MATCH_STOP
            )
        return rows
