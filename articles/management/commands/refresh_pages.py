"""Mark every cached page out of date: after restoring a backup, or changing content outside the site."""

from django.core.management.base import BaseCommand

from newsroom import pagecache


class Command(BaseCommand):
    help = (
        "Mark every page in the page cache out of date, on every server: run it after restoring a backup "
        "or after changing content directly in the database."
    )

    def handle(self, *args, **options):
        pagecache.refresh_everything()
        self.stdout.write("Every cached page will be rendered anew on its next request.")
