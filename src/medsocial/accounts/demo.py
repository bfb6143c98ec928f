"""Demo people and organizations. Every demo account signs in with DEMO_PASSWORD."""

from django.utils import timezone

from medsocial.accounts.models import Membership, Organization, Profession, User
from medsocial.accounts.roles import Role, ensure_staff_roles, group_name

DEMO_PASSWORD = "medsocial-demo"

DEMO_ORGANIZATIONS = [
    ("Lakeshore Health System", "lakeshore-health", Organization.Kind.HEALTH_SYSTEM, "Chicago", "IL"),
    ("Prairie Community Hospital", "prairie-community-hospital", Organization.Kind.HOSPITAL, "Ames", "IA"),
    (
        "Heart Rhythm Patients Alliance",
        "heart-rhythm-patients",
        Organization.Kind.PATIENT_ASSOCIATION,
        "Denver",
        "CO",
    ),
    (
        "Society of Hospital Communicators",
        "hospital-communicators",
        Organization.Kind.PROFESSIONAL,
        "Minneapolis",
        "MN",
    ),
]

# (email local part, name, credentials, profession, staff role or None, [(org slug, role)])
DEMO_PEOPLE = [
    ("admin", "Morgan Ellis", "", Profession.ADMINISTRATOR, "superuser", []),
    ("instructor", "Dr. Priya Natarajan", "MD", Profession.PHYSICIAN, Role.INSTRUCTOR, []),
    ("events", "Sam Okafor", "", Profession.COMMUNICATIONS, Role.EVENT_MANAGER, []),
    ("coach", "Jordan Reyes", "MBA", Profession.COMMUNICATIONS, Role.COACH, []),
    ("editor", "Lee Whitaker", "", Profession.COMMUNICATIONS, Role.EDITOR, []),
    ("moderator", "Alex Kim", "", Profession.COMMUNICATIONS, Role.MODERATOR, []),
    ("orgadmin", "Dana Brooks", "RN", Profession.NURSE, None, [("lakeshore-health", Membership.Role.ADMIN)]),
    ("nurse", "Chris Alvarez", "RN", Profession.NURSE, None, [("lakeshore-health", Membership.Role.MEMBER)]),
    (
        "pharmacist",
        "Taylor Nguyen",
        "PharmD",
        Profession.PHARMACIST,
        None,
        [("prairie-community-hospital", Membership.Role.ADMIN)],
    ),
    ("learner", "Robin Patel", "", Profession.STUDENT, None, []),
]


def demo_email(local_part: str) -> str:
    return f"{local_part}@medsocial.example"


def load(*, stdout=None, small: bool = False) -> None:
    ensure_staff_roles()
    organizations = {}
    for name, slug, kind, city, state in DEMO_ORGANIZATIONS:
        organizations[slug], _ = Organization.objects.get_or_create(
            slug=slug, defaults={"name": name, "kind": kind, "city": city, "state": state}
        )
    # The demo health system is verified (its member prices come from its membership, see
    # programs.demo); the others show what an organization looks like before site staff verify it.
    Organization.objects.filter(slug="lakeshore-health", verified_at__isnull=True).update(
        verified_at=timezone.now()
    )
    for local, name, credentials, profession, role, memberships in DEMO_PEOPLE:
        user = User.objects.filter(email=demo_email(local)).first()
        if user is None:
            user = User.objects.create_user(
                email=demo_email(local),
                password=DEMO_PASSWORD,
                full_name=name,
                credentials=credentials,
                profession=profession,
                email_confirmed_at=timezone.now(),
                is_staff=role is not None,
                is_superuser=role == "superuser",
            )
        if role not in (None, "superuser"):
            from django.contrib.auth.models import Group

            user.groups.add(Group.objects.get(name=group_name(role)))
        for slug, member_role in memberships:
            Membership.objects.get_or_create(
                user=user, organization=organizations[slug], defaults={"role": member_role}
            )
    if stdout is not None:
        stdout.write(
            f"  demo sign-ins (password “{DEMO_PASSWORD}”): "
            + ", ".join(demo_email(p[0]) for p in DEMO_PEOPLE)
        )
