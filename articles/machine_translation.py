"""Machine translation behind a small provider interface, off unless configured.

A provider turns a list of texts from one of the newsroom's languages into the other. The Translate action
(articles/services.py) asks it for a first draft of the words when MACHINE_TRANSLATION_PROVIDER is set; the
draft is then marked as needing review, and nothing holding machine output can be published until a person
marks the translation reviewed (articles/workflow.py). Providers talk HTTP with a timeout on every request;
any failure is a MachineTranslationError, and the caller goes on without machine text.
"""

import json
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import ClassVar, Protocol

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext as _

# A request body stays under DeepL's limit of 128 KiB with room for the JSON around the texts.
MAX_REQUEST_BYTES = 100_000


class MachineTranslationError(Exception):
    """The provider could not translate: unreachable, too slow, refused the key, or out of quota."""


class Provider(Protocol):
    """Translates texts between the newsroom's languages ("en", "es")."""

    name: str

    def translate(self, texts, *, source, target, html=False):
        """`texts` in `target`, in the same order. `html`: the texts are HTML whose markup must be kept.
        Raises MachineTranslationError."""


@dataclass
class DeepL:
    """DeepL's text translation API (POST /v2/translate), https://developers.deepl.com/docs."""

    api_key: str
    api_url: str
    timeout: float
    name: ClassVar[str] = "DeepL"

    # DeepL asks for a variant when translating into English.
    TARGETS: ClassVar[dict] = {"en": "EN-US", "es": "ES"}

    def translate(self, texts, *, source, target, html=False):
        texts = list(texts)
        translated = []
        for batch in _batches(texts):
            translated += self._request(batch, source=source, target=target, html=html)
        return translated

    def _request(self, texts, *, source, target, html):
        payload = {"text": texts, "source_lang": source.upper(), "target_lang": self.TARGETS[target]}
        if html:
            payload["tag_handling"] = "html"
        request = urllib.request.Request(  # noqa: S310 - the URL is the configured https endpoint
            f"{self.api_url.rstrip('/')}/v2/translate",
            data=json.dumps(payload).encode(),
            headers={
                "Authorization": f"DeepL-Auth-Key {self.api_key}",
                "Content-Type": "application/json",
                "User-Agent": "Newsroom",
            },
            method="POST",
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310
                data = json.load(response)
        except urllib.error.HTTPError as error:
            raise MachineTranslationError(_deepl_refusal(error.code)) from error
        except (OSError, ValueError) as error:
            # Unreachable, timed out, or an answer that is not JSON.
            raise MachineTranslationError(
                _("%(provider)s did not answer in time.") % {"provider": self.name}
            ) from error
        try:
            result = [item["text"] for item in data["translations"]]
        except (KeyError, TypeError) as error:
            raise MachineTranslationError(
                _("%(provider)s sent an answer we could not read.") % {"provider": self.name}
            ) from error
        if len(result) != len(texts) or not all(isinstance(text, str) for text in result):
            raise MachineTranslationError(_("%(provider)s sent an answer we could not read.") % {"provider": self.name})
        return result


def _deepl_refusal(status):
    if status == 403:
        return _("DeepL refused the API key (DEEPL_API_KEY).")
    if status == 456:
        return _("The DeepL account has used up its characters for this period.")
    if status == 429:
        return _("DeepL is receiving too many requests; try again in a minute.")
    return _("DeepL answered with an error (HTTP %(status)s).") % {"status": status}


def _batches(texts):
    """`texts` in groups that each fit in one request."""
    batch, size = [], 0
    for text in texts:
        length = len(json.dumps(text))
        if batch and size + length > MAX_REQUEST_BYTES:
            yield batch
            batch, size = [], 0
        batch.append(text)
        size += length
    if batch:
        yield batch


def provider():
    """The configured provider, or None when machine translation is off (the default)."""
    name = settings.MACHINE_TRANSLATION_PROVIDER
    if not name:
        return None
    if name == "deepl":
        return DeepL(
            api_key=settings.DEEPL_API_KEY,
            api_url=settings.DEEPL_API_URL,
            timeout=settings.MACHINE_TRANSLATION_TIMEOUT_SECONDS,
        )
    raise ImproperlyConfigured(f"MACHINE_TRANSLATION_PROVIDER must be empty or 'deepl', not {name!r}.")
