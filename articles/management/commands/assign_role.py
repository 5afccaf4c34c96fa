"""`manage.py assign_role <username> <role>`: give a staff member a role (Writer, Editor, Fundraising,
Moderator). See articles/roles.py for what each role may do."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from articles.roles import ROLES, assign_role


class Command(BaseCommand):
    help = "Give a user a staff role: " + ", ".join(ROLES) + ". The user becomes staff."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("role", help="One of: " + ", ".join(ROLES) + " (any case).")
        parser.add_argument(
            "--only", action="store_true", help="Remove the user's other roles, so this one is their only role."
        )

    def handle(self, *args, username, role, only, **options):
        User = get_user_model()
        try:
            user = User.objects.get(**{User.USERNAME_FIELD: username})
        except User.DoesNotExist as error:
            raise CommandError(f"No user called {username!r}.") from error
        try:
            group = assign_role(user, role)
        except ValueError as error:
            raise CommandError(str(error)) from error
        if only:
            user.groups.remove(*user.groups.filter(name__in=ROLES).exclude(pk=group.pk))
        roles = ", ".join(user.groups.filter(name__in=ROLES).values_list("name", flat=True).order_by("name"))
        self.stdout.write(self.style.SUCCESS(f"{username} is now staff with the roles: {roles}."))
