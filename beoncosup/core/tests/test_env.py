from pathlib import Path

import pytest

from beoncosup.env import ConfigurationError, env_bool, env_int, env_list, env_secret, env_str

pytestmark = pytest.mark.unit


def test_env_str_missing_without_default_raises_naming_the_variable():
    with pytest.raises(ConfigurationError, match="SOME_VAR"):
        env_str("SOME_VAR", environ={})


def test_env_str_empty_value_takes_the_default():
    assert env_str("SOME_VAR", "fallback", environ={"SOME_VAR": ""}) == "fallback"


@pytest.mark.parametrize(
    ("raw", "expected"), [("true", True), ("ON", True), ("0", False), ("no", False)]
)
def test_env_bool_reads_common_words(raw, expected):
    assert env_bool("FLAG", not expected, environ={"FLAG": raw}) is expected


def test_env_bool_rejects_other_words():
    with pytest.raises(ConfigurationError, match="FLAG='maybe' is not a boolean"):
        env_bool("FLAG", False, environ={"FLAG": "maybe"})


def test_env_int_rejects_text_and_values_below_minimum():
    with pytest.raises(ConfigurationError, match="not a whole number"):
        env_int("N", 1, environ={"N": "ten"})
    with pytest.raises(ConfigurationError, match="at least 0"):
        env_int("N", 1, minimum=0, environ={"N": "-5"})


def test_env_list_splits_and_trims_commas():
    assert env_list("HOSTS", [], environ={"HOSTS": " a.be, ,b.be "}) == ["a.be", "b.be"]


def test_env_secret_reads_file_variant(tmp_path: Path):
    secret_file = tmp_path / "key"
    secret_file.write_text("s3cret-from-file\n", encoding="utf-8")

    assert env_secret("KEY", environ={"KEY_FILE": str(secret_file)}) == "s3cret-from-file"


def test_env_secret_refuses_both_variants_and_unreadable_files(tmp_path: Path):
    with pytest.raises(ConfigurationError, match="either KEY or KEY_FILE"):
        env_secret("KEY", environ={"KEY": "a", "KEY_FILE": "b"})
    with pytest.raises(ConfigurationError, match="cannot be read"):
        env_secret("KEY", environ={"KEY_FILE": str(tmp_path / "missing")})
