from django.conf import settings
from django.middleware import locale


class LocaleMiddleware(locale.LocaleMiddleware):
    """Django's LocaleMiddleware, without `Vary: Accept-Language` on pages whose address fixes the language.

    Every reader page is English without a prefix or Spanish under /es/, whatever the browser asks for,
    so a CDN must not keep one copy per Accept-Language value. Django only omits the header on
    prefixed addresses.
    """

    def process_response(self, request, response):
        vary_before = response.get("Vary")
        response = super().process_response(request, response)
        i18n_patterns_used, prefixed_default_language = locale.is_language_prefix_patterns_used(
            getattr(request, "urlconf", settings.ROOT_URLCONF)
        )
        if i18n_patterns_used and not prefixed_default_language and response.get("Vary") != vary_before:
            del response.headers["Vary"]
            if vary_before:
                response["Vary"] = vary_before
        return response
