"""Articles in the admin: the list, the change form, and the editorial workflow's moves.

Articles follow the editorial workflow of articles/workflow.py: every permission method, form field
and save path below asks it, so a writer's browser cannot do what the writer's role may not.
"""

import functools
from dataclasses import dataclass

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.functional import lazy
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin
from simple_history.models import to_historic

from articles import calendar, checks, embeds, history, services, workflow
from articles.admin.article_filters import MineFilter, PublicationFilter, StaleDraftFilter, _mine
from articles.admin.article_parts import (
    BylineInline,
    CorrectionInline,
    LinkInline,
    LiveUpdateInline,
    PartnerLinkInline,
    PreviewLinkInline,
    TagInline,
)
from articles.admin.translations import TranslationAdminMixin, TranslationStateFilter, translate_label
from articles.forms import (
    ZONED_DATETIMES,
    ArticleAdminForm,
    time_zone_label,
)
from articles.models import (
    Article,
    ArticleAuthor,
    Correction,
    PartnerLink,
    PreviewLink,
    TranslationState,
)
from donations.admin.feedback import ArticleHelpfulColumns


@admin.register(Article)
class ArticleAdmin(TranslationAdminMixin, ArticleHelpfulColumns, SimpleHistoryAdmin):
    form = ArticleAdminForm
    list_display = [
        "headline",
        "section",
        "language",
        "status_label",
        "translation_status",
        "publish_time",
        "byline",
        "primary_country",
        "length",
        "helpful_yes",
        "helpful_no",
        "helpful_share",
    ]
    list_select_related = ["section", "primary_country"]
    list_filter = [
        "status",
        PublicationFilter,
        StaleDraftFilter,
        MineFilter,
        "section",
        "language",
        TranslationStateFilter,
        # Only the countries that lead some article and the authors who sign one, not everyone on file.
        ("primary_country", admin.RelatedOnlyFieldListFilter),
        ("authors", admin.RelatedOnlyFieldListFilter),
        "publish_at",
    ]
    search_fields = ["title", "dek", "slug", "authors__name"]
    date_hierarchy = "publish_at"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["section", "primary_country", "countries", "primary_tag", "lead_image"]
    inlines = [
        BylineInline,
        TagInline,
        LinkInline,
        CorrectionInline,
        LiveUpdateInline,
        PreviewLinkInline,
        PartnerLinkInline,
    ]
    actions = [
        "translate",
        "submit_for_review",
        "return_to_draft",
        "publish_now",
        "publish_pairs",
        "schedule",
        "schedule_pairs",
        "embargo",
        "unpublish",
    ]
    formfield_overrides = ZONED_DATETIMES
    object_history_template = "admin/articles/article/object_history.html"
    object_history_form_template = "admin/articles/article/object_history_form.html"

    class Media:
        css = {"all": ["articles/admin/article.css"]}

    def get_urls(self):
        # The editorial calendar (articles/calendar.py), beside the article list.
        def wrap(view):
            return self.admin_site.admin_view(functools.partial(view, model_admin=self))

        info = f"{self.opts.app_label}_{self.opts.model_name}"
        return [
            path("calendar/", wrap(calendar.calendar_view), name="articles_article_calendar"),
            path("calendar/<int:pk>/move/", wrap(calendar.move_view), name="articles_article_calendar_move"),
            # For the rich-text editor's SEE ALSO and embed dialogs (below).
            path("lookup/", self.admin_site.admin_view(self.lookup_view), name="articles_article_lookup"),
            path(
                "embed-check/", self.admin_site.admin_view(self.embed_check_view), name="articles_article_embed_check"
            ),
            path(
                "<path:object_id>/history/compare/",
                self.admin_site.admin_view(self.history_compare_view),
                name=f"{info}_history_compare",
            ),
            path(
                "<path:object_id>/unpublish/",
                self.admin_site.admin_view(self.unpublish_view),
                name=f"{info}_unpublish",
            ),
            *super().get_urls(),
        ]

    def get_fieldsets(self, request, obj=None):
        story = ["title", "slug", "dek", "body", "analysis", "length", "edit_token"]
        if obj is not None and obj.published_on is not None and self.has_change_permission(request, obj):
            story.insert(2, "confirm_slug_change")
        return [
            (_("Story"), {"fields": story}),
            (
                _("Publishing"),
                {
                    "fields": [
                        "section",
                        "language",
                        "state",
                        "publish_at",
                        "planned_date",
                        "publication_record",
                        ("created_at", "updated_at"),
                    ]
                },
            ),
            (
                _("Topics"),
                {
                    "fields": ["primary_country", "countries", "primary_tag"],
                    "description": _("Tags are listed under the story, with the byline."),
                },
            ),
            (_("Lead image"), {"fields": ["lead_image"]}),
            (
                _("Live coverage"),
                {
                    "fields": [("live_started_at", "live_ended_at")],
                    "classes": ["collapse"],
                    "description": _(
                        "For a developing story: start the live coverage, then add updates below. "
                        "End it when the story stops developing."
                    ),
                },
            ),
            (_("Translation"), {"fields": ["translation", "translation_record"]}),
            (
                _("SEO and republishing"),
                {"fields": ["seo_title", "seo_description", "republishable"], "classes": ["collapse"]},
            ),
        ]

    def get_readonly_fields(self, request, obj=None):
        # The status moves only through the workflow's buttons and actions, never by typing.
        readonly = ["state", "publication_record", "length", "created_at", "updated_at", "translation_record"]
        if obj is not None and to_historic(obj) is not None:
            # Restoring a version never changes when or whether it is published.
            readonly.append("publish_at")
        if not workflow.can_publish(request.user):
            # Scheduling is an editor's call.
            readonly.append("publish_at")
        return readonly

    def get_queryset(self, request):
        # The byline column names every author: one query for all rows rather than one per row.
        # The section is part of the article's address ("view on site"); list_select_related does not
        # apply to a queryset that already selects related objects, so both columns are named here.
        # The translation status is derived in the same query (ArticleQuerySet.with_translation_state).
        # The lead image is read by the checks before publishing on the change form.
        queryset = (
            super()
            .get_queryset(request)
            .with_translation_state()
            .select_related("section", "primary_country", "lead_image")
            .prefetch_related(Prefetch("bylines", queryset=ArticleAuthor.objects.select_related("author")))
        )
        if not workflow.can_publish(request.user):
            # Marked in the headline column; and first in the list (get_ordering).
            queryset = queryset.annotate(is_mine=_mine(request.user))
        return queryset

    def get_ordering(self, request):
        if workflow.can_publish(request.user):
            return super().get_ordering(request)
        # A writer's own pieces first, each group in the usual order.
        return [_mine(request.user).desc(), *Article._meta.ordering]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        form.transition = self._requested_transition(request)
        form.user = request.user
        return form

    # Permissions: the model permissions of the user's groups (articles/roles.py), narrowed for each
    # article by the workflow. `obj` may be an earlier version being restored: judge the stored one.

    def _stored(self, obj):
        if obj is None or obj.pk is None:
            return obj
        if to_historic(obj) is not None:
            return Article.objects.filter(pk=obj.pk).first()
        return obj

    def has_change_permission(self, request, obj=None):
        if not super().has_change_permission(request, obj):
            return False
        stored = self._stored(obj)
        return stored is None or workflow.can_edit(request.user, stored)

    def has_delete_permission(self, request, obj=None):
        if not super().has_delete_permission(request, obj):
            return False
        stored = self._stored(obj)
        return stored is None or workflow.can_edit(request.user, stored)

    def _check_history_address(self, object_id, version_id=None):
        """A mistyped history address is "not found", as a mistyped change form address is (the history
        library hands the raw address parts to the database)."""
        try:
            self.model._meta.pk.to_python(unquote(object_id))
            if version_id is not None:
                self.model.history.model._meta.pk.to_python(version_id)
        except ValidationError:
            raise Http404 from None

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        self._check_history_address(object_id, version_id)
        # Restoring a version is a change like any other: the library checks only the right to view.
        article = self.get_object(request, unquote(object_id))
        if request.method == "POST" and (article is None or not self.has_change_permission(request, article)):
            raise PermissionDenied
        extra_context = {**(extra_context or {}), "stored": article}
        if article is not None:
            extra_context["stored_state"] = _state_text(article)
        return super().history_form_view(request, object_id, version_id, extra_context)

    # The history: every version with what changed in it, by name; any two compared word by word.

    def set_history_delta_changes(self, request, historical_records, foreign_keys_are_objs=True):
        records = list(historical_records)
        if not records:
            return
        before_page = records[-1].prev_record
        for newer, older in zip(records, [*records[1:], before_page], strict=True):
            # The first version has nothing to compare with: it is listed as created.
            newer.comparison = history.compare(older, newer, include_state=True) if older else history.Comparison()
            newer.previous_id = older.history_id if older is not None else None

    def history_view(self, request, object_id, extra_context=None):
        self._check_history_address(object_id)
        extra_context = {
            **(extra_context or {}),
            "compare_url": reverse("admin:articles_article_history_compare", args=[object_id]),
        }
        return super().history_view(request, object_id, extra_context)

    def history_compare_view(self, request, object_id):
        """Two versions of an article side by side: texts word by word, other changes by name."""
        article = self.get_object(request, unquote(object_id))
        if article is None:
            raise Http404
        if not self.has_view_history_or_change_history_permission(request, article):
            raise PermissionDenied
        versions = article.history.select_related("history_user")
        try:
            chosen = versions.filter(history_id__in=[int(request.GET["from"]), int(request.GET["to"])])
        except (KeyError, ValueError):
            return HttpResponseRedirect(reverse("admin:articles_article_history", args=[article.pk]))
        chosen = sorted(chosen, key=lambda version: (version.history_date, version.history_id))
        if not chosen:
            raise Http404
        older, newer = chosen[0], chosen[-1]
        context = {
            **self.admin_site.each_context(request),
            "title": _("Compare versions of “%(title)s”") % {"title": article.title},
            "opts": self.opts,
            "original": article,
            "object": article,
            "older": older,
            "newer": newer,
            "comparison": history.compare(older, newer, include_state=True),
            "time_zone": time_zone_label(),
            "can_restore": self.has_change_permission(request, article),
        }
        return TemplateResponse(request, "admin/articles/article/history_compare.html", context)

    def has_publish_permission(self, request):
        return workflow.can_publish(request.user)

    # For the rich-text editor (articles/static/articles/admin/blocks.js): articles to link to from a
    # SEE ALSO callout, and whether a pasted link can be embedded.

    LOOKUP_RESULTS = 20

    def lookup_view(self, request):
        """Articles as JSON: those whose ids are in `ids`, or the newest whose headline has the words of `q`."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        articles = Article.objects.only("pk", "title", "language", "status", "publish_at")
        if "ids" in request.GET:
            ids = [int(pk) for pk in request.GET["ids"].split(",") if pk.isdigit()][: self.LOOKUP_RESULTS]
            articles = articles.filter(pk__in=ids)
        for word in request.GET.get("q", "").split()[:10]:
            articles = articles.filter(title__icontains=word)
        return JsonResponse(
            {
                "results": [
                    {
                        "id": article.pk,
                        "title": article.title,
                        "language": article.language,
                        "status": str(_state_text(article)),
                    }
                    for article in articles[: self.LOOKUP_RESULTS]
                ]
            }
        )

    def embed_check_view(self, request):
        """Whether the pasted `url` can be embedded: its provider and the link as it will be stored, or
        an error that names the providers accepted."""
        if not (self.has_add_permission(request) or self.has_change_permission(request)):
            raise PermissionDenied
        embed = embeds.parse(request.GET.get("url", ""))
        if embed is None:
            names = ", ".join(provider.label for provider in embeds.PROVIDERS.values())
            return JsonResponse(
                {
                    "error": gettext(
                        "This link cannot be embedded. Paste the address of a single video, document, chart, "
                        "post or track on one of: %(providers)s."
                    )
                    % {"providers": names}
                }
            )
        return JsonResponse({"provider": embed.provider.name, "label": embed.provider.label, "url": embed.url})

    def view_on_site(self, article):
        # Only once readers can see it: before that, "Preview on the site" shows it (change_form.html).
        return article.get_absolute_url() if article.is_published else None

    # The change form: one button per transition the user may make, each saving the form first.

    @staticmethod
    def _requested_transition(request):
        return (request.POST.get("_transition") or None) if request.method == "POST" else None

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        name = self._requested_transition(request)
        if name is not None:
            article = self.get_object(request, unquote(object_id)) if object_id else Article()
            allowed = {t.name for t in self._transitions(request, article)} if article is not None else set()
            if article is not None and self._publishing_under_embargo(request, article, name):
                # Not a 403: the form says why (ArticleAdminForm.clean) and keeps what was typed.
                allowed.add(name)
            if article is not None and name not in allowed:
                raise PermissionDenied
        return super().changeform_view(request, object_id, form_url, extra_context)

    @staticmethod
    def _publishing_under_embargo(request, article, name):
        return (
            name in (workflow.PUBLISH.name, workflow.SCHEDULE.name, *PAIR_TRANSITIONS)
            and workflow.can_publish(request.user)
            and article.is_under_embargo
        )

    def _transitions(self, request, article, partner=None):
        """The workflow moves offered on the change form: the article's own, then "publish both" and
        "schedule both" when it has an unpublished translation that the user may move with it."""
        if article.pk is None and not self.has_add_permission(request):
            return []
        moves = workflow.allowed_transitions(request.user, article)
        if article.pk is None:
            return moves
        if partner is None:
            partner = Article.objects.translations_of(article).first()
        if partner is not None and partner.status not in Article.PUBLIC_STATUSES:
            for single, pair in ((workflow.PUBLISH, PUBLISH_PAIR), (workflow.SCHEDULE, SCHEDULE_PAIR)):
                if single in moves and single.allowed(request.user, partner):
                    moves.append(pair)
        return moves

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        article = obj if obj is not None else Article()
        editable = self.has_add_permission(request) if obj is None else self.has_change_permission(request, obj)
        partner = getattr(context.get("adminform"), "form", None)
        partner = getattr(partner, "current_translation", None)
        context["transitions"] = self._transitions(request, article, partner) if editable else []
        if obj is not None:
            context["preview_url"] = article_preview_url(obj)
            # Read by the "translation" read-only field, so the partner is fetched once, by the form.
            obj.translation_partner = partner
            context["translation_partner"] = partner
            if partner is None and self.has_add_permission(request):
                context["translate_label"] = translate_label(obj.language)
            if partner is not None and editable:
                context["untranslated_corrections"] = self.untranslated_corrections(obj, partner)
            context["unpublish_url"] = reverse("admin:articles_article_unpublish", args=[obj.pk])
            if obj.is_live_now and editable:
                # A form of its own: posting an update never waits on, or collides with, edits to the article.
                context["live_update_url"] = f"{reverse('admin:articles_liveupdate_add')}?article={obj.pk}"
        form = context["adminform"].form
        problems = form.problems
        if problems is None and obj is not None and obj.section_id is not None:
            # Opened, not posted: the stored article, with the pairing the form has already looked up.
            problems = checks.run(obj, translation=form.current_translation)
        context["problems"] = problems
        context["can_override_checks"] = bool(problems) and workflow.can_publish(request.user)
        context["has_overridable_problems"] = any(problem.overridable for problem in problems or [])
        return super().render_change_form(request, context, add, change, form_url, obj)

    def unpublish_view(self, request, object_id):
        """Ask before taking an article off the site, as deleting does; then unpublish it."""
        article = self.get_object(request, unquote(object_id))
        if article is None:
            raise Http404
        if not (self.has_change_permission(request, article) and workflow.UNPUBLISH.allowed(request.user, article)):
            raise PermissionDenied
        change_url = reverse("admin:articles_article_change", args=[article.pk])
        if request.method == "POST":
            workflow.apply_transition(article=article, name=workflow.UNPUBLISH.name, user=request.user)
            self.log_change(request, article, [{"changed": {"fields": ["status"]}}])
            self.message_user(request, _transition_message(article), messages.SUCCESS)
            return HttpResponseRedirect(change_url)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Are you sure?"),
            "opts": self.opts,
            "original": article,
            "articles": [article],
            "change_url": change_url,
        }
        return TemplateResponse(request, "admin/articles/article/unpublish_confirmation.html", context)

    def save_model(self, request, obj, form, change):
        name = self._requested_transition(request)
        stored = Article.objects.filter(pk=obj.pk).first() if change else None
        if change and (stored is None or not workflow.can_edit(request.user, stored)):
            raise PermissionDenied
        if change and to_historic(obj) is not None:
            # Restoring a version puts back its content, never its place in the workflow or its pairing.
            for name_ in history.RESTORE_KEEPS:
                attname = Article._meta.get_field(name_).attname
                setattr(obj, attname, getattr(stored, attname))
            # So that a restored slug of published work leaves a redirect from the current one (Article.save).
            obj._loaded_slug = stored.slug
            obj._change_reason = gettext("Restored the version of %(when)s") % {
                "when": date_format(timezone.localtime(to_historic(obj).history_date), "DATETIME_FORMAT")
            }
        if not change:
            obj.created_by = request.user
        obj._history_user = request.user
        partner = form.cleaned_data.get("translation")
        if form.translation_changed:
            # Leave the old pair before saving: an article whose language changed would otherwise share
            # its translation key with a partner in the same language, which the database refuses.
            services.unpair_translation(article=obj)
        override = bool(form.cleaned_data.get("override_checks"))
        partner_known = partner if form.translation_changed else checks.LOOKUP
        moved = [obj]
        if name in PAIR_TRANSITIONS:
            # Checked by the form (ArticleAdminForm.clean); both articles move in the admin's transaction.
            moved = workflow.apply_to_pair(
                article=obj, name=PAIR_TRANSITIONS[name].single, user=request.user, override_checks=override
            )
        elif name is not None and change:
            # The form's changes and the transition in one save, so one version in the history.
            workflow.apply_transition(
                article=obj, name=name, user=request.user, override_checks=override, translation=partner_known
            )
        else:
            super().save_model(request, obj, form, change)
            if name is not None:
                workflow.apply_transition(
                    article=obj, name=name, user=request.user, override_checks=override, translation=partner_known
                )
        if name is not None:
            for article in moved:
                self.message_user(request, _transition_message(article), messages.SUCCESS)
        if form.translation_changed and partner is not None:
            services.pair_translations(article=obj, translation=partner)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        article = form.instance
        if article.primary_country_id:
            # After the form has saved `countries`, which would otherwise replace it.
            article.countries.add(article.primary_country_id)
        # The version just saved records the byline, tags, links and corrections as they now are.
        history.record_related(article)

    def response_change(self, request, obj):
        if to_historic(obj) is not None:
            # A restored version: its countries were saved after the version was recorded.
            history.record_related(Article.objects.get(pk=obj.pk))
        return super().response_change(request, obj)

    def save_formset(self, request, form, formset, change):
        if formset.model in (PreviewLink, PartnerLink):
            for link_form in formset.forms:
                if link_form.instance.pk is None:
                    link_form.instance.created_by = request.user
        super().save_formset(request, form, formset, change)
        if formset.model is Correction:
            added = [correction for correction in formset.new_objects if correction.translation_of_id is None]
            self.offer_translated_corrections(request, form.instance, added)

    # Actions on the list: the same transitions for several articles; each one is checked.

    def _apply_to_selection(self, request, queryset, name):
        done, refused, checked = [], [], []
        for article in queryset:
            try:
                workflow.apply_transition(article=article, name=name, user=request.user)
            except workflow.ChecksFailed:
                checked.append(article)
            except ValidationError as error:
                if getattr(error, "code", None) == "under_embargo":
                    # Said on its own: the editor may publish it, just not before the embargo lifts.
                    self.message_user(request, " ".join(error.messages), messages.ERROR)
                else:
                    refused.append(article)
            except PermissionDenied:
                refused.append(article)
            else:
                done.append(article)
        if checked:
            self.message_user(
                request,
                _(
                    "Not published, because the checks before publishing found something: %(titles)s. Open each "
                    "one to see what, and to publish it anyway if you decide to."
                )
                % {"titles": ", ".join(f"“{a.title}”" for a in checked)},
                messages.WARNING,
            )
        if done:
            self.message_user(
                request,
                ngettext("%(count)d article: %(state)s.", "%(count)d articles: %(state)s.", len(done))
                % {"count": len(done), "state": ", ".join(_state_text(a) for a in done)},
                messages.SUCCESS,
            )
        if refused:
            self.message_user(
                request,
                _("Not changed (not allowed for you, or not in a state for it): %(titles)s.")
                % {"titles": ", ".join(f"“{a.title}”" for a in refused)},
                messages.WARNING,
            )

    @admin.action(description=workflow.SUBMIT.label, permissions=["change"])
    def submit_for_review(self, request, queryset):
        self._apply_to_selection(request, queryset, workflow.SUBMIT.name)

    @admin.action(description=workflow.RETURN_TO_DRAFT.label, permissions=["change"])
    def return_to_draft(self, request, queryset):
        self._apply_to_selection(request, queryset, workflow.RETURN_TO_DRAFT.name)

    @admin.action(description=workflow.PUBLISH.label, permissions=["publish"])
    def publish_now(self, request, queryset):
        self._apply_to_selection(request, queryset, workflow.PUBLISH.name)

    @admin.action(description=_("Schedule at their publish time"), permissions=["publish"])
    def schedule(self, request, queryset):
        self._apply_to_selection(request, queryset, workflow.SCHEDULE.name)

    @admin.action(description=_("Embargo until their publish time"), permissions=["publish"])
    def embargo(self, request, queryset):
        self._apply_to_selection(request, queryset, workflow.EMBARGO.name)

    @admin.action(description=workflow.UNPUBLISH.label, permissions=["publish"])
    def unpublish(self, request, queryset):
        # Taking work off the site is asked about first, as deleting is.
        if request.POST.get("post") == "yes":
            self._apply_to_selection(request, queryset, workflow.UNPUBLISH.name)
            return None
        articles = [article for article in queryset if workflow.UNPUBLISH.allowed(request.user, article)]
        if not articles:
            self.message_user(request, _("None of the selected articles is published."), messages.WARNING)
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": _("Are you sure?"),
            "opts": self.opts,
            "articles": articles,
            "action": "unpublish",
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            "changelist_url": reverse("admin:articles_article_changelist"),
        }
        return TemplateResponse(request, "admin/articles/article/unpublish_confirmation.html", context)

    # Columns and read-only fields.

    @admin.display(description=_("headline"), ordering="title")
    def headline(self, article):
        if getattr(article, "is_mine", False):
            return format_html('{} <span class="mine-badge">{}</span>', article.title, _("yours"))
        return article.title

    @admin.display(
        description=lazy(lambda: gettext("publish time (%(zone)s)") % {"zone": settings.TIME_ZONE}, str)(),
        ordering="publish_at",
        empty_value="–",
    )
    def publish_time(self, article):
        if article.publish_at is None:
            return None
        return date_format(timezone.localtime(article.publish_at), "DATETIME_FORMAT")

    @admin.display(description=_("status"), ordering="status")
    def status_label(self, article):
        # "Published" with a future time is what the desk calls scheduled; an embargo that has lifted is
        # simply published.
        if article.is_scheduled:
            return _("Scheduled")
        if article.is_under_embargo:
            return _("Under embargo")
        if article.is_published:
            return Article.Status.PUBLISHED.label
        return article.get_status_display()

    @admin.display(description=_("status"))
    def state(self, article):
        if article.pk is None:
            return _("New draft")
        return _state_text(self._stored(article))

    @admin.display(description=_("published by"))
    def publication_record(self, article):
        article = self._stored(article)
        if article.published_on is None:
            return "–"
        who = article.published_by
        return _("%(who)s, on %(when)s") % {
            "who": (who.get_full_name() or who.get_username()) if who else _("someone no longer on staff"),
            "when": date_format(timezone.localtime(article.published_on), "DATETIME_FORMAT"),
        }

    @admin.display(description=_("length"))
    def length(self, article):
        return ngettext(
            "%(words)d word, %(minutes)d min read", "%(words)d words, %(minutes)d min read", article.word_count
        ) % {
            "words": article.word_count,
            "minutes": article.reading_minutes,
        }

    @admin.display(description=_("byline"))
    def byline(self, article):
        return ", ".join(author.name for author in article.byline_authors)

    def state_text(self, article):
        """The article's state in words, for messages ("published", "scheduled for …")."""
        return _state_text(article)

    @admin.display(description=_("translation status"))
    def translation_record(self, article):
        if article.pk is None:
            return "–"
        partner = getattr(article, "translation_partner", None)
        state = article.translation_state_with(partner)
        if partner is None:
            return TranslationState(state).label
        translated, source = (article, partner) if article.is_translation_of(partner) else (partner, article)
        parts = [str(TranslationState(state).label)]
        if translated.source_revision is not None:
            parts.append(
                gettext("the translation follows revision %(then)s of the original, which is at revision %(now)s")
                % {"then": translated.source_revision, "now": source.revision}
            )
        if translated.needs_review:
            parts.append(gettext("its machine translation is not reviewed yet"))
        return format_html(
            '{} · <a href="{}">{}</a>',
            "; ".join(parts),
            reverse("admin:articles_article_compare", args=[article.pk]),
            gettext("Compare with the original") if article is translated else gettext("Compare with the translation"),
        )


@dataclass(frozen=True)
class PairTransition:
    """A change-form button that moves an article and its translation together."""

    name: str
    label: str
    single: str


PUBLISH_PAIR = PairTransition("publish-pair", _("Publish both now"), workflow.PUBLISH.name)


SCHEDULE_PAIR = PairTransition("schedule-pair", _("Schedule both"), workflow.SCHEDULE.name)


PAIR_TRANSITIONS = {move.name: move for move in (PUBLISH_PAIR, SCHEDULE_PAIR)}


def article_preview_url(article):
    """The staff preview of `article` on the public template, in the article's language."""
    with translation.override(article.language):
        return reverse("articles:article-preview", kwargs={"pk": article.pk})


def _state_text(article):
    if article.is_scheduled:
        return gettext("scheduled for %(when)s") % {
            "when": f"{date_format(timezone.localtime(article.publish_at), 'DATETIME_FORMAT')} ({settings.TIME_ZONE})"
        }
    if article.is_under_embargo:
        return gettext("under embargo until %(when)s") % {
            "when": date_format(timezone.localtime(article.publish_at), "DATETIME_FORMAT")
        }
    if article.is_published:
        return str(Article.Status.PUBLISHED.label).lower()
    return str(article.get_status_display()).lower()


def _transition_message(article):
    return gettext("“%(title)s” is now %(state)s.") % {"title": article.title, "state": _state_text(article)}
