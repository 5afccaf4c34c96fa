"""The demo's newsletters, subscribers and prompts: two lists, readers at each step of the double opt-in,
and a prompt for every placement in both languages, with the counts fundraising would see after a while
(articles/demo/content/newsletters.toml and prompts.toml)."""

from datetime import timedelta

from django.utils import translation

from articles.demo.loader import duration, read
from donations.newsletters.forms import CONSENT_TEXT
from donations.newsletters.models import NewsletterList, Subscription
from donations.prompts.models import Prompt

_newsletters = read("newsletters.toml")
LISTS = [
    {
        "slug": newsletter["slug"],
        "name": newsletter["en"]["name"],
        "name_es": newsletter["es"]["name"],
        "description": newsletter["en"]["description"],
        "description_es": newsletter["es"]["description"],
        "is_default": newsletter["is_default"],
        "order": newsletter["order"],
    }
    for newsletter in _newsletters["lists"]
]

# (address, list, language, source, status, days ago)
SUBSCRIBERS = [
    (reader["email"], reader["list"], reader["language"], reader["source"], reader["status"], reader["days_ago"])
    for reader in _newsletters["subscribers"]
]


def _prompts(now, newsroom):
    """The prompts' fields, with their texts naming the newsroom and their dates relative to `now`."""
    prompts = []
    for prompt in read("prompts.toml")["prompts"]:
        fields = {
            "name": prompt["name"],
            "kind": Prompt.Kind(prompt["kind"]),
            "placement": Prompt.Placement(prompt["placement"]),
        }
        for name in ("language", "newsletter", "after_paragraph"):
            if name in prompt:
                fields[name] = prompt[name]
        for language, suffix in (("en", ""), ("es", "_es")):
            for name, text in prompt.get(language, {}).items():
                fields[name + suffix] = text.format(newsroom=newsroom)
        for name in ("starts", "ends"):
            if f"{name}_in" in prompt:
                fields[f"{name}_at"] = now + duration(prompt[f"{name}_in"])
        fields.update(views=prompt["views"], clicks=prompt["clicks"])
        prompts.append(fields)
    return prompts


def seed_reader_revenue(*, now, newsroom):
    """Create or bring back the demo lists, subscribers and prompts. Returns nothing; safe to run again."""
    lists = {}
    for fields in LISTS:
        lists[fields["slug"]], _created = NewsletterList.objects.update_or_create(
            slug=fields["slug"], defaults={key: value for key, value in fields.items() if key != "slug"}
        )
    prompt_ids = {}
    for fields in _prompts(now, newsroom):
        fields = dict(fields)
        if "newsletter" in fields:
            fields["newsletter"] = lists[fields["newsletter"]]
        prompt, _created = Prompt.objects.update_or_create(name=fields.pop("name"), defaults=fields)
        prompt_ids[prompt.kind] = prompt.pk
    for email, slug, language, source, status, days in SUBSCRIBERS:
        signed_up = now - timedelta(days=days, hours=3)
        with translation.override(language):
            consent = str(CONSENT_TEXT)
        if source == "prompt":
            source = f"prompt-{prompt_ids[Prompt.Kind.NEWSLETTER]}"
        Subscription.objects.update_or_create(
            newsletter=lists[slug],
            email=email,
            defaults={
                "language": language,
                "status": status,
                "consent_at": signed_up,
                "consent_source": source,
                "consent_text": consent,
                "consent_url": "/es/newsletter/" if language == "es" else "/newsletter/",
                "confirmation_sent_at": signed_up,
                "confirmations_sent": 1,
                "confirmed_at": signed_up + timedelta(minutes=12) if status != "pending" else None,
                "unsubscribed_at": now - timedelta(days=2) if status == "unsubscribed" else None,
            },
        )
