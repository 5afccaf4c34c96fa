"""Forms for the admin: the article form with its translation picker, the tag form, and the
autocomplete rows of inlines that render without a query each."""

from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from articles.models import Article, ArticleLink


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


class ArticleAdminForm(forms.ModelForm):
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
            "primary_country",
            "countries",
            "primary_tag",
            "lead_image",
            "seo_title",
            "seo_description",
            "republishable",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.current_translation = None
        if self.instance.pk:
            self.current_translation = Article.objects.translations_of(self.instance).first()
        if self.current_translation is not None:
            self.initial.setdefault("translation", self.current_translation.pk)
            self.fields["translation"].widget.chosen = self.current_translation

    def clean(self):
        cleaned_data = super().clean()
        translation = cleaned_data.get("translation")
        language = cleaned_data.get("language")
        if translation is None:
            return cleaned_data
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

    @property
    def translation_changed(self):
        """Whether the chosen translation differs from the one the article had; valid forms only."""
        return self.cleaned_data.get("translation") != self.current_translation


class TagAdminForm(forms.ModelForm):
    class Meta:
        model = Tag
        fields = ["name", "slug"]

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
