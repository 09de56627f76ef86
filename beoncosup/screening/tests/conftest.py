from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from beoncosup.screening.services import help_lines_load, instruments_load


def load_all() -> None:
    """The taxonomy, the default instruments and the help lines, through the loaders."""
    call_command("load_taxonomy", stdout=io.StringIO())
    instruments_load()
    help_lines_load()


@pytest.fixture
def instruments(db):
    load_all()
