import pytest

from infointerview.lib import env


def test_flags_accept_the_usual_words():
    assert env.flag({"X": "yes"}, "X", False) is True
    assert env.flag({"X": "0"}, "X", True) is False
    assert env.flag({}, "X", True) is True


def test_a_bad_flag_names_the_variable():
    with pytest.raises(env.SettingError, match="X='maybe'"):
        env.flag({"X": "maybe"}, "X", False)


def test_time_zones_are_checked():
    assert env.time_zone({"TZ_SETTING": "Europe/Paris"}, "TZ_SETTING", "UTC") == "Europe/Paris"
    with pytest.raises(env.SettingError, match="not a time zone"):
        env.time_zone({"TZ_SETTING": "Mars/Olympus"}, "TZ_SETTING", "UTC")


def test_an_empty_home_is_refused(tmp_path):
    with pytest.raises(env.SettingError, match="INFOINTERVIEW_HOME"):
        env.home_dir({"INFOINTERVIEW_HOME": " "})
    assert env.home_dir({"INFOINTERVIEW_HOME": str(tmp_path)}) == tmp_path


def test_the_secret_key_is_made_once_and_kept_private(tmp_path):
    first = env.secret_key({}, tmp_path)
    assert env.secret_key({}, tmp_path) == first
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0
    with pytest.raises(env.SettingError, match="32"):
        env.secret_key({"INFOINTERVIEW_SECRET_KEY": "short"}, tmp_path)
