"""The browser harness fails loudly, with the fix, when Chromium is missing."""

from __future__ import annotations

import pytest
from lab_harness import BrowserSetupError, find_chromium


def test_missing_chromium_says_how_to_install_it(tmp_path):
    not_a_browser = tmp_path / "chromium"
    not_a_browser.write_text("")  # exists but is not executable
    with pytest.raises(BrowserSetupError) as err:
        find_chromium([None, str(tmp_path / "nowhere" / "chromium"), str(not_a_browser)])
    message = str(err.value)
    assert "Chromium was not found" in message
    assert "apt-get install -y chromium" in message
    assert "COVERAGE_KIT_CHROMIUM" in message


def test_chromium_found_where_installed(chromium_path):
    assert find_chromium() == chromium_path
