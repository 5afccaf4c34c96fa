"""`manage.py seed_demo`: fill the site with the demo newsroom, in English and Spanish.

Safe to run again: it brings the demo back to its plan without duplicating anything, and gives the demo
staff accounts new passwords. `--articles N` adds synthetic stories until the demo holds N articles.
"""

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from articles.demo.seeding import DEMO_ARTICLES, DemoSeeder, summary
from articles.demo.site import seed_site
from newsroom import pagecache

PROGRESS_WIDTH = 30


class Command(BaseCommand):
    help = (
        "Fill the database with the demo newsroom: sections, countries, authors, tags, images, staff "
        f"accounts and {DEMO_ARTICLES} articles in English and Spanish. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--articles",
            type=int,
            metavar="N",
            help=f"How many articles the demo should hold in all (at least {DEMO_ARTICLES}); the ones beyond "
            "the demo's own are synthetic stories, for benchmarks.",
        )

    def handle(self, *args, articles=None, **options):
        if articles is not None and articles < 0:
            raise CommandError("--articles must be a positive number.")
        started = time.monotonic()
        seeder = DemoSeeder(now=timezone.now(), newsroom=settings.NEWSROOM_NAME, progress=self._progress)
        passwords = seeder.run(articles=articles)
        pages = seed_site(newsroom=settings.NEWSROOM_NAME)
        # Bulk writes send no signals: tell the page cache that every page has changed.
        pagecache.content_changed()

        self.stdout.write(f"Seeded the demo in {time.monotonic() - started:.1f}s.")
        if seeder.pictures_drawn:
            self.stdout.write(f"Drew {seeder.pictures_drawn} pictures.")
        if articles is not None and articles < DEMO_ARTICLES:
            self.stdout.write(f"The demo always holds its own {DEMO_ARTICLES} articles.")
        for label, count in [*summary(), ("Newsroom pages", pages)]:
            self.stdout.write(f"  {label + ':':<26}{count:>9,}")
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS("Demo accounts (new passwords on every run):"))
        for username, password in passwords.items():
            self.stdout.write(f"  {username:<8}{password}")
        self.stdout.write(f"Log in at /{settings.ADMIN_PATH}.")

    def _progress(self, done, total):
        """One line, redrawn in place, for the synthetic stories."""
        if not total:
            return
        filled = PROGRESS_WIDTH * done // total
        bar = "#" * filled + "-" * (PROGRESS_WIDTH - filled)
        self.stdout.write(f"\rSynthetic articles [{bar}] {done:,}/{total:,}", ending="")
        self.stdout.flush()
        if done == total:
            self.stdout.write("")
