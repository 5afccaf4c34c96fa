"""`manage.py retry_newsletter_sync`: send the e-mail service every subscriber change it has not taken yet
(a failed call, or changes made while no provider was configured). Safe to run at any time; run it
from cron every few minutes."""

from django.core.management.base import BaseCommand, CommandError

from donations.newsletters import services
from donations.newsletters.providers import get_provider


class Command(BaseCommand):
    help = "Send the newsletter service every subscriber change it has not taken yet."

    def handle(self, *args, **options):
        provider = get_provider()
        if provider is None:
            raise CommandError("NEWSLETTER_PROVIDER is not set: subscribers are kept in the database only.")
        emails = list(services.addresses_to_sync())
        synced = sum(services.sync_address(email=email, provider=provider) for email in emails)
        self.stdout.write(f"{synced} of {len(emails)} addresses synced to {provider.name}.")
        if synced < len(emails):
            # A non-zero exit, so that cron or a monitor reports it.
            raise CommandError(f"{len(emails) - synced} failed; they stay marked for the next run.")
