"""`manage.py import_wordpress EXPORT.xml`: bring a WordPress site's posts over (docs/import.md)."""

import csv
import time

from django.core.management.base import BaseCommand, CommandError

from articles.models import Language
from articles.wordpress.fetch import Fetcher
from articles.wordpress.importer import Categories, WordPressImport
from articles.wordpress.wxr import WXRError

PROGRESS_WIDTH = 30
# Problems listed on the screen; the rest go to the --report file.
SHOWN_PROBLEMS = 50


class Command(BaseCommand):
    help = (
        "Bring in a WordPress export (Tools > Export > All content): posts with their authors, categories, "
        "tags, pictures and language pairs, and a redirect from every old address. Safe to run again: "
        "what is already here is left as it is."
    )

    def add_arguments(self, parser):
        parser.add_argument("export", help="The export file (WXR) that WordPress wrote.")
        parser.add_argument(
            "--categories",
            choices=[Categories.SECTIONS, Categories.TAGS],
            default=Categories.SECTIONS,
            help="Bring WordPress's categories in as sections (a post's first or Yoast-primary category; "
            "the others become tags) or all as tags. Default: sections.",
        )
        parser.add_argument(
            "--section",
            default="archive",
            metavar="SLUG",
            help="The section for posts that no category places (created when missing). Default: archive.",
        )
        parser.add_argument(
            "--language",
            choices=[code for code, _name in Language.choices],
            help="The language of posts that Polylang or WPML do not mark. Default: the export's own.",
        )
        parser.add_argument(
            "--no-images", action="store_true", help="Do not fetch pictures (run again without it to fetch them)."
        )
        parser.add_argument(
            "--uploads",
            metavar="DIR",
            help="A copy of the old site's wp-content/uploads folder: pictures found there are read from it "
            "instead of being downloaded.",
        )
        parser.add_argument(
            "--allow-private-addresses",
            action="store_true",
            help="Fetch pictures from hosts on a private network too (an old site inside your own network).",
        )
        parser.add_argument(
            "--report", metavar="FILE.csv", help="Write every problem to this CSV file (post id, headline, problem)."
        )

    def handle(self, *args, export, **options):
        started = time.monotonic()
        # The first reading of a large export takes a few seconds before the progress bar appears.
        self.stdout.write(f"Reading {export}…")
        importer = WordPressImport(
            export,
            categories=options["categories"],
            default_section=options["section"],
            language=options["language"],
            fetch_images=not options["no_images"],
            fetcher=Fetcher(allow_private=options["allow_private_addresses"], uploads=options["uploads"]),
            progress=self._progress,
        )
        try:
            report = importer.run()
        except (OSError, WXRError) as error:
            raise CommandError(str(error)) from error
        seconds = time.monotonic() - started
        self._summary(report, seconds)
        if options["report"]:
            with open(options["report"], "w", newline="", encoding="utf-8") as handle:
                writer = csv.writer(handle)
                writer.writerow(["post id", "headline", "problem"])
                for problem in report.problems:
                    writer.writerow([problem.post_id, problem.title, problem.message])
            self.stdout.write(f"Every problem is listed in {options['report']}.")

    def _summary(self, report, seconds):
        imported = sum(report.imported.values())
        self.stdout.write(self.style.SUCCESS(f"Imported {imported:,} posts in {seconds:.1f}s."))
        lines = [
            *((f"posts {label}", count) for label, count in sorted(report.imported.items())),
            ("posts already imported, left as they are", report.already_imported),
            ("translation pairs", report.pairs),
            ("new sections", report.sections),
            ("new authors", report.authors),
            ("new tags", report.tags),
            ("pictures", report.images),
            ("pictures already imported", report.images_already_imported),
            ("old addresses that now redirect", report.addresses),
        ]
        for label, count in lines:
            self.stdout.write(f"  {label + ':':<44}{count:>9,}")
        if report.not_imported:
            self.stdout.write(self.style.WARNING("Not brought in:"))
            for label, count in sorted(report.not_imported.items()):
                self.stdout.write(f"  {label + ':':<44}{count:>9,}")
        if report.problems:
            self.stdout.write(self.style.WARNING(f"{len(report.problems):,} problems to look at:"))
            for problem in report.problems[:SHOWN_PROBLEMS]:
                where = f"post {problem.post_id} ({problem.title}): " if problem.post_id else ""
                self.stdout.write(f"  {where}{problem.message}")
            if len(report.problems) > SHOWN_PROBLEMS:
                self.stdout.write(f"  … and {len(report.problems) - SHOWN_PROBLEMS:,} more (see --report).")

    def _progress(self, done, total):
        """One line, redrawn in place."""
        if not total:
            return
        filled = PROGRESS_WIDTH * done // total
        bar = "#" * filled + "-" * (PROGRESS_WIDTH - filled)
        self.stdout.write(f"\rPosts [{bar}] {done:,}/{total:,}", ending="")
        self.stdout.flush()
        if done == total:
            self.stdout.write("")
