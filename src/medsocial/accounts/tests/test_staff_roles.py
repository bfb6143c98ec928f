import pytest
from django.contrib.auth.models import Group

from medsocial.accounts.roles import Role, group_name, has_role


@pytest.mark.django_db
def test_every_staff_role_exists_as_a_group_after_migrations():
    assert set(Group.objects.values_list("name", flat=True)) >= {group_name(r) for r in Role}


@pytest.mark.django_db
def test_a_role_is_held_only_through_its_group_and_site_admins_hold_all(make_user):
    editor = make_user(roles=[Role.EDITOR])
    site_admin = make_user(roles=[Role.SITE_ADMIN])
    member = make_user()
    assert has_role(editor, Role.EDITOR) and not has_role(editor, Role.COACH)
    assert all(has_role(site_admin, r) for r in Role)
    assert not any(has_role(member, r) for r in Role)
