"""The bilingual desk in the article admin: the Translate action, each article's translation status as a
column and a filter, the side-by-side view of what changed in an original since its translation was last
brought up to date, marking a translation up to date, publishing a pair in one step, translated
corrections, and the Translations page. Mixed into ArticleAdmin (articles/admin/articles.py).
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from articles import diffs, services, workflow
from articles.models import Article, Correction, Language, TranslationState, other_language, translation_state_counts

# The fields a translator compares, in the order the article page shows them.
COMPARED_FIELDS = [
    ("title", _("Headline")),
    ("dek", _("Dek")),
    ("body", _("Body")),
    ("analysis", _("Analysis")),
    ("seo_title", _("SEO title")),
    ("seo_description", _("SEO description")),
]
# How many articles each list of the Translations page shows.
TRANSLATIONS_PAGE_ROWS = 30


def translate_label(language):
    """ "Translate into Spanish" for an English article, "Translate into English" for a Spanish one."""
    if other_language(language) == Language.SPANISH:
        return gettext("Translate into Spanish")
    return gettext("Translate into English")


class TranslationStateFilter(admin.SimpleListFilter):
    """Articles by where their translation stands (ArticleQuerySet.with_translation_state)."""

    title = _("translation")
    parameter_name = "translation"

    def lookups(self, request, model_admin):
        return TranslationState.choices

    def queryset(self, request, queryset):
        if self.value() in TranslationState.values:
            return queryset.in_translation_state(self.value())
        return queryset


class CorrectionTranslationForm(forms.Form):
    text = forms.CharField(
        label=_("Translated text"),
        widget=forms.Textarea(attrs={"rows": 4, "cols": 80}),
        help_text=_("What was wrong and what we changed, in the language of this version."),
    )


class TranslationAdminMixin:
    """Translation views, actions and columns for ArticleAdmin."""

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("translations/", view(self.translations_view), name="articles_article_translations"),
            # Article ids are integers: "<path:...>" would swallow the longer address below.
            path(
                "<int:object_id>/corrections/<int:correction_id>/translate/",
                view(self.translate_correction_view),
                name="articles_article_translate_correction",
            ),
            path("<int:object_id>/translate/", view(self.translate_view), name="articles_article_translate"),
            path("<int:object_id>/translation/", view(self.compare_view), name="articles_article_compare"),
            *super().get_urls(),
        ]

    # Columns -------------------------------------------------------------------------------------------

    # Not sortable: sorting a whole archive by a state derived per row would read every pair.
    @admin.display(description=_("translation"))
    def translation_status(self, article):
        state = TranslationState(article.translation_state)
        css = f"translation-state translation-state--{state.value}"
        if state == TranslationState.OUTDATED:
            return format_html(
                '<a class="{}" href="{}">{}</a>',
                css,
                reverse("admin:articles_article_compare", args=[article.pk]),
                state.label,
            )
        return format_html('<span class="{}">{}</span>', css, state.label)

    # Translate -----------------------------------------------------------------------------------------

    def _translate(self, request, article):
        """Run the Translate action on `article` for `request.user`; the draft, or None with a message."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        try:
            result = services.translate_article(article=article, user=request.user)
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.WARNING)
            return None
        draft = result.draft
        self.message_user(
            request,
            format_html(
                gettext("“{title}” now has its {language} draft, paired with it: {link}."),
                title=article.title,
                language=draft.get_language_display().lower(),
                link=format_html(
                    '<a href="{}">{}</a>', reverse("admin:articles_article_change", args=[draft.pk]), draft.title
                ),
            ),
            messages.SUCCESS,
        )
        if result.machine:
            self.message_user(
                request,
                gettext(
                    "The words are a machine translation by %(provider)s: read and correct them, then press "
                    "“Mark translation up to date”. Until then it cannot be published."
                )
                % {"provider": result.machine},
                messages.WARNING,
            )
        if result.machine_error:
            self.message_user(
                request,
                gettext("No machine translation this time (%(error)s): the words are the original's to translate.")
                % {"error": result.machine_error},
                messages.WARNING,
            )
        if result.untranslated_tags:
            self.message_user(
                request,
                gettext(
                    "These tags have no counterpart in %(language)s yet, so the draft does not have them: %(tags)s."
                )
                % {"language": draft.get_language_display().lower(), "tags": ", ".join(result.untranslated_tags)},
                messages.WARNING,
            )
        if result.unlinked:
            self.message_user(
                request,
                gettext(
                    "These linked articles have no %(language)s version yet, so the draft does not link them: "
                    "%(titles)s."
                )
                % {
                    "language": draft.get_language_display().lower(),
                    "titles": ", ".join(f"“{title}”" for title in result.unlinked),
                },
                messages.WARNING,
            )
        return draft

    def translate_view(self, request, object_id):
        """POST: the Translate button of the change form; opens the new draft."""
        if request.method != "POST":
            return HttpResponseRedirect(reverse("admin:articles_article_change", args=[object_id]))
        article = self.get_object(request, unquote(str(object_id)))
        if article is None or not self.has_view_permission(request, article):
            raise Http404
        draft = self._translate(request, article)
        target = draft or Article.objects.translations_of(article).first() or article
        return HttpResponseRedirect(reverse("admin:articles_article_change", args=[target.pk]))

    @admin.action(description=_("Translate into the other language"), permissions=["add"])
    def translate(self, request, queryset):
        drafts = [draft for article in queryset if (draft := self._translate(request, article)) is not None]
        if len(drafts) == 1:
            return HttpResponseRedirect(reverse("admin:articles_article_change", args=[drafts[0].pk]))
        return None

    # Publishing a pair -----------------------------------------------------------------------------------

    def _apply_to_pairs(self, request, queryset, name):
        done, refused = [], []
        seen = set()
        for article in queryset:
            if article.pk in seen:
                continue
            try:
                moved = workflow.apply_to_pair(article=article, name=name, user=request.user)
            except PermissionDenied:
                refused.append(f"“{article.title}”")
            except ValidationError as error:
                refused.append(f"“{article.title}” ({' '.join(error.messages)})")
            else:
                done += moved
                seen.update(moved_article.pk for moved_article in moved)
        if done:
            self.message_user(
                request,
                ngettext("%(count)d article: %(state)s.", "%(count)d articles: %(state)s.", len(done))
                % {"count": len(done), "state": ", ".join(self.state_text(a) for a in done)},
                messages.SUCCESS,
            )
        if refused:
            self.message_user(
                request,
                gettext("Not changed: %(titles)s.") % {"titles": "; ".join(refused)},
                messages.WARNING,
            )

    @admin.action(description=_("Publish now, with their translations"), permissions=["publish"])
    def publish_pairs(self, request, queryset):
        self._apply_to_pairs(request, queryset, workflow.PUBLISH.name)

    @admin.action(description=_("Schedule at their publish time, with their translations"), permissions=["publish"])
    def schedule_pairs(self, request, queryset):
        self._apply_to_pairs(request, queryset, workflow.SCHEDULE.name)

    # Compare and mark up to date -----------------------------------------------------------------------

    def compare_view(self, request, object_id):
        """What changed in the original since its translation was last brought up to date, side by side with
        the translation as it is; POST marks the translation up to date (the translator's explicit act)."""
        article = self.get_object(request, unquote(str(object_id)))
        if article is None or not self.has_view_permission(request, article):
            raise Http404
        partner = Article.objects.translations_of(article).first()
        if partner is None:
            self.message_user(request, gettext("This article has no translation yet."), messages.WARNING)
            return HttpResponseRedirect(reverse("admin:articles_article_change", args=[article.pk]))
        translation, source = (article, partner) if article.is_translation_of(partner) else (partner, article)
        if request.method == "POST":
            try:
                services.mark_up_to_date(article=translation, user=request.user)
            except ValidationError as error:
                self.message_user(request, " ".join(error.messages), messages.ERROR)
            else:
                self.message_user(
                    request,
                    gettext("“%(title)s” is marked up to date with revision %(revision)s of the original.")
                    % {"title": translation.title, "revision": source.revision},
                    messages.SUCCESS,
                )
            return HttpResponseRedirect(request.path)
        base_revision = translation.source_revision
        then = None
        if base_revision is not None and base_revision != source.revision:
            then = source.history.filter(revision=base_revision).order_by("-history_date").first()
        rows = []
        for name, label in COMPARED_FIELDS:
            now_text = getattr(source, name)
            changed = diffs.side_by_side(getattr(then, name), now_text) if then is not None else None
            if not (now_text or getattr(translation, name) or changed):
                continue
            rows.append(
                {
                    "label": label,
                    "then": changed[0] if changed else None,
                    "now": changed[1] if changed else diffs.plain(now_text),
                    "changed": bool(changed),
                    "translation": diffs.plain(getattr(translation, name)),
                }
            )
        state = article.translation_state_with(partner)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": gettext("Translation of “%(title)s”") % {"title": source.title},
            "source": source,
            "translation": translation,
            "state": state,
            "state_label": TranslationState(state).label,
            "base_revision": base_revision,
            "history_missing": base_revision is not None and base_revision != source.revision and then is None,
            "rows": rows,
            "can_mark": workflow.can_edit(request.user, translation)
            and (state != TranslationState.UP_TO_DATE or translation.needs_review),
        }
        return TemplateResponse(request, "admin/articles/article/compare.html", context)

    # Corrections ---------------------------------------------------------------------------------------

    def untranslated_corrections(self, article, partner):
        """The corrections of `partner` that `article`, its translation, does not have yet."""
        if partner is None:
            return []
        return list(partner.corrections.exclude(translations__article=article).order_by("published_at", "pk"))

    def translate_correction_view(self, request, object_id, correction_id):
        """The translated version of one correction of the other-language article, added to this one."""
        article = self.get_object(request, unquote(str(object_id)))
        if article is None:
            raise Http404
        partner = Article.objects.translations_of(article).first()
        correction = Correction.objects.filter(pk=correction_id, article=partner).first() if partner else None
        if correction is None:
            raise Http404
        if not workflow.can_edit(request.user, article):
            raise PermissionDenied
        change_url = reverse("admin:articles_article_change", args=[article.pk])
        form = CorrectionTranslationForm(request.POST or None, initial={"text": correction.text})
        if request.method == "POST" and form.is_valid():
            try:
                services.translate_correction(correction=correction, text=form.cleaned_data["text"], user=request.user)
            except ValidationError as error:
                self.message_user(request, " ".join(error.messages), messages.WARNING)
            else:
                self.message_user(
                    request,
                    gettext("The translated %(kind)s is now on “%(title)s”.")
                    % {"kind": correction.get_kind_display().lower(), "title": article.title},
                    messages.SUCCESS,
                )
            return HttpResponseRedirect(change_url)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": gettext("Translate a correction into %(language)s")
            % {"language": article.get_language_display().lower()},
            "article": article,
            "correction": correction,
            "form": form,
            "change_url": change_url,
        }
        return TemplateResponse(request, "admin/articles/article/translate_correction.html", context)

    def offer_translated_corrections(self, request, article, new_corrections):
        """After corrections were added to `article`: a message with a link to add each to its translation."""
        partner = Article.objects.translations_of(article).first()
        if partner is None or not new_corrections:
            return
        links = format_html_join(
            " · ",
            '<a href="{}">{}</a>',
            (
                (
                    reverse("admin:articles_article_translate_correction", args=[partner.pk, correction.pk]),
                    correction.text[:60],
                )
                for correction in new_corrections
            ),
        )
        self.message_user(
            request,
            format_html(
                gettext("Add the {language} version to “{title}” too: {links}"),
                language=partner.get_language_display().lower(),
                title=partner.title,
                links=links,
            ),
            messages.INFO,
        )

    # The Translations page -------------------------------------------------------------------------------

    def translations_view(self, request):
        """Where every translation stands: counts by state and language, and the articles that need a
        translator, each with the one click that helps."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        counts = translation_state_counts()
        changelist = reverse("admin:articles_article_changelist")
        table = [
            {
                "label": state.label,
                "cells": [
                    {
                        "count": counts.get((state.value, code, True), 0) + counts.get((state.value, code, False), 0),
                        "url": f"{changelist}?translation={state.value}&language__exact={code}",
                    }
                    for code in Language.values
                ],
            }
            for state in TranslationState
        ]

        def newest(state):
            articles = Article.objects.in_translation_state(state).select_related("section")
            return articles.defer("body", "analysis")

        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": gettext("Translations"),
            "languages": Language.choices,
            "table": table,
            "outdated": list(newest(TranslationState.OUTDATED)[:TRANSLATIONS_PAGE_ROWS]),
            "missing": list(
                newest(TranslationState.MISSING).filter(status__in=Article.PUBLIC_STATUSES)[:TRANSLATIONS_PAGE_ROWS]
            ),
            "in_progress": list(
                newest(TranslationState.IN_PROGRESS).exclude(source_revision=None)[:TRANSLATIONS_PAGE_ROWS]
            ),
            "can_translate": self.has_add_permission(request),
        }
        return TemplateResponse(request, "admin/articles/article/translations.html", context)
