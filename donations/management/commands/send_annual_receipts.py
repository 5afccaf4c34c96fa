"""E-mail each donor's annual summary receipt for tax purposes: every paid gift and monthly payment of
the year and the year's total, in the donor's language. Each donor gets one per year, however often the
command runs (--resend to send again); --dry-run prints them instead."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from donations.giving import services as giving_services


class Command(BaseCommand):
    help = "E-mail each donor's annual summary receipt (by default for last year)."

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, default=timezone.localdate().year - 1, help="Calendar year.")
        parser.add_argument("--email", action="append", help="Only this donor (repeatable).")
        parser.add_argument("--dry-run", action="store_true", help="Print the receipts; send and record nothing.")
        parser.add_argument("--resend", action="store_true", help="Send again to donors who already had theirs.")

    def handle(self, *args, year, email, dry_run, resend, **options):
        donors = giving_services.donor_years(year=year, emails=email)
        sent = skipped = 0
        for donor in donors:
            if dry_run:
                subject, body = giving_services.render_annual_receipt(donor)
                self.stdout.write(f"To: {donor.email}\nSubject: {subject}\n\n{body}\n")
                continue
            if giving_services.send_annual_receipt(donor_year=donor, resend=resend):
                sent += 1
            else:
                skipped += 1
        if not dry_run:
            self.stdout.write(
                f"{year}: {sent} annual receipt(s) sent, {skipped} skipped (already sent; --resend to send again)."
            )
