"""schema.org data for article pages, emitted as JSON-LD for search engines and news aggregators."""

from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.text import Truncator

from articles import breadcrumbs as trail
from newsroom.site import absolute_url


def last_modified(article):
    """When the article last changed for readers: its publication, or its latest correction or update."""
    corrections = [correction.published_at for correction in article.corrections.all()]
    return max([article.publish_at, *corrections])


def _logo(identity):
    if identity.logo:
        return {
            "@type": "ImageObject",
            "url": absolute_url(identity.logo.url),
            "width": identity.logo_width,
            "height": identity.logo_height,
        }
    return {"@type": "ImageObject", "url": absolute_url(static("img/logo.png"))}


def publisher(identity):
    """The newsroom as the publisher of a page, from its identity (articles/identity.py)."""
    return {
        "@type": "NewsMediaOrganization",
        "name": identity.display_name,
        "url": absolute_url(reverse("articles:home")),
        "logo": _logo(identity),
    }


def news_media_organization(identity, policies):
    """The newsroom as a schema.org NewsMediaOrganization, for the home page: its identity with the contact
    details and social accounts editors set, and `policies` ({property: path}: the ethics, corrections and
    funding policies, the masthead and the feedback page, from the pages published in this language)."""
    url = absolute_url(reverse("articles:home"))
    data = {
        "@context": "https://schema.org",
        "@type": "NewsMediaOrganization",
        "@id": f"{url}#organization",
        **publisher(identity),
    }
    optional = {
        "legalName": identity.legal_name,
        "description": identity.display_tagline,
        "email": identity.contact_email,
        "telephone": identity.phone,
        "address": " ".join(identity.postal_address.split()),
        "foundingDate": str(identity.founded) if identity.founded else "",
        "sameAs": [url for _network, url in identity.social_accounts],
    }
    data.update({name: value for name, value in optional.items() if value})
    for name, path in sorted(policies.items()):
        data[name] = absolute_url(path)
    return data


def news_article(article, *, identity, translation_of=None):
    """A schema.org NewsArticle for `article` (its corrections and bylines prefetched), published by the
    newsroom of `identity`; `translation_of` is its published translation, if any, fetched with the page."""
    url = absolute_url(article.get_absolute_url())
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "@id": url,
        "mainEntityOfPage": url,
        "url": url,
        "headline": article.title,
        "description": article.summary,
        "datePublished": article.publish_at.isoformat(),
        "dateModified": last_modified(article).isoformat(),
        "inLanguage": article.language,
        "articleSection": article.section.display_name,
        "author": [
            {"@type": "Person", "name": author.name, "url": absolute_url(author.get_absolute_url())}
            for author in article.byline_authors
        ],
        "publisher": publisher(identity),
        "keywords": [tag.name for tag in article.tags.all()],
        "isAccessibleForFree": True,
    }
    if article.republishable and identity.licence_url():
        data["license"] = identity.licence_url()
    if article.lead_image:
        # In the page's language: the Spanish caption and credit on a Spanish article; then the wide card
        # cropped around its focal point.
        image = article.lead_image
        picture = {
            "@type": "ImageObject",
            "url": absolute_url(image.file.url),
            "width": image.width,
            "height": image.height,
        }
        if image.display_caption:
            picture["caption"] = image.display_caption
        if image.display_credit:
            picture["creditText"] = image.display_credit
        card = absolute_url(image.card_url)
        data["image"] = [picture] if card == picture["url"] else [picture, card]
    if translation_of is not None:
        # schema.org names the direction: an original lists its workTranslation, a translation names the
        # translationOfWork it was made from.
        relation = "translationOfWork" if article.is_translation_of(translation_of) else "workTranslation"
        data[relation] = {
            "@type": "NewsArticle",
            "@id": absolute_url(translation_of.get_absolute_url()),
            "url": absolute_url(translation_of.get_absolute_url()),
            "inLanguage": translation_of.language,
            "headline": translation_of.title,
        }
    return data


def breadcrumb_list(trail):
    """A schema.org BreadcrumbList of `trail` (articles/breadcrumbs.py): the crumbs the page shows, with
    absolute addresses; the last one, the page itself, without."""
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": crumb.name,
                **({"item": absolute_url(crumb.url)} if crumb.url else {}),
            }
            for position, crumb in enumerate(trail, start=1)
        ],
    }


def breadcrumbs(article):
    """Home › News › section › article, as a schema.org BreadcrumbList in the article's language."""
    return breadcrumb_list(trail.for_article(article))


def series_url(series, language):
    with translation.override(language):
        return absolute_url(series.get_absolute_url())


def creative_work_series(series, parts, *, language, identity):
    """A schema.org CreativeWorkSeries for a series page: its published `parts` in `language`, in order."""
    url = series_url(series, language)
    with translation.override(language):
        name, description = series.display_title, series.display_summary
    data = {
        "@context": "https://schema.org",
        "@type": "CreativeWorkSeries",
        "@id": url,
        "url": url,
        "name": name,
        "description": description,
        "inLanguage": language,
        "publisher": publisher(identity),
        "hasPart": [
            {
                "@type": "NewsArticle",
                "@id": absolute_url(part.get_absolute_url()),
                "url": absolute_url(part.get_absolute_url()),
                "headline": part.title,
                "datePublished": part.publish_at.isoformat(),
                "position": number,
            }
            for number, part in enumerate(parts, start=1)
        ],
    }
    if parts:
        data["startDate"] = min(part.publish_at for part in parts).isoformat()
    if series.lead_image:
        data["image"] = [absolute_url(series.lead_image.file.url)]
    return data


def part_of_series(series, *, language):
    """The series a part belongs to, for the part's NewsArticle (`isPartOf`)."""
    with translation.override(language):
        name = series.display_title
    return {"@type": "CreativeWorkSeries", "@id": series_url(series, language), "name": name}


def live_blog_posting(article, updates, *, identity, translation_of=None):
    """A schema.org LiveBlogPosting for a live story, its `updates` (newest first) as liveBlogUpdate entries."""
    data = news_article(article, identity=identity, translation_of=translation_of)
    url = data["url"]
    data["@type"] = "LiveBlogPosting"
    data["coverageStartTime"] = article.live_started_at.isoformat()
    if article.live_ended_at is not None:
        data["coverageEndTime"] = article.live_ended_at.isoformat()
    if updates:
        latest = max(update.updated_at for update in updates)
        data["dateModified"] = max(latest, last_modified(article)).isoformat()
    data["liveBlogUpdate"] = [
        {
            "@type": "BlogPosting",
            "@id": f"{url}#update-{update.pk}",
            "url": f"{url}#update-{update.pk}",
            "headline": update.title or Truncator(update.text).chars(110),
            "articleBody": update.text,
            "datePublished": update.published_at.isoformat(),
            "dateModified": update.updated_at.isoformat(),
            "inLanguage": article.language,
            **(
                {
                    "author": {
                        "@type": "Person",
                        "name": update.author.name,
                        "url": absolute_url(update.author.get_absolute_url()),
                    }
                }
                if update.author
                else {"author": {"@type": "Organization", "name": data["publisher"]["name"]}}
            ),
        }
        for update in updates
    ]
    return data
