from django.conf import settings


def site(request):
    """The newsroom's name and public origin, for every template."""
    return {"NEWSROOM_NAME": settings.NEWSROOM_NAME, "SITE_URL": settings.SITE_URL}
