"""The image library in the admin: uploads, renditions, focal point, and where each picture is used."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import JsonResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from articles import workflow
from articles.admin.articles import _state_text
from articles.forms import (
    ImageAdminForm,
)
from articles.images import create_renditions
from articles.models import (
    Article,
    Image,
)


@admin.register(Image)
class ImageAdmin(admin.ModelAdmin):
    form = ImageAdminForm
    list_display = ["thumbnail", "alt_text", "credit", "size", "uploaded_at"]
    list_display_links = ["thumbnail", "alt_text"]
    search_fields = ["alt_text", "alt_text_es", "caption", "caption_es", "credit", "credit_es"]
    fields = [
        "file",
        "preview",
        ("focal_x", "focal_y"),
        "alt_text",
        "alt_text_es",
        "caption",
        "caption_es",
        "credit",
        "credit_es",
        "size",
        "uploaded_at",
        "shown_by",
    ]
    readonly_fields = ["preview", "size", "uploaded_at", "shown_by"]

    def has_change_permission(self, request, obj=None):
        # Writers may not change an image that published work shows (articles/workflow.py).
        return super().has_change_permission(request, obj) and workflow.can_change_image(request.user, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and workflow.can_change_image(request.user, obj)

    class Media:
        # A click on the preview sets the focal point; without JavaScript, the two number fields do.
        js = ["articles/admin/focal_point.js"]
        css = {"all": ["articles/admin/article.css"]}

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if {"file", "focal_x", "focal_y"} & set(form.changed_data):
            # The smaller copies that phones download and the cropped social card, made once per upload
            # or focal point rather than per page view.
            create_renditions(obj)

    # The rich-text editor's image dialog (articles/static/articles/admin/blocks.js): search the
    # library, and upload a new image with its words, without leaving the article.

    PICKER_RESULTS = 24

    def get_urls(self):
        return [
            path("picker/", self.admin_site.admin_view(self.picker_view), name="articles_image_picker"),
            path("upload/", self.admin_site.admin_view(self.upload_view), name="articles_image_upload"),
            *super().get_urls(),
        ]

    def _picker_item(self, image):
        return {
            "id": image.pk,
            "thumbnail": self._thumbnail_url(image),
            "alt": image.alt_text,
            "caption": image.caption,
            "credit": image.credit,
            "width": image.width,
            "height": image.height,
        }

    def picker_view(self, request):
        """Images as JSON: those whose ids are in `ids`, or the newest matching the words of `q`."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        images = Image.objects.all()
        if "ids" in request.GET:
            ids = [int(pk) for pk in request.GET["ids"].split(",") if pk.isdigit()][: self.PICKER_RESULTS]
            images = images.filter(pk__in=ids)
        for word in request.GET.get("q", "").split()[:10]:
            images = images.filter(
                Q(alt_text__icontains=word)
                | Q(alt_text_es__icontains=word)
                | Q(caption__icontains=word)
                | Q(caption_es__icontains=word)
                | Q(credit__icontains=word)
            )
        return JsonResponse({"results": [self._picker_item(image) for image in images[: self.PICKER_RESULTS]]})

    def upload_view(self, request):
        """A new image from the editor's dialog, checked as in the image form; JSON either way."""
        if request.method != "POST":
            return JsonResponse({"errors": {"__all__": [gettext("Send the image with POST.")]}}, status=405)
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = ImageAdminForm(request.POST, request.FILES)
        if not form.is_valid():
            return JsonResponse({"errors": {name: list(errors) for name, errors in form.errors.items()}}, status=400)
        image = form.save()
        create_renditions(image)
        self.log_addition(request, image, [{"added": {}}])
        return JsonResponse({"image": self._picker_item(image)}, status=201)

    @staticmethod
    def _thumbnail_url(image):
        # The smallest copy is plenty for a thumbnail, and a list of originals would weigh megabytes.
        widths = image.widths()
        return image.file.storage.url(widths[min(widths)]) if widths else image.file.url

    @staticmethod
    def _img(image, width):
        if not image.file or not image.width:
            return ""
        height = round(width * image.height / image.width)
        src = ImageAdmin._thumbnail_url(image)
        # The alt text is shown next to the picture, so the picture itself is decorative here.
        return format_html('<img src="{}" width="{}" height="{}" alt="" loading="lazy">', src, width, height)

    @admin.display(description=_("thumbnail"))
    def thumbnail(self, image):
        return self._img(image, 80)

    @admin.display(description=_("preview"))
    def preview(self, image):
        if not image.file or not image.width:
            return ""
        height = round(400 * image.height / image.width)
        return format_html(
            '<div class="focal-point" data-focal-x="{}" data-focal-y="{}">'
            '<img src="{}" width="400" height="{}" alt="">'
            '<span class="focal-point__marker" aria-hidden="true"></span></div>'
            '<p class="help">{}</p>',
            image.focal_x,
            image.focal_y,
            self._thumbnail_url(image),
            height,
            _("Click the picture on its subject to set the focal point: crops keep it in frame."),
        )

    SHOWN_BY_LISTED = 10

    @admin.display(description=_("shown by"))
    def shown_by(self, image):
        """The articles that show the image, so that whoever changes it knows what changes with it."""
        if image.pk is None:
            return "–"
        articles = list(
            workflow.articles_showing(image).only("pk", "title", "status", "publish_at")[: self.SHOWN_BY_LISTED + 1]
        )
        if not articles:
            return _("No article shows this image yet.")
        items = format_html_join(
            "",
            '<li><a href="{}">{}</a> ({})</li>',
            (
                (reverse("admin:articles_article_change", args=[article.pk]), article.title, _state_text(article))
                for article in articles[: self.SHOWN_BY_LISTED]
            ),
        )
        more = format_html("<li>{}</li>", _("and more")) if len(articles) > self.SHOWN_BY_LISTED else ""
        note = ""
        if any(article.status in (Article.Status.PUBLISHED, Article.Status.EMBARGOED) for article in articles):
            note = format_html(
                '<p class="help">{}</p>',
                _("Published work shows this image: only an editor can change or replace it."),
            )
        return format_html("<ul>{}{}</ul>{}", items, more, note)

    @admin.display(description=_("size"))
    def size(self, image):
        return f"{image.width}×{image.height}" if image.width else ""
