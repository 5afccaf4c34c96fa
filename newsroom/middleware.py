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


class ContentSecurityPolicyMiddleware:
    """Sends a Content-Security-Policy header on every response that has none yet.

    Reader pages get CONTENT_SECURITY_POLICY: scripts only from our own files, no inline script or event
    handler. The admin (every language's copy of ADMIN_PATH) gets CONTENT_SECURITY_POLICY_ADMIN, which also
    allows inline scripts and styles: its rich-text editor loads its modules through an inline import map
    and styles what it draws inline.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = _serialize_policy(settings.CONTENT_SECURITY_POLICY)
        self.admin_policy = _serialize_policy(settings.CONTENT_SECURITY_POLICY_ADMIN)
        default = settings.LANGUAGE_CODE
        self.admin_prefixes = tuple(
            f"/{settings.ADMIN_PATH}" if code == default else f"/{code}/{settings.ADMIN_PATH}"
            for code, _name in settings.LANGUAGES
        )

    def __call__(self, request):
        response = self.get_response(request)
        if "Content-Security-Policy" not in response:
            admin = request.path_info.startswith(self.admin_prefixes)
            response["Content-Security-Policy"] = self.admin_policy if admin else self.policy
        return response


def _serialize_policy(policy):
    return "; ".join(" ".join([directive, *sources]) for directive, sources in policy.items())
