"""Share links as plain URLs: no third-party script ever runs on our pages."""

from urllib.parse import quote, urlencode

from django.utils.translation import gettext_lazy as _

from newsroom.site import absolute_url


def share_links(article):
    """(network key, label, URL) for each place a reader may share `article`."""
    url = absolute_url(article.get_absolute_url())
    title = article.title
    return [
        ("x", _("X"), "https://x.com/intent/post?" + urlencode({"url": url, "text": title})),
        ("facebook", _("Facebook"), "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url})),
        ("whatsapp", _("WhatsApp"), "https://wa.me/?" + urlencode({"text": f"{title} {url}"})),
        ("linkedin", _("LinkedIn"), "https://www.linkedin.com/sharing/share-offsite/?" + urlencode({"url": url})),
        ("email", _("Email"), f"mailto:?subject={quote(title)}&body={quote(url)}"),
    ]
