"""`next` after a form is followed only when it is a path on this site; any other value (a
word, another site, a scheme-relative address) falls back to the page's own destination
instead of being read as a view name, which failed with a server error (found by the form fuzz)."""

import pytest
from django.test import RequestFactory

from medsocial.core.redirects import next_path


@pytest.mark.parametrize(
    ("given", "followed"),
    [
        ("/consulting/engagements/1/", "/consulting/engagements/1/"),
        ("/learn/?q=privacy", "/learn/?q=privacy"),
        ("other", ""),
        ("9" * 40, ""),
        ("https://elsewhere.example/", ""),
        ("//elsewhere.example/", ""),
        ("/\\elsewhere.example/", ""),
        ("", ""),
    ],
)
def test_only_a_path_on_this_site_is_followed(given, followed):
    assert next_path(RequestFactory().post("/", {"next": given})) == followed
    assert next_path(RequestFactory().get("/", {"next": given})) == followed
