"""The newsroom's e-mail service, behind a small interface: our database holds every subscriber and
their consent; the service is a mirror that we keep in step, one address at a time.

A provider has one method, `update(email=…, tags=…, metadata=…)`: make the service hold `email` with
exactly `tags` (the lists the address is confirmed on), or unsubscribed when `tags` is empty. It raises
ProviderError when the service cannot be reached or refuses; the caller marks the address for a retry.

Buttondown is the one implemented (https://docs.buttondown.com/api-introduction): HTTPS with JSON,
`Authorization: Token <key>`, subscribers at /v1/subscribers. Off unless NEWSLETTER_PROVIDER is set.
"""

import contextlib
import json
import logging
import urllib.error
import urllib.request
from urllib.parse import quote

from django.conf import settings

logger = logging.getLogger(__name__)


class ProviderError(Exception):
    """The e-mail service could not be reached, or refused the change."""


class BaseProvider:
    name = ""

    def update(self, *, email, tags, metadata):
        raise ProviderError(f"{type(self).__name__} cannot update subscribers.")


class ButtondownProvider(BaseProvider):
    """Buttondown's subscribers API.

    A confirmed address is created (or, when Buttondown knows it already, overwritten: the header
    X-Buttondown-Collision-Behavior) as a "regular" subscriber with the tags of its lists: it has already
    confirmed with us, so Buttondown must not ask again. An address with no list left is set to
    "unsubscribed", which Buttondown keeps (and never mails) rather than forgets.
    """

    name = "buttondown"

    def __init__(self, *, api_key=None, api_base=None, timeout=None):
        self.api_key = api_key or settings.BUTTONDOWN_API_KEY
        self.api_base = (api_base or settings.BUTTONDOWN_API_BASE).rstrip("/")
        self.timeout = timeout or settings.NEWSLETTER_PROVIDER_TIMEOUT_SECONDS

    def update(self, *, email, tags, metadata):
        if tags:
            answer = self._call(
                "POST",
                "/subscribers",
                {"email_address": email, "type": "regular", "tags": sorted(tags), "metadata": metadata},
                headers={"X-Buttondown-Collision-Behavior": "overwrite"},
            )
            return str(answer.get("id", "")) if isinstance(answer, dict) else ""
        # Never mirrored (or deleted there by hand): nothing to unsubscribe.
        with contextlib.suppress(_NotFound):
            self._call("PATCH", f"/subscribers/{quote(email, safe='@')}", {"type": "unsubscribed", "tags": []})
        return ""

    def _call(self, method, path, body, headers=None):
        request = urllib.request.Request(  # noqa: S310 - the base is our setting, https in production
            self.api_base + path,
            data=json.dumps(body).encode(),
            method=method,
            headers={
                "Authorization": f"Token {self.api_key}",
                "Content-Type": "application/json",
                "Accept": "application/json",
                "User-Agent": f"{settings.NEWSROOM_NAME} newsletter sync",
                **(headers or {}),
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310
                raw = response.read()
        except urllib.error.HTTPError as error:
            detail = error.read()[:200].decode(errors="replace")
            if error.code == 404:
                raise _NotFound(detail) from error
            raise ProviderError(f"Buttondown answered {error.code}: {detail}") from error
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            raise ProviderError(f"Buttondown unreachable: {error}") from error
        try:
            return json.loads(raw) if raw else {}
        except ValueError as error:
            raise ProviderError("Buttondown answered something that is not JSON.") from error


class _NotFound(ProviderError):
    pass


PROVIDERS = {"buttondown": ButtondownProvider}


def get_provider():
    """The configured provider, or None when the site keeps subscribers to itself (the default)."""
    name = settings.NEWSLETTER_PROVIDER
    return PROVIDERS[name]() if name else None
