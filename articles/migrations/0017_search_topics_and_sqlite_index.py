"""Search finds tags, countries and authors too, and searches on SQLite as on PostgreSQL.

PostgreSQL: the search vector (migrations 0002 and 0008) also holds the article's tag names and the names of its
countries (in English and Spanish) at weight B, next to the dek, and its authors' names at weight D. Triggers
keep it current when tags, countries or bylines are added or removed (one statement-level trigger per table,
so a bulk insert recomputes each article once) and when a tag, country or author is renamed. Every vector is
computed again here: a few minutes at 100,000 articles.

SQLite: an FTS5 table, `articles_search`, holds the same words stemmed in the article's language and without
accents (articles/fulltext.py, called from SQL as `newsroom_search_words`), kept current by triggers on the
same events.

Also an index on the countries of articles by country then article, from which related content reads the
newest articles of a country without sorting all of them.
"""

from django.db import migrations

# The article's words in the language's configuration: headline A; tags, countries and dek B; text C; authors D.
POSTGRES_FUNCTION = """
CREATE OR REPLACE FUNCTION articles_article_search_vector() RETURNS trigger AS $$
DECLARE
    config regconfig := CASE NEW.language WHEN 'es' THEN 'newsroom_spanish' ELSE 'newsroom_english' END;
    topics text := concat_ws(' ',
        (SELECT string_agg(tag.name, ' ') FROM articles_taggedarticle tagged
            JOIN taggit_tag tag ON tag.id = tagged.tag_id WHERE tagged.content_object_id = NEW.id),
        (SELECT string_agg(concat_ws(' ', country.name, country.name_es), ' ') FROM articles_article_countries covered
            JOIN articles_country country ON country.id = covered.country_id WHERE covered.article_id = NEW.id));
    authors text := (SELECT string_agg(author.name, ' ') FROM articles_articleauthor byline
            JOIN articles_author author ON author.id = byline.author_id WHERE byline.article_id = NEW.id);
BEGIN
    NEW.search_vector :=
        setweight(to_tsvector(config, coalesce(NEW.title, '')), 'A') ||
        setweight(to_tsvector(config, coalesce(topics, '')), 'B') ||
        setweight(to_tsvector(config, coalesce(NEW.dek, '')), 'B') ||
        setweight(to_tsvector(config, regexp_replace(
            coalesce(NEW.body, '') || ' ' || coalesce(NEW.analysis, ''), '<[^>]*>', ' ', 'g')), 'C') ||
        setweight(to_tsvector(config, coalesce(authors, '')), 'D');
    RETURN NEW;
END
$$ LANGUAGE plpgsql;

DROP TRIGGER IF EXISTS articles_article_search_vector_update ON articles_article;
-- Setting search_vector to NULL asks for it to be computed again (the triggers below do).
CREATE TRIGGER articles_article_search_vector_update
    BEFORE INSERT OR UPDATE OF title, dek, body, analysis, language, search_vector ON articles_article
    FOR EACH ROW EXECUTE FUNCTION articles_article_search_vector();

CREATE OR REPLACE FUNCTION articles_search_refresh_tagged() RETURNS trigger AS $$
BEGIN
    UPDATE articles_article SET search_vector = NULL WHERE id IN (SELECT content_object_id FROM changed);
    RETURN NULL;
END
$$ LANGUAGE plpgsql;
CREATE OR REPLACE FUNCTION articles_search_refresh_related() RETURNS trigger AS $$
BEGIN
    UPDATE articles_article SET search_vector = NULL WHERE id IN (SELECT article_id FROM changed);
    RETURN NULL;
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER articles_search_tagged_added AFTER INSERT ON articles_taggedarticle
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION articles_search_refresh_tagged();
CREATE TRIGGER articles_search_tagged_removed AFTER DELETE ON articles_taggedarticle
    REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION articles_search_refresh_tagged();
CREATE TRIGGER articles_search_countries_added AFTER INSERT ON articles_article_countries
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION articles_search_refresh_related();
CREATE TRIGGER articles_search_countries_removed AFTER DELETE ON articles_article_countries
    REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION articles_search_refresh_related();
CREATE TRIGGER articles_search_bylines_added AFTER INSERT ON articles_articleauthor
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION articles_search_refresh_related();
CREATE TRIGGER articles_search_bylines_removed AFTER DELETE ON articles_articleauthor
    REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION articles_search_refresh_related();

CREATE OR REPLACE FUNCTION articles_search_refresh_renamed() RETURNS trigger AS $$
BEGIN
    IF TG_TABLE_NAME = 'taggit_tag' THEN
        UPDATE articles_article SET search_vector = NULL
            WHERE id IN (SELECT content_object_id FROM articles_taggedarticle WHERE tag_id = NEW.id);
    ELSIF TG_TABLE_NAME = 'articles_country' THEN
        UPDATE articles_article SET search_vector = NULL
            WHERE id IN (SELECT article_id FROM articles_article_countries WHERE country_id = NEW.id);
    ELSE
        UPDATE articles_article SET search_vector = NULL
            WHERE id IN (SELECT article_id FROM articles_articleauthor WHERE author_id = NEW.id);
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER articles_search_tag_renamed AFTER UPDATE OF name ON taggit_tag
    FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION articles_search_refresh_renamed();
CREATE TRIGGER articles_search_country_renamed AFTER UPDATE OF name, name_es ON articles_country
    FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.name_es IS DISTINCT FROM NEW.name_es)
    EXECUTE FUNCTION articles_search_refresh_renamed();
CREATE TRIGGER articles_search_author_renamed AFTER UPDATE OF name ON articles_author
    FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION articles_search_refresh_renamed();

UPDATE articles_article SET search_vector = NULL;
"""

POSTGRES_REVERSE = """
DROP TRIGGER IF EXISTS articles_search_tag_renamed ON taggit_tag;
DROP TRIGGER IF EXISTS articles_search_country_renamed ON articles_country;
DROP TRIGGER IF EXISTS articles_search_author_renamed ON articles_author;
DROP TRIGGER IF EXISTS articles_search_tagged_added ON articles_taggedarticle;
DROP TRIGGER IF EXISTS articles_search_tagged_removed ON articles_taggedarticle;
DROP TRIGGER IF EXISTS articles_search_countries_added ON articles_article_countries;
DROP TRIGGER IF EXISTS articles_search_countries_removed ON articles_article_countries;
DROP TRIGGER IF EXISTS articles_search_bylines_added ON articles_articleauthor;
DROP TRIGGER IF EXISTS articles_search_bylines_removed ON articles_articleauthor;
DROP FUNCTION IF EXISTS articles_search_refresh_renamed();
DROP FUNCTION IF EXISTS articles_search_refresh_tagged();
DROP FUNCTION IF EXISTS articles_search_refresh_related();
DROP TRIGGER IF EXISTS articles_article_search_vector_update ON articles_article;
CREATE OR REPLACE FUNCTION articles_article_search_vector() RETURNS trigger AS $$
DECLARE
    config regconfig := CASE NEW.language WHEN 'es' THEN 'newsroom_spanish' ELSE 'newsroom_english' END;
BEGIN
    NEW.search_vector :=
        setweight(to_tsvector(config, coalesce(NEW.title, '')), 'A') ||
        setweight(to_tsvector(config, coalesce(NEW.dek, '')), 'B') ||
        setweight(to_tsvector(config, regexp_replace(
            coalesce(NEW.body, '') || ' ' || coalesce(NEW.analysis, ''), '<[^>]*>', ' ', 'g')), 'C');
    RETURN NEW;
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER articles_article_search_vector_update
    BEFORE INSERT OR UPDATE OF title, dek, body, analysis, language ON articles_article
    FOR EACH ROW EXECUTE FUNCTION articles_article_search_vector();
UPDATE articles_article SET title = title;
"""

COUNTRY_INDEX = (
    "CREATE INDEX article_countries_country_idx ON articles_article_countries (country_id, article_id)",
    "DROP INDEX article_countries_country_idx",
)

# SQLite: the articles whose row of articles_search is written again, as the SQL of a set of ids.
SQLITE_ROW = """
SELECT article.id,
    newsroom_search_words(article.language, article.title),
    newsroom_search_words(article.language,
        (SELECT group_concat(tag.name, ' ') FROM articles_taggedarticle tagged
            JOIN taggit_tag tag ON tag.id = tagged.tag_id WHERE tagged.content_object_id = article.id),
        (SELECT group_concat(country.name || ' ' || country.name_es, ' ') FROM articles_article_countries covered
            JOIN articles_country country ON country.id = covered.country_id WHERE covered.article_id = article.id)),
    newsroom_search_words(article.language, article.dek),
    newsroom_search_words(article.language, article.body, article.analysis),
    newsroom_search_words(article.language,
        (SELECT group_concat(author.name, ' ') FROM articles_articleauthor byline
            JOIN articles_author author ON author.id = byline.author_id WHERE byline.article_id = article.id))
FROM articles_article article WHERE article.id IN ({ids})
"""


def _sqlite_refresh(ids):
    return (
        f"DELETE FROM articles_search WHERE rowid IN ({ids}); "
        f"INSERT INTO articles_search (rowid, title, topics, dek, text, authors) {SQLITE_ROW.format(ids=ids)};"
    )


# (trigger name, event, ids of the articles to write again)
SQLITE_TRIGGERS = [
    ("articles_search_article_added", "AFTER INSERT ON articles_article", "NEW.id"),
    (
        "articles_search_article_changed",
        "AFTER UPDATE OF title, dek, body, analysis, language ON articles_article",
        "NEW.id",
    ),
    ("articles_search_tagged_added", "AFTER INSERT ON articles_taggedarticle", "NEW.content_object_id"),
    ("articles_search_tagged_removed", "AFTER DELETE ON articles_taggedarticle", "OLD.content_object_id"),
    ("articles_search_countries_added", "AFTER INSERT ON articles_article_countries", "NEW.article_id"),
    ("articles_search_countries_removed", "AFTER DELETE ON articles_article_countries", "OLD.article_id"),
    ("articles_search_bylines_added", "AFTER INSERT ON articles_articleauthor", "NEW.article_id"),
    ("articles_search_bylines_removed", "AFTER DELETE ON articles_articleauthor", "OLD.article_id"),
    (
        "articles_search_tag_renamed",
        "AFTER UPDATE OF name ON taggit_tag",
        "SELECT content_object_id FROM articles_taggedarticle WHERE tag_id = NEW.id",
    ),
    (
        "articles_search_country_renamed",
        "AFTER UPDATE OF name, name_es ON articles_country",
        "SELECT article_id FROM articles_article_countries WHERE country_id = NEW.id",
    ),
    (
        "articles_search_author_renamed",
        "AFTER UPDATE OF name ON articles_author",
        "SELECT article_id FROM articles_articleauthor WHERE author_id = NEW.id",
    ),
]


def forwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(COUNTRY_INDEX[0])
        schema_editor.execute(POSTGRES_FUNCTION)
    elif vendor == "sqlite":
        schema_editor.execute(
            "CREATE VIRTUAL TABLE articles_search USING fts5("
            "title, topics, dek, text, authors, tokenize = 'unicode61 remove_diacritics 2')"
        )
        for name, event, ids in SQLITE_TRIGGERS:
            schema_editor.execute(f"CREATE TRIGGER {name} {event} BEGIN {_sqlite_refresh(ids)} END")
        schema_editor.execute(
            "CREATE TRIGGER articles_search_article_removed AFTER DELETE ON articles_article "
            "BEGIN DELETE FROM articles_search WHERE rowid = OLD.id; END"
        )
        schema_editor.execute(
            "INSERT INTO articles_search (rowid, title, topics, dek, text, authors) "
            + SQLITE_ROW.format(ids="SELECT id FROM articles_article")
        )


def backwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(POSTGRES_REVERSE)
        schema_editor.execute(COUNTRY_INDEX[1])
    elif vendor == "sqlite":
        for name, _event, _ids in [*SQLITE_TRIGGERS, ("articles_search_article_removed", "", "")]:
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {name}")
        schema_editor.execute("DROP TABLE IF EXISTS articles_search")


class Migration(migrations.Migration):
    dependencies = [("articles", "0016_series_and_live_updates")]
    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
