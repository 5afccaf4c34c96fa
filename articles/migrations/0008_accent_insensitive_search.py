"""Search that ignores accents: "medellin" finds "Medellín", "extorsion" finds "extorsión".

Two text search configurations of our own, English and Spanish stemming after PostgreSQL's `unaccent`,
used by the search vector trigger (migration 0002) and by the search queries (SEARCH_CONFIGS in
articles/models.py). SQLite has no full-text search; nothing changes there.
"""

from django.db import migrations

CREATE_SQL = """
CREATE EXTENSION IF NOT EXISTS unaccent;

CREATE TEXT SEARCH CONFIGURATION newsroom_english (COPY = pg_catalog.english);
ALTER TEXT SEARCH CONFIGURATION newsroom_english
    ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;
CREATE TEXT SEARCH CONFIGURATION newsroom_spanish (COPY = pg_catalog.spanish);
ALTER TEXT SEARCH CONFIGURATION newsroom_spanish
    ALTER MAPPING FOR hword, hword_part, word WITH unaccent, spanish_stem;

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

UPDATE articles_article SET title = title;
"""

DROP_SQL = """
CREATE OR REPLACE FUNCTION articles_article_search_vector() RETURNS trigger AS $$
DECLARE
    config regconfig := CASE NEW.language WHEN 'es' THEN 'pg_catalog.spanish' ELSE 'pg_catalog.english' END;
BEGIN
    NEW.search_vector :=
        setweight(to_tsvector(config, coalesce(NEW.title, '')), 'A') ||
        setweight(to_tsvector(config, coalesce(NEW.dek, '')), 'B') ||
        setweight(to_tsvector(config, regexp_replace(
            coalesce(NEW.body, '') || ' ' || coalesce(NEW.analysis, ''), '<[^>]*>', ' ', 'g')), 'C');
    RETURN NEW;
END
$$ LANGUAGE plpgsql;

UPDATE articles_article SET title = title;
DROP TEXT SEARCH CONFIGURATION IF EXISTS newsroom_english;
DROP TEXT SEARCH CONFIGURATION IF EXISTS newsroom_spanish;
"""


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE_SQL)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP_SQL)


class Migration(migrations.Migration):
    dependencies = [("articles", "0007_image_spanish_text")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
