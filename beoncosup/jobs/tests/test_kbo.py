import pytest
from django.core.exceptions import ValidationError

from beoncosup.jobs.kbo import enterprise_number_display, enterprise_number_normalise

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "typed",
    [
        "0123.456.749",
        "0123456749",
        "BE 0123 456 749",
        "be0123.456.749",
        "123456749",
        "0123-456-749",
    ],
)
def test_the_ways_people_write_a_valid_number_give_ten_digits(typed: str) -> None:
    assert enterprise_number_normalise(typed) == "0123456749"


def test_a_number_starting_with_1_is_valid() -> None:
    number = f"10000000{97 - 10000000 % 97:02d}"

    assert enterprise_number_normalise(number) == number


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("0123.456.748", "check"),  # one digit off
        ("0123.456.794", "check"),  # two digits swapped
        ("2123456749", "invalid"),  # starts with 2
        ("01234567", "invalid"),  # too short
        ("01234567490", "invalid"),  # too long
        ("0123A56749", "invalid"),
        ("", "invalid"),
        ("0123\x00456749", "invalid"),
    ],
)
def test_invalid_numbers_are_refused_with_a_reason(typed: str, code: str) -> None:
    with pytest.raises(ValidationError) as error:
        enterprise_number_normalise(typed)

    assert error.value.code == code


def test_display_groups_the_digits() -> None:
    assert enterprise_number_display("0123456749") == "0123.456.749"
