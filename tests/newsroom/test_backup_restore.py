"""The backup-and-restore drill (docs/deploy.md), through the real deploy/backup and deploy/restore.

The test database gets the demo newsroom and a row of everything readers and staff add; deploy/backup
saves it and its media; deploy/restore puts them into a second, new database and an empty media folder.
Then every table must hold the same rows in both databases, the schemas and sequences must match, and
every uploaded file must come back byte for byte. PostgreSQL only: the scripts are pg_dump and pg_restore.
"""

import contextlib
import hashlib
import os
import secrets
import subprocess
import sys
from datetime import timedelta
from io import StringIO
from pathlib import Path
from urllib.parse import quote

import pytest
from axes.models import AccessAttempt, AccessAttemptExpiration, AccessFailureLog, AccessLog
from django.contrib.admin.models import ADDITION, LogEntry
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.backends.db import SessionStore
from django.core.management import call_command
from django.db import connection
from django.utils import timezone
from taggit.models import Tag, TaggedItem

from articles.models import Article, ArticleRedirect, Author, Image, LegacyAddress, PreviewLink
from donations.giving.models import AnnualReceipt
from donations.models import Comment, Donation, HelpfulVote, PaymentEvent, Republication
from tests.factories import make_user

CHECKOUT = Path(__file__).resolve().parents[2]
SCRIPT_TIMEOUT = 180

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="the backup scripts are for PostgreSQL (pg_dump, pg_restore); CI runs this on PostgreSQL",
    ),
    pytest.mark.django_db(transaction=True),
]


def content_version(database):
    with database.cursor() as cursor:
        cursor.execute("SELECT number FROM articles_contentversion")
        return cursor.fetchone()[0]


def test_a_backup_restores_every_row_and_every_file(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}}
    fill_every_table()
    empty = [table for table, (rows, _digest) in table_contents(connection).items() if rows == 0]
    assert not empty, f"Give these tables a row in fill_every_table(), so the drill covers them: {empty}"

    backup = Path(run_script("backup", tmp_path / "backups", database=source_name(), media=settings.MEDIA_ROOT).stdout)
    assert sorted(path.name for path in backup.iterdir()) == ["MANIFEST", "database.dump", "media.tar.gz"]

    restored_media = tmp_path / "restored-media"
    with new_database() as restored_name:
        restore = run_script("restore", backup, database=restored_name, media=restored_media)
        assert "Row counts match the MANIFEST." in restore.stderr

        with contextlib.closing(connect(restored_name)) as restored:
            original = table_contents(connection)
            # The restore ends by moving the content version on, so that no page cached before it survives.
            version = "articles_contentversion"
            assert content_version(restored) == content_version(connection) + 1
            assert {**table_contents(restored), version: None} == {**original, version: None}
            assert sequences(restored) == sequences(connection)
            assert schema(restored_name) == schema(source_name())
            assert file_digests(restored_media) == file_digests(settings.MEDIA_ROOT)
            for image in Image.objects.all():
                assert (restored_media / image.file.name).is_file(), image.file.name

            # The comparison notices a single changed row.
            with restored.cursor() as cursor:
                cursor.execute("UPDATE donations_comment SET message = message || '.'")
            changed = table_contents(restored)
            differing = [table for table in original if table != version and changed[table] != original[table]]
            assert differing == ["donations_comment"]

            # A database that already holds the site is only replaced when asked to.
            refused = run_script("restore", backup, database=restored_name, media=restored_media, check=False)
            assert refused.returncode == 1
            assert "already holds Newsroom's tables" in refused.stderr
            assert table_contents(restored) == changed
            run_script("restore", "--replace", backup, database=restored_name, media=restored_media)
            assert {**table_contents(restored), version: None} == {**original, version: None}


def fill_every_table():
    """The demo newsroom (sections to images and their files), and one of everything else a site stores."""
    call_command("seed_demo", stdout=StringIO())
    article = Article.objects.published().first()
    draft = Article.objects.filter(status=Article.Status.DRAFT).first()
    # A save through the model, as the admin does: a history row and a new content version.
    article.dek = f"{article.dek} Updated."
    article.save()
    ArticleRedirect.objects.create(old_slug=f"{article.slug}-old", article=article)
    LegacyAddress.objects.create(path=LegacyAddress.normalize("/2019/05/an-old-post/"), article=article)
    PreviewLink.objects.create(article=draft, note="Marta, translator")
    # Taggit's own generic table, which articles do not use (they have TaggedArticle).
    TaggedItem.objects.create(tag=Tag.objects.first(), content_object=Author.objects.first())

    donation = Donation.objects.create(
        amount="25.00", donor_name="Ana Pérez", email="ana@example.org", message="¡Gracias!", article=article
    )
    PaymentEvent.objects.create(
        provider=Donation.Provider.STRIPE,
        event_id="evt_drill",
        event_type="checkout.session.completed",
        donation=donation,
        outcome=PaymentEvent.Outcome.APPLIED,
    )
    Comment.objects.create(article=article, name="Luis", email="luis@example.org", message='Thanks, "quoted" | piped')
    HelpfulVote.objects.create(article=article, is_helpful=False, feedback="More maps, please.", voter_key="drill")
    Republication.objects.create(article=article, domain="partner.example.org", views=3)
    AnnualReceipt.objects.create(email="ana@example.org", year=2025, language="es", summary="25,00 USD")

    staff = make_user("drill-staff", is_staff=True)
    staff.user_permissions.add(Permission.objects.get(codename="view_donation"))
    LogEntry.objects.create(
        user=staff,
        content_type=ContentType.objects.get_for_model(Article),
        object_id=str(article.pk),
        object_repr=str(article),
        action_flag=ADDITION,
    )
    session = SessionStore()
    session["_auth_user_id"] = str(staff.pk)
    session.create()
    access = {"user_agent": "drill", "ip_address": "192.0.2.1", "username": "drill-staff", "http_accept": "*/*"}
    attempt = AccessAttempt.objects.create(**access, path_info="/admin/login/", failures_since_start=1)
    AccessAttemptExpiration.objects.create(access_attempt=attempt, expires_at=timezone.now() + timedelta(minutes=15))
    AccessFailureLog.objects.create(**access, path_info="/admin/login/", locked_out=False)
    AccessLog.objects.create(**access, path_info="/admin/", session_hash="drill")


def run_script(name, *args, database, media, check=True):
    """Run deploy/<name> as an operator would, with the site's settings in the environment."""
    env = {key: value for key, value in os.environ.items() if key not in {"S3_BUCKET", "REDIS_URL"}}
    env.update(
        DATABASE_URL=database_url(database),
        MEDIA_ROOT=str(media),
        DJANGO_SETTINGS_MODULE="newsroom.settings",
        PYTHON=sys.executable,
    )
    result = subprocess.run(
        [CHECKOUT / "deploy" / name, *map(str, args)],
        env=env,
        cwd=CHECKOUT,
        capture_output=True,
        text=True,
        timeout=SCRIPT_TIMEOUT,
        check=False,
    )
    if check:
        assert result.returncode == 0, f"deploy/{name} failed:\n{result.stdout}\n{result.stderr}"
    result.stdout = result.stdout.strip()
    return result


def source_name():
    return connection.settings_dict["NAME"]


def database_url(name):
    """A postgres:// URL for database `name` on the test database's server, with its credentials."""
    config = connection.settings_dict
    credentials = quote(config["USER"] or "", safe="")
    if config["PASSWORD"]:
        credentials += ":" + quote(config["PASSWORD"], safe="")
    host = quote(config["HOST"] or "", safe="") + (f":{config['PORT']}" if config["PORT"] else "")
    return f"postgres://{credentials + '@' if credentials else ''}{host}/{quote(name, safe='')}"


@contextlib.contextmanager
def new_database():
    """A new, empty database beside the test database (its name), dropped on the way out whatever happened."""
    # Unique, so that concurrent runs never meet: only the database made here is ever dropped.
    name = f"{source_name()}_restore_{secrets.token_hex(4)}"[-63:]
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE DATABASE {quote_name(name)} TEMPLATE template0")
    try:
        yield name
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS {quote_name(name)} WITH (FORCE)")


def connect(name):
    """A plain connection, in autocommit mode, to database `name` on the test database's server."""
    raw = connection.Database.connect(**{**connection.get_connection_params(), "dbname": name})
    raw.autocommit = True
    return raw


def quote_name(name):
    return '"' + name.replace('"', '""') + '"'


def table_contents(db):
    """{table: (rows, digest of every row)} for every table of the public schema."""
    with db.cursor() as cursor:
        cursor.execute(
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name"
        )
        tables = [name for (name,) in cursor.fetchall()]
        contents = {}
        for table in tables:
            rows = f"SELECT count(*), md5(string_agg(t::text, '|' ORDER BY t::text)) FROM {quote_name(table)} t"
            cursor.execute(rows)
            contents[table] = cursor.fetchone()
    return contents


def sequences(db):
    """Where each sequence stands, so that a restored site never hands out an id twice."""
    with db.cursor() as cursor:
        cursor.execute("SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = 'public'")
        return dict(cursor.fetchall())


def schema(name):
    """The database's schema as pg_dump writes it: tables, indexes, constraints, triggers, functions, search
    configurations and extensions."""
    result = subprocess.run(
        ["pg_dump", "--schema-only", "--no-owner", "--no-privileges", f"--dbname={database_url(name)}"],
        capture_output=True,
        text=True,
        timeout=SCRIPT_TIMEOUT,
        check=True,
    )
    # Recent pg_dump versions fence their output with a random key of the run.
    return [line for line in result.stdout.splitlines() if not line.startswith(("\\restrict", "\\unrestrict"))]


def file_digests(folder):
    folder = Path(folder)
    digests = {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }
    assert digests, f"no files in {folder}"
    return digests
