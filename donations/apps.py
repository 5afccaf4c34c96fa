from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DonationsConfig(AppConfig):
    name = "donations"
    verbose_name = _("Donations and reader feedback")

    def ready(self):
        from donations.newsletters.models import NewsletterList
        from donations.prompts.models import Prompt
        from newsroom import pagecache

        # Prompts are content: a change shows on every cached page at once, and so do their start and end
        # dates. A newsletter list's name and state show on newsletter prompts.
        pagecache.watch(Prompt, NewsletterList)
        pagecache.schedule(Prompt.objects.next_change)
