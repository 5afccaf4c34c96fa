"""Forms for the admin: the article form with its rich-text editor, translation picker, edit-conflict
check and slug guard; the image upload form; the tag form; and the autocomplete rows of inlines that
render without a query each."""

from django import forms
from django.conf import settings
from django.contrib import admin
from django.contrib.admin.widgets import AdminSplitDateTime, AutocompleteSelect
from django.core.exceptions import ValidationError
from django.db import models
from django.forms.models import InlineForeignKeyField
from django.urls import reverse_lazy
from django.utils import formats, timezone
from django.utils.html import strip_tags
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorFormField
from simple_history.models import to_historic
from taggit.models import Tag
from unidecode import unidecode

from articles import checks, workflow
from articles.embeds import PROVIDERS
from articles.images import prepare_upload
from articles.models import Article, ArticleLink, Image, Language, LiveUpdate, TagLanguage, other_language
from articles.sanitizer import clean_html

# What the editor offers, all of it kept by the sanitizer (articles/sanitizer.py). Headings start
# at level 2: the headline is the page's one h1. The body blocks (figures from the image library,
# embeds, pull quotes, SEE ALSO callouts) are our own extensions (articles/static/articles/admin/
# blocks.js, registered in settings.DJANGO_PROSE_EDITOR_EXTENSIONS); their addresses and words are
# handed to them here, in the admin's language.
RICH_TEXT_EXTENSIONS = {
    "Heading": {"levels": [2, 3, 4]},
    "Bold": True,
    "Italic": True,
    "Subscript": True,
    "Superscript": True,
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HorizontalRule": True,
    "HardBreak": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto"]},
    "Table": True,
    "TableRow": True,
    "TableHeader": True,
    "TableCell": True,
    "TableLabels": {
        "labels": {
            "button": _("Insert a table"),
            "items": {
                "table:addColumnAfter": _("Add a column"),
                "table:deleteColumn": _("Delete the column"),
                "table:addRowAfter": _("Add a row"),
                "table:deleteRow": _("Delete the row"),
                "table:mergeCells": _("Merge the cells"),
                "table:splitCell": _("Split the cell"),
                "table:toggleHeaderCell": _("Header cell on or off"),
                "table:deleteTable": _("Delete the table"),
            },
        }
    },
    "LibraryFigure": {
        "pickerUrl": reverse_lazy("admin:articles_image_picker"),
        "uploadUrl": reverse_lazy("admin:articles_image_upload"),
        "labels": {
            "button": _("Insert an image"),
            "title": _("Insert an image"),
            "library": _("Choose from the image library"),
            "search": _("Search by alt text, caption or credit"),
            "noResults": _("No image matches."),
            "upload": _("Or upload a new image"),
            "file": _("Image file (JPEG, PNG or WebP)"),
            "fileHelp": _(
                "The caption and credit appear under the image; the alt text is read to readers who cannot see it."
            ),
            "alt": _("Alt text"),
            "altHelp": _("What the image shows, in a sentence."),
            "altEs": _("Alt text in Spanish"),
            "caption": _("Caption"),
            "captionEs": _("Caption in Spanish"),
            "credit": _("Credit"),
            "uploadInsert": _("Upload and insert"),
            "cancel": _("Cancel"),
            "loading": _("Loading the image…"),
            "missing": _("This image is no longer in the library; it will not be shown."),
            "failed": _("The server could not be reached. Try again."),
        },
    },
    "Embed": {
        "checkUrl": reverse_lazy("admin:articles_article_embed_check"),
        "providers": {name: provider.label for name, provider in PROVIDERS.items()},
        "labels": {
            "button": _("Embed a video, document, chart or post"),
            "title": _("Embed from a link"),
            "url": _("Link to the content"),
            "help": _(
                "Paste the address of a YouTube or Vimeo video, a DocumentCloud document, a Datawrapper or "
                "Flourish chart, a post on X or Instagram, or a SoundCloud track. Readers see it once they "
                "choose to load it."
            ),
            "insert": _("Insert"),
            "cancel": _("Cancel"),
            "embed": _("Embed"),
            "failed": _("The server could not be reached. Try again."),
        },
    },
    "PullQuote": {"labels": {"button": _("Pull quote")}},
    "SeeAlso": {
        "lookupUrl": reverse_lazy("admin:articles_article_lookup"),
        "labels": {
            "button": _("Insert a SEE ALSO callout"),
            "title": _("SEE ALSO: link to another article"),
            "search": _("Search by headline"),
            "help": _("Readers see the callout only once the linked article is published."),
            "label": _("SEE ALSO:"),
            "noResults": _("No article matches."),
            "cancel": _("Cancel"),
            "loading": _("Loading…"),
            "missing": _("This article no longer exists; the callout will not be shown."),
            "failed": _("The server could not be reached. Try again."),
        },
    },
}


# A live update is a few lines of text posted in a hurry: the editor's text tools, without the body's blocks
# (figures, embeds, tables, pull quotes, SEE ALSO), which only an article's own page renders.
LIVE_UPDATE_EXTENSIONS = {
    name: options
    for name, options in RICH_TEXT_EXTENSIONS.items()
    if name not in {"LibraryFigure", "Embed", "PullQuote", "SeeAlso"} and not name.startswith("Table")
}


class RichTextField(ProseEditorFormField):
    """Rich text typed in the editor, sanitized as it is read, so that an editor's empty paragraph
    counts as empty for a required field. The model sanitizes again on save, whoever wrote it."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("config", {"extensions": RICH_TEXT_EXTENSIONS})
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        html = clean_html(super().to_python(value))
        return html if strip_tags(html).strip() else ""

    def clean(self, value):
        return forms.CharField.clean(self, value)


def time_zone_label():
    """The newsroom's time zone as staff read it next to a time: "America/Bogota (UTC−05:00)"."""
    offset = timezone.localtime().strftime("%z")
    sign = "−" if offset.startswith("-") else "+"
    return f"{settings.TIME_ZONE} (UTC{sign}{offset[1:3]}:{offset[3:]})"


class ZonedSplitDateTime(AdminSplitDateTime):
    """The admin's date and time inputs, followed by the time zone they are read in (TIME_ZONE).

    Its template is in articles/templates/, where the form renderer looks (not the project's templates/).
    """

    template_name = "articles/widgets/zoned_split_datetime.html"

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["time_zone"] = time_zone_label()
        return context


# Date-time fields say which time zone they are read in (the newsroom's, TIME_ZONE): the admin's
# formfield_overrides for every model with dates.
ZONED_DATETIMES = {models.DateTimeField: {"widget": ZonedSplitDateTime}}


class KnownChoiceAutocompleteSelect(AutocompleteSelect):
    """The admin's autocomplete select, handed its chosen object instead of fetching it.

    The stock widget runs a query for the chosen object each time it renders, so an inline of N rows
    costs N queries. A form that already holds the object (fetched with `select_related`) sets
    `chosen`; any other value, such as one posted back with a form error, is looked up as usual.
    """

    chosen = None

    def optgroups(self, name, value, attr=None):
        values = [str(v) for v in value if str(v) not in self.choices.field.empty_values]
        if self.chosen is None or values != [str(self.chosen.pk)]:
            return super().optgroups(name, value, attr)
        options = []
        if not self.is_required:
            options.append(self.create_option(name, "", "", False, 0))
        label = self.choices.field.label_from_instance(self.chosen)
        options.append(self.create_option(name, values[0], label, True, len(options)))
        return [(None, options, 0)]


class KnownChoicesForm(forms.ModelForm):
    """A model form whose autocomplete widgets reuse the related objects already on its instance."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            # The admin wraps foreign key widgets to add the "+" and edit links.
            widget = getattr(field.widget, "widget", field.widget)
            if not isinstance(widget, KnownChoiceAutocompleteSelect):
                continue
            model_field = self.instance._meta.get_field(name)
            if model_field.is_cached(self.instance):
                widget.chosen = model_field.get_cached_value(self.instance)


class KnownChoicesInlineMixin:
    """For inlines: autocomplete fields that render from the row's own related objects.

    The inline's `get_queryset` must `select_related` its autocomplete fields, or each row falls back
    to a query of its own.
    """

    form = KnownChoicesForm

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = KnownChoiceAutocompleteSelect(db_field, self.admin_site, using=kwargs.get("using"))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


# The moves that put an article before readers or partners, and so run the checks before publishing.
CHECKED_TRANSITIONS = ("publish", "schedule", "embargo", "publish-pair", "schedule-pair")


PAIR_MOVES = ("publish-pair", "schedule-pair")


class ArticleAdminForm(forms.ModelForm):
    # The stored version the form was opened on: saving over a newer one is refused (see clean()).
    edit_token = forms.CharField(widget=forms.HiddenInput, required=False)
    confirm_slug_change = forms.BooleanField(
        label=_("Change the published address"),
        required=False,
        help_text=_(
            "Readers, search engines and other sites already link to this article's address. Tick to "
            "move it to the new slug; the old address will redirect to the new one."
        ),
    )
    override_checks = forms.BooleanField(
        label=_("Publish despite the warnings"),
        required=False,
        help_text=_("The warnings above stay in the article's history, with your name."),
    )
    translation = forms.ModelChoiceField(
        label=_("Translation"),
        queryset=Article.objects.all(),
        required=False,
        # The admin's autocomplete widget takes a foreign key to learn which model admin answers its
        # searches. Translations are paired by a shared key, not a foreign key, so the widget borrows
        # ArticleLink.to_article, which points to Article as well.
        widget=KnownChoiceAutocompleteSelect(ArticleLink._meta.get_field("to_article"), admin.site),
        help_text=_(
            "The same story in the other language. Choosing an article that already has a translation "
            "replaces that pairing; clearing the field unpairs both articles."
        ),
    )

    class Meta:
        model = Article
        # Not `tags`: they are edited in their own inline, which has autocomplete.
        fields = [
            "title",
            "slug",
            "dek",
            "body",
            "analysis",
            "section",
            "language",
            "status",
            "publish_at",
            "planned_date",
            "primary_country",
            "countries",
            "primary_tag",
            "lead_image",
            "seo_title",
            "seo_description",
            "republishable",
            "live_started_at",
            "live_ended_at",
        ]
        field_classes = {"body": RichTextField, "analysis": RichTextField}

    # Set by the admin for the request: the transition asked for with this save, if any, and who asks.
    transition = None
    user = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.stored_stamp = None
        if self.instance.pk:
            # An earlier version opened for restoring carries its own old stamp; the form must carry
            # the stored one, or restoring would always look like an edit conflict.
            if to_historic(self.instance) is not None:
                stored = Article.objects.filter(pk=self.instance.pk).values_list("updated_at", flat=True)
                self.stored_stamp = stored.first()
            else:
                self.stored_stamp = self.instance.updated_at
            self.fields["edit_token"].initial = self.stored_stamp.isoformat() if self.stored_stamp else ""
        if self.slug_follows_title:
            # Shown empty, so that the admin's script fills it in from the headline as it is translated.
            self.initial["slug"] = ""
            self.fields["slug"].required = False
            self.fields["slug"].help_text = _("Filled in from the translated headline. Type one to choose it.")
        self.current_translation = None
        if self.instance.pk:
            self.current_translation = Article.objects.translations_of(self.instance).first()
        if self.current_translation is not None:
            self.initial.setdefault("translation", self.current_translation.pk)
            self.fields["translation"].widget.chosen = self.current_translation

    @property
    def slug_follows_title(self):
        """A translation's draft, never published, whose slug was made by Translate from the original's
        headline: its slug follows its own headline until someone types one."""
        article = self.instance
        if not article.pk or article.published_on is not None or article.source_revision is None:
            return False
        return article.slug.startswith(slugify(unidecode(article.title))[:190])

    # The problems found by the checks before publishing in what was typed (articles/checks.py);
    # set once the form is validated.
    problems = None

    def clean_slug(self):
        slug = self.cleaned_data["slug"]
        article = self.instance
        if to_historic(article) is not None:
            # A version being restored: whether the address is public is the stored article's business.
            article = Article.objects.filter(pk=article.pk).only("slug", "published_on").first() or article
        if not slug and self.slug_follows_title:
            from articles.services import unique_slug

            return unique_slug(self.cleaned_data.get("title") or article.title, article.language, exclude=article.pk)
        moved = article.pk and article.published_on is not None and slug != article.slug
        if moved and not self.data.get(self.add_prefix("confirm_slug_change")):
            raise ValidationError(
                _(
                    "This article has been published at “%(slug)s”. Tick “Change the published "
                    "address” to move it; the old address will redirect to the new one."
                ),
                code="published_slug_change",
                params={"slug": article.slug},
            )
        return slug

    def clean(self):
        cleaned_data = super().clean()
        self._check_edit_conflict()
        publish_at = cleaned_data.get("publish_at", self.instance.publish_at)
        time_field = "publish_at" if "publish_at" in self.fields else None
        if self.transition in ("schedule", "schedule-pair", "embargo") and (
            publish_at is None or publish_at <= timezone.now()
        ):
            message = (
                _("Set the time the embargo lifts (the publish time) in the future to embargo.")
                if self.transition == "embargo"
                else _("Set a publish time in the future to schedule.")
            )
            code = "embargo" if self.transition == "embargo" else "schedule"
            self.add_error(time_field, ValidationError(message, code=f"{code}_needs_future_time"))
        self._check_embargo(publish_at, time_field)
        self._check_translation_ready(cleaned_data)
        translation = cleaned_data.get("translation")
        language = cleaned_data.get("language")
        if translation is None:
            return cleaned_data
        if translation != self.current_translation:
            self._check_pairing_allowed(translation)
        if translation.pk == self.instance.pk:
            self.add_error(
                "translation",
                ValidationError(_("An article cannot be its own translation."), code="self_translation"),
            )
        elif language and translation.language == language:
            self.add_error(
                "translation",
                ValidationError(
                    _("“%(title)s” is in %(language)s too. Choose the version in the other language."),
                    code="same_language_translation",
                    params={"title": translation.title, "language": translation.get_language_display()},
                ),
            )
        return cleaned_data

    def _check_embargo(self, publish_at, time_field):
        """Under embargo: no publishing before it lifts, and its time moves only to a time still to come."""
        if not self.instance.pk:
            return
        stored = Article.objects.filter(pk=self.instance.pk).first()
        if stored is None:
            return
        if self.transition in ("publish", "schedule", "publish-pair", "schedule-pair"):
            refusal = workflow.embargo_refusal(stored)
            if refusal is not None:
                self.add_error(None, refusal)
        if time_field is not None:
            error = workflow.embargo_time_error(stored, publish_at)
            if error is not None:
                self.add_error(time_field, error)

    def _check_pairing_allowed(self, translation):
        """Choosing `translation` takes it from the article it is paired with now: only someone who may
        edit both may do that, so a writer's draft can never unpair published work from its translation."""
        taken_from = Article.objects.translations_of(translation).exclude(pk=self.instance.pk).first()
        if taken_from is None or self.user is None:
            return
        if workflow.can_edit(self.user, translation) and workflow.can_edit(self.user, taken_from):
            return
        self.add_error(
            "translation",
            ValidationError(
                _(
                    "“%(title)s” is already the translation of “%(other)s”, and you may not change that pair. "
                    "Ask an editor, or choose an article without a translation."
                ),
                code="translation_taken",
                params={"title": translation.title, "other": taken_from.title},
            ),
        )

    def _check_translation_ready(self, cleaned_data):
        """For "publish", "schedule" and "embargo" (and both of a pair): refuse a translation nobody
        finished, or one that would go out before its original's embargo lifts, with the words as typed in
        this form; and an embargo that would lift after its translation goes out."""
        if self.transition not in ("publish", "schedule", "embargo", *PAIR_MOVES) or not self.instance.pk:
            return
        article = Article(
            pk=self.instance.pk,
            title=cleaned_data.get("title", self.instance.title),
            dek=cleaned_data.get("dek", self.instance.dek),
            body=cleaned_data.get("body", self.instance.body),
            translation_key=self.instance.translation_key,
            source_revision=self.instance.source_revision,
            needs_review=self.instance.needs_review,
        )
        partner = self.current_translation
        scheduling = self.transition in ("schedule", "schedule-pair", "embargo")
        when = cleaned_data.get("publish_at", self.instance.publish_at) if scheduling else timezone.now()
        try:
            workflow.check_translation_ready(article, partner=partner, when=when)
            if self.transition == "embargo" and when is not None:
                error = workflow.pair_timing_error(self.instance, publish_at=when, embargoed=True)
                if error is not None:
                    raise error
            partner_waits = partner is not None and partner.status not in Article.PUBLIC_STATUSES
            if self.transition.endswith("-pair") and partner_waits:
                workflow.check_translation_ready(partner, partner=article, when=when)
        except ValidationError as error:
            self.add_error(None, error)

    def _post_clean(self):
        super()._post_clean()
        # Run on the instance as the form has filled it in, so the checks see what was typed.
        if "section" in self.errors or self.instance.section_id is None:
            return
        translation = self.cleaned_data.get("translation") if "translation" in self.cleaned_data else checks.LOOKUP
        self.problems = checks.run(self.instance, translation=translation)
        if self.transition not in CHECKED_TRANSITIONS:
            return
        override = bool(self.cleaned_data.get("override_checks"))
        blocking = checks.blocking(self.problems, override=override)
        partner = self.current_translation
        if self.transition.endswith("-pair") and partner is not None and partner.status not in Article.PUBLIC_STATUSES:
            # Both go out: the translation's checks too, as stored (the override covers both).
            partner_blocking = checks.blocking(checks.run(partner, translation=self.instance), override=override)
            if partner_blocking:
                self.add_error(
                    None,
                    ValidationError(
                        _(
                            "Not published: the checks before publishing found something in the translation, "
                            "“%(title)s”: %(problems)s"
                        ),
                        code="checks_failed_translation",
                        params={
                            "title": partner.title,
                            "problems": " ".join(problem.message for problem in partner_blocking),
                        },
                    ),
                )
        if not blocking:
            return
        if all(problem.overridable for problem in blocking):
            message = _(
                "Not published yet: the checks before publishing found something (listed at the top). Fix it, "
                "or tick “Publish despite the warnings” and publish again."
            )
        else:
            message = _(
                "Not published: the checks before publishing found something that must be fixed first "
                "(listed at the top)."
            )
        self.add_error(None, ValidationError(message, code="checks_failed"))

    def _check_edit_conflict(self):
        """Refuse to save over a version saved by someone else since this form was opened.

        The error names who saved and when; the form then carries the new version's stamp, so that
        saving again, once the writer has looked, replaces it on purpose rather than by accident.
        """
        if not self.instance.pk:
            return
        stored = Article.objects.filter(pk=self.instance.pk).values_list("updated_at", flat=True).first()
        if stored is None or self.cleaned_data.get("edit_token") == stored.isoformat():
            return
        latest = self.instance.history.select_related("history_user").first()
        who = latest.history_user if latest is not None and latest.history_user else None
        self.add_error(
            None,
            ValidationError(
                _(
                    "%(who)s saved this article at %(when)s, after you opened it. Your changes are not saved "
                    "yet: compare them with the new version in History (open it in another tab). Save "
                    "again to replace that version with yours."
                ),
                code="edit_conflict",
                params={
                    "who": (who.get_full_name() or who.get_username()) if who else _("Someone else"),
                    "when": formats.date_format(timezone.localtime(stored), "DATETIME_FORMAT"),
                },
            ),
        )
        self.data = self.data.copy()
        self.data[self.add_prefix("edit_token")] = stored.isoformat()

    @property
    def translation_changed(self):
        """Whether the chosen translation differs from the one the article had; valid forms only."""
        return self.cleaned_data.get("translation") != self.current_translation


class VerifiedImageField(forms.ImageField):
    """An image upload checked by its content and cleaned (articles/images.py), not trusted by name."""

    def to_python(self, data):
        upload = forms.FileField.to_python(self, data)
        if upload is None:
            return None
        return prepare_upload(upload)


class ImageAdminForm(forms.ModelForm):
    """The image form of the admin and of the editor's upload dialog (which sends no focal point: the
    centre until an editor sets one)."""

    class Meta:
        model = Image
        fields = ["file", "alt_text", "alt_text_es", "caption", "caption_es", "credit", "focal_x", "focal_y"]
        field_classes = {"file": VerifiedImageField}
        widgets = {
            "file": forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
            "focal_x": forms.NumberInput(attrs={"min": 0, "max": 100, "step": 1}),
            "focal_y": forms.NumberInput(attrs={"min": 0, "max": 100, "step": 1}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("focal_x", "focal_y"):
            if name in self.fields:
                self.fields[name].required = False

    def clean_focal_x(self):
        return 50 if self.cleaned_data.get("focal_x") is None else self.cleaned_data["focal_x"]

    def clean_focal_y(self):
        return 50 if self.cleaned_data.get("focal_y") is None else self.cleaned_data["focal_y"]


class TagAdminForm(forms.ModelForm):
    """A tag with its language and its counterpart in the other language (TagLanguage)."""

    language = forms.ChoiceField(
        label=_("Language"),
        choices=Language.choices,
        initial=Language.ENGLISH,
        help_text=_("The language of the articles that use this tag."),
    )
    counterpart = forms.ModelChoiceField(
        label=_("Counterpart"),
        queryset=Tag.objects.all(),
        required=False,
        # Borrows the label's foreign key to Tag to learn which admin answers the autocomplete's searches.
        widget=KnownChoiceAutocompleteSelect(Article._meta.get_field("primary_tag"), admin.site),
        help_text=_(
            "The same topic in the other language, e.g. “Extorsión” for “Extortion”. The language switch of "
            "the tag page leads there, and Translate gives a translation this tag's counterpart."
        ),
    )

    class Meta:
        model = Tag
        fields = ["name", "slug"]

    # Set by the admin for the request.
    user = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.info = TagLanguage.objects.filter(tag=self.instance).first() if self.instance.pk else None
        self.current_counterpart = None
        if self.info is not None:
            self.initial.setdefault("language", self.info.language)
            if self.info.translation_key is not None:
                other = (
                    TagLanguage.objects.filter(translation_key=self.info.translation_key)
                    .exclude(tag=self.instance)
                    .select_related("tag")
                    .first()
                )
                self.current_counterpart = other.tag if other else None
        if self.current_counterpart is not None:
            self.initial.setdefault("counterpart", self.current_counterpart.pk)
            self.fields["counterpart"].widget.chosen = self.current_counterpart

    def clean_counterpart(self):
        counterpart = self.cleaned_data.get("counterpart")
        if counterpart is None or counterpart == self.current_counterpart:
            return counterpart
        if counterpart.pk == self.instance.pk:
            raise ValidationError(_("A tag cannot be its own counterpart."), code="self_translation")
        info = TagLanguage.objects.filter(tag=counterpart).first()
        if info is not None and info.language == self.cleaned_data.get("language"):
            raise ValidationError(
                _("“%(name)s” is in the same language. Choose the tag in the other language."),
                code="same_language_tag",
                params={"name": counterpart.name},
            )
        taken = info is not None and info.translation_key is not None
        if taken and self.user is not None and not self.user.has_perm("taggit.change_tag"):
            # Pairing would take the tag from its counterpart: an editor's call.
            raise ValidationError(
                _("“%(name)s” already has a counterpart; ask an editor to change it."),
                code="counterpart_taken",
                params={"name": counterpart.name},
            )
        return counterpart

    def save_language(self):
        """Store the tag's language and pairing; called by the admin once the tag itself is saved."""
        from articles import services

        language = self.cleaned_data["language"]
        TagLanguage.objects.update_or_create(tag=self.instance, defaults={"language": language})
        counterpart = self.cleaned_data.get("counterpart")
        if counterpart == self.current_counterpart and self.info is not None and self.info.language == language:
            return
        if counterpart is None:
            services.unpair_tag(tag=self.instance)
            return
        TagLanguage.objects.update_or_create(tag=counterpart, defaults={"language": other_language(language)})
        services.pair_tags(tag=self.instance, counterpart=counterpart)

    def clean_name(self):
        # Tags compare case-insensitively (TAGGIT_CASE_INSENSITIVE), so "Extortion" and
        # "extortion" must not become two tags through the admin either.
        name = self.cleaned_data["name"]
        existing = Tag.objects.filter(name__iexact=name).exclude(pk=self.instance.pk).first()
        if existing is not None:
            raise ValidationError(
                _("There is already a tag called “%(name)s”."), code="duplicate_tag", params={"name": existing.name}
            )
        return name

    def clean_slug(self):
        # Plain ASCII addresses, as tags added anywhere else get: "extorsión" -> extorsion.
        slug = slugify(unidecode(self.cleaned_data.get("slug") or self.cleaned_data.get("name") or ""))
        if not slug:
            raise ValidationError(_("Give the tag an address made of letters or numbers."), code="empty_slug")
        if Tag.objects.filter(slug=slug).exclude(pk=self.instance.pk).exists():
            raise ValidationError(
                _("Another tag already has the address “%(slug)s”."), code="duplicate_slug", params={"slug": slug}
            )
        return slug


class LiveUpdateForm(KnownChoicesForm):
    """A live update: its text in the article's editor (text tools only) and through the one sanitizer."""

    body = RichTextField(
        label=_("text"),
        help_text=_("What happened. Formatting is cleaned on save."),
        config={"extensions": LIVE_UPDATE_EXTENSIONS},
    )

    class Meta:
        model = LiveUpdate
        fields = ["article", "published_at", "title", "body", "pinned", "author"]

    def clean(self):
        cleaned_data = super().clean()
        # In the article's own inline, the article is what its form says now (live coverage just set counts).
        article = cleaned_data.get("article")
        if article is not None and not article.is_live:
            # The inline's article field is hidden: its error goes to the row itself.
            field = None if isinstance(self.fields["article"], InlineForeignKeyField) else "article"
            self.add_error(
                field,
                ValidationError(
                    _("“%(title)s” is not a live story: set when its live coverage started first."),
                    code="not_a_live_story",
                    params={"title": article.title},
                ),
            )
        return cleaned_data
