"""The newsroom's identity and its own pages as every reader page shows them, read once per content version.

The header, the footer, the page title and the home page's JSON-LD all need the identity, and the footer and
the JSON-LD the list of pages: each is read in one query, kept in the fragment cache (newsroom/fragments.py)
under the content version and the language, and shared by every page until an editor changes anything, which
bumps the version. Outside a request (e-mails, commands) they are read from the database.
"""

from django.conf import settings
from django.utils.translation import get_language

from articles.models import Page, SiteIdentity
from newsroom import fragments


def site_identity(request=None):
    """The newsroom's identity (SiteIdentity.objects.current()): one query per content version."""
    return fragments.cached(request, "identity", SiteIdentity.objects.current)


def site_pages(request=None):
    """The pages published in the active language, in footer order, without their texts: one query per
    content version and language."""
    language = get_language()
    return fragments.cached(request, "pages", lambda: list(Page.objects.published(language).for_menus()))


def footer_pages(request=None):
    """The published pages that an editor put in the footer."""
    return [page for page in site_pages(request) if page.in_footer]


def policy_links(request=None):
    """{schema.org property: the page's path} for the published pages that state a policy (ethics,
    corrections, ownership and funding, masthead, feedback), in the active language."""
    links = {}
    for page in site_pages(request):
        for name in page.schema_properties():
            links[name] = page.get_absolute_url()
    return links


def email_context():
    """What every e-mail to readers, donors and staff signs with: the newsroom's name in the active language
    (the recipient's), its identity (for the postal address) and the public origin. One query."""
    identity = SiteIdentity.objects.current()
    return {"NEWSROOM_NAME": identity.display_name, "IDENTITY": identity, "SITE_URL": settings.SITE_URL}
