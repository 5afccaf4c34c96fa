"""`manage.py import_wordpress`: the command a newsroom runs, its options, progress, summary and refusals."""

import contextlib
import csv
import io
import tempfile
from pathlib import Path

from django.core.management import CommandError, call_command
from django.test import TestCase

from articles.models import Article, Image, LegacyAddress, Section
from tests.articles.wordpress.old_site import EXPORT, UPLOADS


def run(*args):
    out = io.StringIO()
    call_command("import_wordpress", str(EXPORT), *args, stdout=out)
    return out.getvalue()


class CommandTests(TestCase):
    def test_imports_with_pictures_from_a_copy_of_the_uploads_folder(self):
        output = run("--uploads", str(UPLOADS), "--section", "from-the-archive")

        self.assertIn("Imported 10 posts in", output)
        # Progress on one line, redrawn, ending full.
        self.assertIn("\rPosts [##############################] 10/10", output)
        self.assertRegex(output, r"posts published:\s+5\n")
        self.assertRegex(output, r"posts scheduled:\s+1\n")
        self.assertRegex(output, r"translation pairs:\s+1\n")
        self.assertRegex(output, r"pictures:\s+2\n")
        self.assertIn("Not brought in:", output)
        self.assertRegex(output, r"pages:\s+1\n")
        self.assertRegex(output, r"reader comments:\s+2\n")
        self.assertIn("post 107 (Notes for the editors): It was private on the old site", output)
        self.assertEqual(Image.objects.count(), 2)
        self.assertTrue(Section.objects.filter(slug="from-the-archive", name="From the archive").exists())
        self.assertEqual(
            LegacyAddress.objects.get(path="/2024/03/15/transport-strike-called-off").article.section.slug,
            "from-the-archive",
        )

    def test_a_second_run_says_it_changed_nothing(self):
        run("--no-images")
        output = run("--no-images")

        self.assertIn("Imported 0 posts in", output)
        self.assertRegex(output, r"posts already imported, left as they are:\s+10\n")
        self.assertRegex(output, r"old addresses that now redirect:\s+0\n")

    def test_writes_every_problem_to_a_report_file(self):
        report = self.enterContext(_temporary_path("report.csv"))
        output = run("--no-images", "--report", report)

        self.assertIn(f"Every problem is listed in {report}.", output)
        with open(report, encoding="utf-8") as handle:
            rows = list(csv.reader(handle))
        self.assertEqual(rows[0], ["post id", "headline", "problem"])
        self.assertIn(
            ["108", "Sources list", "It was protected by a password on the old site: brought in as a draft."], rows
        )

    def test_categories_as_tags_and_a_language(self):
        run("--no-images", "--categories", "tags", "--language", "es")

        self.assertFalse(Section.objects.exclude(slug="archive").exists())
        # Polylang's own marks win over the option; the option is for posts without one.
        self.assertEqual(LegacyAddress.objects.get(path="/?p=101").article.language, "en")

    def test_refuses_what_is_not_a_wordpress_export(self):
        path = self.enterContext(_temporary_path("feed.xml"))
        with open(path, "w", encoding="utf-8") as handle:
            handle.write('<?xml version="1.0"?><rss version="2.0"><channel><title>A feed</title></channel></rss>')
        with self.assertRaisesMessage(CommandError, "This is an RSS feed, not a WordPress export"):
            call_command("import_wordpress", path, stdout=io.StringIO())
        with self.assertRaisesMessage(CommandError, "No such file or directory"):
            call_command("import_wordpress", "/nonexistent/export.xml", stdout=io.StringIO())
        self.assertFalse(Article.objects.exists())


@contextlib.contextmanager
def _temporary_path(name):
    with tempfile.TemporaryDirectory() as folder:
        yield str(Path(folder) / name)
