"""The demo's newsletters, subscribers and prompts: two lists, readers at each step of the double opt-in,
and a prompt for every placement in both languages, with the counts fundraising would see after a while."""

from datetime import timedelta

from django.utils import translation

from donations.newsletters.forms import CONSENT_TEXT
from donations.newsletters.models import NewsletterList, Subscription
from donations.prompts.models import Prompt

LISTS = [
    {
        "slug": "friday-briefing",
        "name": "The Friday Briefing",
        "name_es": "El resumen del viernes",
        "description": "Every Friday: the week's briefs on organized crime in the Americas, with our analysis.",
        "description_es": "Cada viernes: las noticias breves de la semana sobre el crimen organizado en las Américas, "
        "con nuestro análisis.",
        "is_default": True,
        "order": 1,
    },
    {
        "slug": "investigation-alerts",
        "name": "Investigation alerts",
        "name_es": "Alertas de investigación",
        "description": "One e-mail on the day we publish a long investigation: a few times a year.",
        "description_es": "Un correo el día que publicamos una investigación larga: pocas veces al año.",
        "is_default": False,
        "order": 2,
    },
]

# (address, list, language, source, status, days ago)
SUBSCRIBERS = [
    ("marisol.quintero@example.org", "friday-briefing", "es", "home", "confirmed", 40),
    ("marisol.quintero@example.org", "investigation-alerts", "es", "newsletter", "confirmed", 40),
    ("d.whitfield@example.org", "friday-briefing", "en", "article", "confirmed", 22),
    ("tomas.arriaga@example.org", "friday-briefing", "es", "footer", "confirmed", 9),
    ("priya.raman@example.org", "investigation-alerts", "en", "prompt", "confirmed", 5),
    ("hector.bustos@example.org", "friday-briefing", "es", "article", "pending", 0),
    ("janet.okafor@example.org", "investigation-alerts", "en", "newsletter", "pending", 1),
    ("lucas.ferreyra@example.org", "friday-briefing", "es", "home", "unsubscribed", 60),
]


def _prompts(now, newsroom):
    return [
        {
            "name": "Reader appeal, in the article",
            "kind": Prompt.Kind.DONATE,
            "placement": Prompt.Placement.IN_ARTICLE,
            "after_paragraph": 3,
            "heading": "This story took months to report",
            "text": f"{newsroom} is a nonprofit. Court files, field trips and legal review are paid for by readers, "
            "not advertisers.",
            "heading_es": "Esta historia llevó meses de reportería",
            "text_es": f"{newsroom} es un medio sin fines de lucro. Los expedientes, los viajes y la revisión legal "
            "los pagan los lectores, no los anunciantes.",
            "button_label": "Support our reporting",
            "button_label_es": "Apoya nuestro periodismo",
            "views": 8420,
            "clicks": 211,
        },
        {
            "name": "Friday Briefing, end of article",
            "kind": Prompt.Kind.NEWSLETTER,
            "placement": Prompt.Placement.END_OF_ARTICLE,
            "newsletter": "friday-briefing",
            "heading": "Get the week's briefs on Friday",
            "text": "Extortion, trafficking, prisons and the politics around them: one e-mail a week, free.",
            "heading_es": "Recibe las noticias de la semana cada viernes",
            "text_es": "Extorsión, tráfico, cárceles y la política que las rodea: un correo a la semana, gratis.",
            "views": 5310,
            "clicks": 164,
        },
        {
            "name": "Year-end match, banner",
            "kind": Prompt.Kind.DONATE,
            "placement": Prompt.Placement.BANNER,
            "heading": "Year-end match:",
            "text": "until December 31, every gift is doubled by a foundation.",
            "heading_es": "Campaña de fin de año:",
            "text_es": "hasta el 31 de diciembre, una fundación duplica cada donación.",
            "button_label": "Double my gift",
            "button_label_es": "Duplicar mi donación",
            "starts_at": now - timedelta(days=3),
            "ends_at": now + timedelta(days=27),
            "views": 12950,
            "clicks": 173,
        },
        {
            "name": "Summer appeal, end of article (ended)",
            "kind": Prompt.Kind.DONATE,
            "placement": Prompt.Placement.END_OF_ARTICLE,
            "language": "en",
            "heading": "Help us keep the bureau in Tegucigalpa open",
            "text": "Our Honduras reporters cover what few others can. A monthly gift keeps them there.",
            "starts_at": now - timedelta(days=150),
            "ends_at": now - timedelta(days=90),
            "views": 21400,
            "clicks": 388,
        },
    ]


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
