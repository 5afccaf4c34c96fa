"""The image library: pictures with their credits, alt text, focal point and renditions."""

from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from articles.models.languages import localized


class Image(models.Model):
    """An uploaded picture with the words that must travel with it: alt text, caption and credit."""

    file = models.ImageField(
        _("file"),
        upload_to="images/%Y/%m/",
        width_field="width",
        height_field="height",
        help_text=_("A JPEG, PNG or WebP photo or graphic."),
    )
    width = models.PositiveIntegerField(_("width"), editable=False, default=0)
    height = models.PositiveIntegerField(_("height"), editable=False, default=0)
    alt_text = models.CharField(
        _("alt text"),
        max_length=250,
        help_text=_("What the image shows, for readers who cannot see it. Required."),
    )
    alt_text_es = models.CharField(
        _("Spanish alt text"),
        max_length=250,
        blank=True,
        help_text=_("The alt text in Spanish, shown on Spanish pages. The English one is used when this is empty."),
    )
    caption = models.CharField(_("caption"), max_length=300, blank=True, help_text=_("Shown under the image."))
    caption_es = models.CharField(
        _("Spanish caption"),
        max_length=300,
        blank=True,
        help_text=_("The caption in Spanish, shown on Spanish pages. The English one is used when this is empty."),
    )
    credit = models.CharField(
        _("credit"), max_length=200, blank=True, help_text=_("Photographer or agency, e.g. “Ana Ruiz / Newsroom”.")
    )
    # Where the subject is, in percent of the width and height from the top left: every crop keeps it in frame.
    focal_x = models.PositiveSmallIntegerField(
        _("focal point across (%)"),
        default=50,
        validators=[MaxValueValidator(100)],
        help_text=_("Click the picture on where it matters most; crops keep that spot. 0 is the left edge."),
    )
    focal_y = models.PositiveSmallIntegerField(
        _("focal point down (%)"),
        default=50,
        validators=[MaxValueValidator(100)],
        help_text=_("0 is the top edge, 100 the bottom."),
    )
    credit_es = models.CharField(
        _("Spanish credit"),
        max_length=200,
        blank=True,
        help_text=_(
            "The credit as Spanish pages show it, e.g. “Foto: Ana Ruiz / Newsroom”. The English one is used when "
            "this is empty."
        ),
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    # Smaller WebP copies for responsive pages, {"480": "<storage name>", ...}; see articles/images.py.
    renditions = models.JSONField(_("renditions"), default=dict, blank=True, editable=False)
    # The original's size in bytes, for feed enclosures: asking object storage costs a request per image.
    file_size = models.PositiveBigIntegerField(_("file size"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-uploaded_at"]
        verbose_name = _("image")
        verbose_name_plural = _("images")
        constraints = [
            models.CheckConstraint(condition=Q(focal_x__lte=100, focal_y__lte=100), name="image_focal_point_inside"),
        ]

    def __str__(self):
        return self.alt_text

    def save(self, *args, **kwargs):
        if self.file and (self.file_size is None or not self.file._committed):
            # A new upload knows its size; a stored file is asked once.
            self.file_size = self.file.size
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return self.file.url

    def widths(self):
        """The resized copies, {width: storage name} (the cropped ones are named otherwise)."""
        return {int(key): name for key, name in self.renditions.items() if key.isdigit()}

    @property
    def srcset(self):
        """Every size of the image for the `srcset` attribute, smallest first, the original last."""
        storage = self.file.storage
        candidates = [f"{storage.url(name)} {width}w" for width, name in sorted(self.widths().items())]
        return ", ".join([*candidates, f"{self.file.url} {self.width}w"])

    @property
    def card_url(self):
        """The copy cropped for social cards (articles/images.py CARD_SIZE) around the focal point, else
        the original."""
        name = self.renditions.get("card")
        return self.file.storage.url(name) if name else self.file.url

    @property
    def display_alt_text(self):
        return localized(self, "alt_text")

    @property
    def display_caption(self):
        return localized(self, "caption")

    @property
    def display_credit(self):
        return localized(self, "credit")
