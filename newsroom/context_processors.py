from django.conf import settings
from django.utils.functional import SimpleLazyObject


def site(request):
    """The newsroom's identity (set in the admin: articles/identity.py), its name in the active language and
    its public origin, for every template. Read only by a template that uses them, and then once per content
    version: the admin's pages, which do not, cost no query."""
    from articles.identity import site_identity

    identity = SimpleLazyObject(lambda: site_identity(request))
    return {
        "IDENTITY": identity,
        "NEWSROOM_NAME": SimpleLazyObject(lambda: identity.display_name),
        "SITE_URL": settings.SITE_URL,
    }
