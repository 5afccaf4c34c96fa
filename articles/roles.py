"""Staff roles: Django groups with the permissions each job needs.

The groups are created by a data migration (articles 0006) and kept in step with ROLES by
`sync_roles`, which the `assign_role` command runs too, so a permission added later (a new model, a
new export permission) reaches the groups without a hand edit. What a role may do to one article
(a writer and the drafts they own, an editor and publishing) is decided in articles/workflow.py.
"""

from django.apps import apps as global_apps
from django.db import DEFAULT_DB_ALIAS, transaction

WRITER = "Writer"
EDITOR = "Editor"
FUNDRAISING = "Fundraising"
MODERATOR = "Moderator"

# The content a writer needs to put an article together: its rows, and the things it points to.
_ARTICLE_PARTS = ["articleauthor", "taggedarticle", "articlelink", "correction", "liveupdate"]

# Permission names as "app_label.codename". A name whose permission does not exist (yet) is skipped.
ROLES = {
    WRITER: [
        "articles.add_article",
        "articles.change_article",
        "articles.view_article",
        *(f"articles.{action}_{model}" for model in _ARTICLE_PARTS for action in ("add", "change", "delete", "view")),
        "articles.add_image",
        "articles.change_image",
        "articles.view_image",
        "articles.view_author",
        "articles.view_section",
        "articles.view_country",
        "articles.view_series",
        "articles.view_seriespart",
        "taggit.add_tag",
        "taggit.view_tag",
    ],
    EDITOR: [
        "articles.publish_article",
        *(
            f"articles.{action}_{model}"
            for model in [
                "article",
                *_ARTICLE_PARTS,
                "image",
                "author",
                "section",
                "country",
                "articleredirect",
                "previewlink",
                "partnerlink",
                # Series are packaged by editors: which published work belongs together, in what order.
                "series",
                "seriespart",
                # The newsroom's own pages and its identity (name, logo, colours, contact, licence).
                "page",
                "siteidentity",
            ]
            for action in ("add", "change", "delete", "view")
        ),
        # The log of partner link visits is a record: read, never edited.
        "articles.view_partneraccess",
        "articles.view_historicalarticle",
        # Editors place donate and newsletter prompts (fundraising too).
        *(f"donations.{action}_prompt" for action in ("add", "change", "delete", "view")),
        "donations.view_newsletterlist",
        *(f"taggit.{action}_tag" for action in ("add", "change", "delete", "view")),
    ],
    FUNDRAISING: [
        "donations.view_donation",
        "donations.export_donation",
        "donations.record_donation_change",
        "donations.view_monthlygift",
        "donations.view_monthlypayment",
        "donations.view_donationchange",
        "donations.view_annualreceipt",
        "donations.view_paymentevent",
        "donations.view_republication",
        *(f"donations.{action}_newsletterlist" for action in ("add", "change", "delete", "view")),
        "donations.view_subscription",
        "donations.change_subscription",
        "donations.export_subscription",
        *(f"donations.{action}_prompt" for action in ("add", "change", "delete", "view")),
    ],
    MODERATOR: [
        "donations.view_comment",
        "donations.change_comment",
        "donations.delete_comment",
        "donations.view_helpfulvote",
        "donations.delete_helpfulvote",
        "donations.view_republication",
    ],
}


def _create_permissions(apps, using):
    """Make sure every model's permissions exist, as the end of `migrate` would.

    Inside a migration they do not yet on a fresh database: Django creates them after the last one.
    """
    from django.contrib.auth.management import create_permissions

    for app_config in global_apps.get_app_configs():
        if app_config.models_module is not None:
            create_permissions(app_config, verbosity=0, apps=apps, using=using)


@transaction.atomic
def sync_roles(*, apps=global_apps, using=DEFAULT_DB_ALIAS):
    """Create the groups of ROLES that are missing and give each exactly its permissions.

    Safe to run any number of times, and harmless next to anything else that creates the same groups.
    """
    _create_permissions(apps, using)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    groups = {}
    for role, names in ROLES.items():
        wanted = set()
        for name in names:
            app_label, codename = name.split(".")
            wanted.update(
                Permission.objects.using(using)
                .filter(content_type__app_label=app_label, codename=codename)
                .values_list("pk", flat=True)
            )
        group, _created = Group.objects.using(using).get_or_create(name=role)
        group.permissions.set(wanted)
        groups[role] = group
    return groups


def assign_role(user, role):
    """Give `user` the staff `role` (one of ROLES, any case), on top of any role they have.

    The user becomes staff, so that they can sign in to the admin. Returns the group.
    """
    names = {name.lower(): name for name in ROLES}
    if role.lower() not in names:
        raise ValueError(f"Unknown role {role!r}; choose one of {', '.join(ROLES)}.")
    group = sync_roles()[names[role.lower()]]
    user.groups.add(group)
    if not user.is_staff:
        user.is_staff = True
        user.save(update_fields=["is_staff"])
    return group
