"""Staff roles as groups (Writer, Editor, Fundraising, Moderator), and a first history entry for every
existing article so that its current version can be restored after later edits.

All four groups are made here and only here, with get_or_create (articles/roles.py), so another app
creating the same groups does no harm. It runs after the donations app's latest migration so that
the Fundraising and Moderator permissions exist.
"""

from django.db import migrations
from django.utils import timezone


def create_roles(apps, schema_editor):
    from articles.roles import sync_roles

    sync_roles(apps=apps, using=schema_editor.connection.alias)


def record_existing_articles(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    HistoricalArticle = apps.get_model("articles", "HistoricalArticle")
    alias = schema_editor.connection.alias
    copied = [
        field.attname
        for field in HistoricalArticle._meta.fields
        if not field.name.startswith("history_") and field.name != "id"
    ]
    now = timezone.now()
    HistoricalArticle.objects.using(alias).bulk_create(
        [
            HistoricalArticle(
                id=article.pk,
                history_date=now,
                history_type="+",
                history_change_reason="Recorded when history began",
                **{name: getattr(article, name) for name in copied},
            )
            for article in Article.objects.using(alias).defer("search_vector").iterator()
        ],
        batch_size=500,
    )


class Migration(migrations.Migration):

    dependencies = [
        ("articles", "0005_editorial_workflow"),
        ("donations", "0002_attribution_payment_events_republications"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [
        migrations.RunPython(create_roles, migrations.RunPython.noop),
        migrations.RunPython(record_existing_articles, migrations.RunPython.noop),
    ]
