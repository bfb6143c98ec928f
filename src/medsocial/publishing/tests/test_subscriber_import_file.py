"""Subscriber imports read the file the way every other import does: any encoding, bad rows
reported by line, and a broken file refused whole."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from medsocial.accounts.roles import Role
from medsocial.publishing import services
from medsocial.publishing.errors import PublishingError
from medsocial.publishing.models import Subscription

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(make_user):
    return make_user(email="editor@example.org", roles=[Role.EDITOR])


def test_a_windows_spreadsheet_export_keeps_accented_names(editor):
    data = "email,list,name\r\nnunez@example.org,general,José Núñez\r\n".encode("cp1252")
    imported, errors = services.import_subscribers(editor=editor, data=data)
    assert (imported, errors) == (1, [])
    assert Subscription.objects.get(email="nunez@example.org").name == "José Núñez"


def test_utf16_with_a_byte_order_mark_is_read(editor):
    data = "email,list\nlee@example.org,general\n".encode("utf-16")
    assert services.import_subscribers(editor=editor, data=data) == (1, [])


def test_an_unclosed_quote_refuses_the_whole_file_and_names_its_line(editor):
    data = b'email,list,name\nfirst@example.org,general,First\nsecond@example.org,general,"Second\nthird@example.org,general,Third\n'
    with pytest.raises(PublishingError, match="Line 3") as refused:
        services.import_subscribers(editor=editor, data=data)
    assert refused.value.field == "file"
    assert not Subscription.objects.filter(email__in=["first@example.org", "third@example.org"]).exists()


def test_a_row_with_a_nul_is_refused_on_its_own_line(editor):
    data = b"email,list,name\nok@example.org,general,Ok\nbad@example.org,general,Ba\x00d\n"
    imported, errors = services.import_subscribers(editor=editor, data=data)
    assert imported == 1
    assert errors == [(3, "Name holds a NUL character.")]


def test_missing_columns_are_named(editor):
    with pytest.raises(PublishingError, match="missing columns list"):
        services.import_subscribers(editor=editor, data=b"email,name\na@example.org,A\n")


def test_importing_the_same_file_twice_changes_nothing_the_second_time(editor):
    data = b"email,list\nonce@example.org,general\n"
    assert services.import_subscribers(editor=editor, data=data)[0] == 1
    before = list(Subscription.objects.values_list("pk", "email", "status", "created_at"))
    imported, errors = services.import_subscribers(editor=editor, data=data)
    assert imported == 0 and [line for line, _ in errors] == [2]
    assert list(Subscription.objects.values_list("pk", "email", "status", "created_at")) == before


def test_the_import_page_shows_a_refused_file_on_the_file_field(client, editor):
    client.force_login(editor)
    upload = SimpleUploadedFile("s.csv", b'email,list\n"a@example.org,general\n', content_type="text/csv")
    response = client.post("/newsletter/subscribers/import/", {"file": upload})
    assert response.status_code == 400
    assert "not closed" in response.content.decode()
