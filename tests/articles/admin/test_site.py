"""Editors set the newsroom's identity and write its pages in the admin."""

from django.test import TestCase, override_settings
from django.urls import reverse

from articles.models import Page, SiteIdentity
from articles.roles import assign_role
from tests.factories import image_file, make_user

SVG = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


def identity_form(**overrides):
    data = {
        "name": "Frontera Abierta",
        "name_es": "",
        "legal_name": "",
        "tagline": "Investigating organized crime.",
        "tagline_es": "Investigamos el crimen organizado.",
        "founded": "",
        "accent_color": "#a4161a",
        "accent_hover_color": "",
        "contact_email": "tips@frontera.example",
        "phone": "",
        "postal_address": "",
        "licence": "cc-by-nc",
        "footer_note": "",
        "footer_note_es": "",
        **{f"{network}_url": "" for network in ("x", "facebook", "instagram", "youtube", "tiktok", "linkedin")},
        **{f"{network}_url": "" for network in ("whatsapp", "telegram", "bluesky", "mastodon")},
    }
    data.update(overrides)
    return data


@override_settings(SECURE_SSL_REDIRECT=False)
class IdentityAdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = make_user("editor")
        assign_role(cls.editor, "Editor")
        cls.writer = make_user("writer")
        assign_role(cls.writer, "Writer")

    def setUp(self):
        self.client.force_login(self.editor)

    def test_the_list_leads_to_the_one_form(self):
        changelist = reverse("admin:articles_siteidentity_changelist")
        self.assertRedirects(self.client.get(changelist), reverse("admin:articles_siteidentity_add"))
        response = self.client.post(reverse("admin:articles_siteidentity_add"), identity_form())
        self.assertEqual(response.status_code, 302)
        self.assertRedirects(self.client.get(changelist), reverse("admin:articles_siteidentity_change", args=[1]))
        self.assertRedirects(
            self.client.get(reverse("admin:articles_siteidentity_add")),
            reverse("admin:articles_siteidentity_change", args=[1]),
        )
        self.assertEqual(SiteIdentity.objects.get().tagline_es, "Investigamos el crimen organizado.")

    def test_a_png_logo_is_kept_and_svg_or_jpeg_refused_with_the_input_kept(self):
        add = reverse("admin:articles_siteidentity_add")
        svg = image_file("logo.png", size=(10, 10), image_format="PNG")
        svg.file.seek(0)
        svg.file.truncate()
        svg.file.write(SVG)
        svg.size = len(SVG)
        svg.file.seek(0)
        response = self.client.post(add, identity_form(logo=svg, accent_color="#f4a261"))
        self.assertContains(response, "SVG files are not accepted")
        self.assertContains(response, "readers need at least 4.5 to 1")
        self.assertContains(response, 'value="tips@frontera.example"')
        response = self.client.post(add, identity_form(logo=image_file("logo.jpg", size=(300, 100))))
        self.assertContains(response, "A logo must be a PNG or WebP file")
        response = self.client.post(add, identity_form(logo=image_file("logo.png", size=(120, 40), image_format="PNG")))
        self.assertContains(response, "This logo is 40 pixels high")
        self.assertFalse(SiteIdentity.objects.exists())
        response = self.client.post(
            add, identity_form(logo=image_file("logo.webp", size=(300, 100), image_format="WEBP"))
        )
        self.assertEqual(response.status_code, 302)
        identity = SiteIdentity.objects.get()
        self.assertEqual((identity.logo_width, identity.logo_height), (300, 100))
        self.assertTrue(identity.logo.name.endswith(".webp"))

    def test_writers_cannot_change_the_identity_or_pages(self):
        self.client.force_login(self.writer)
        self.assertEqual(self.client.get(reverse("admin:articles_siteidentity_add")).status_code, 403)
        self.assertEqual(self.client.get(reverse("admin:articles_page_add")).status_code, 403)


@override_settings(SECURE_SSL_REDIRECT=False)
class PageAdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = make_user("editor")
        assign_role(cls.editor, "Editor")

    def setUp(self):
        self.client.force_login(self.editor)

    def page_form(self, **overrides):
        data = {
            "kind": "ethics",
            "title": "Ethics policy",
            "slug": "ethics",
            "summary": "",
            "body": "<p>We do not pay sources.</p>",
            "title_es": "Política ética",
            "summary_es": "",
            "body_es": "<p>No pagamos a nuestras fuentes.</p>",
            "published": "on",
            "in_footer": "on",
            "position": "3",
        }
        data.update(overrides)
        return data

    def test_an_editor_writes_a_bilingual_page_that_readers_then_see(self):
        response = self.client.post(reverse("admin:articles_page_add"), self.page_form())
        self.assertEqual(response.status_code, 302)
        self.client.logout()
        self.assertContains(self.client.get("/es/ethics/"), "No pagamos a nuestras fuentes.")

    def test_mistakes_are_shown_next_to_their_field_with_the_input_kept(self):
        response = self.client.post(
            reverse("admin:articles_page_add"), self.page_form(slug="donate", body_es="", title_es="Política ética")
        )
        self.assertContains(response, "The site already uses the address /donate/")
        self.assertContains(response, "Write both the Spanish title and the Spanish text, or neither.")
        self.assertContains(response, 'value="Política ética"')
        Page.objects.create(kind="ethics", slug="ethics", title="Ethics", body="<p>x</p>")
        response = self.client.post(reverse("admin:articles_page_add"), self.page_form(slug="ethics-2"))
        self.assertContains(response, "“Ethics” is already the newsroom&#x27;s ethics policy page")
        self.assertEqual(Page.objects.count(), 1)
