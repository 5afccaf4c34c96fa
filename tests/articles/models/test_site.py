"""The newsroom's identity: one row, colours readers can read, licences and social profiles that check out."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.test import TestCase, override_settings

from articles.models import Licence, SiteIdentity, contrast_ratio


class SiteIdentityTests(TestCase):
    @override_settings(NEWSROOM_NAME="El Faro Digital")
    def test_until_saved_the_identity_takes_its_name_from_the_setting(self):
        identity = SiteIdentity.objects.current()
        self.assertIsNone(identity.pk)
        self.assertEqual(identity.display_name, "El Faro Digital")
        self.assertEqual(identity.licence, Licence.CC_BY_NC)

    def test_there_is_only_ever_one_identity(self):
        SiteIdentity.objects.create(name="First")
        SiteIdentity(name="Second").save()
        self.assertEqual(list(SiteIdentity.objects.values_list("pk", "name")), [(1, "Second")])
        with self.assertRaises(IntegrityError):
            SiteIdentity.objects.bulk_create([SiteIdentity(pk=2, name="Third")])

    def test_an_accent_too_light_to_read_on_white_is_refused(self):
        identity = SiteIdentity(name="Newsroom", accent_color="#f4a261")
        with self.assertRaises(ValidationError) as caught:
            identity.full_clean()
        self.assertEqual(caught.exception.error_dict["accent_color"][0].code, "low_contrast")
        self.assertIn("2.1 to 1", caught.exception.messages[0])
        SiteIdentity(name="Newsroom", accent_color="#1d4ed8", accent_hover_color="#1e3a8a").full_clean()

    def test_contrast_ratio_follows_wcag(self):
        self.assertAlmostEqual(contrast_ratio("#000000", "#ffffff"), 21.0)
        self.assertAlmostEqual(contrast_ratio("#767676", "#ffffff"), 4.54, places=2)

    def test_hover_colour_defaults_to_a_darker_accent(self):
        self.assertEqual(SiteIdentity(accent_color="#a4161a").hover_color, "#7b1014")
        self.assertEqual(SiteIdentity(accent_color="#a4161a", accent_hover_color="#000000").hover_color, "#000000")

    def test_licence_deeds_follow_the_language(self):
        identity = SiteIdentity(licence=Licence.CC_BY_SA)
        self.assertEqual(identity.licence_url("en"), "https://creativecommons.org/licenses/by-sa/4.0/")
        self.assertEqual(identity.licence_url("es"), "https://creativecommons.org/licenses/by-sa/4.0/deed.es")
        self.assertEqual(identity.licence_choice.short_name, "CC BY-SA 4.0")
        self.assertEqual(SiteIdentity(licence=Licence.ALL_RIGHTS_RESERVED).licence_url(), "")

    def test_social_profiles_must_be_on_the_networks_own_hosts(self):
        identity = SiteIdentity(
            name="Newsroom",
            x_url="https://example.com/newsroom",
            facebook_url="http://facebook.com/newsroom",
            mastodon_url="https://journa.host/@newsroom",
            instagram_url="https://www.instagram.com/newsroom",
        )
        with self.assertRaises(ValidationError) as caught:
            identity.full_clean()
        self.assertEqual(set(caught.exception.error_dict), {"x_url", "facebook_url"})
        identity.x_url, identity.facebook_url = "https://x.com/newsroom", "https://facebook.com/newsroom"
        identity.full_clean()
        self.assertEqual(
            [network.label for network, _url in identity.social_accounts], ["X", "Facebook", "Instagram", "Mastodon"]
        )
