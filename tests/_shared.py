"""Where the real corpora live, and what a test does when they are absent.

The real corpora sit in ``../shared`` beside the checkout (or ``$COVERAGE_KIT_SHARED``). They are
read in place and never written to. A user's clone has no ``../shared``: tests that need it skip
with one reason. CI sets ``COVERAGE_KIT_REQUIRE_SHARED=1`` (see ``.ci/run``), and there a missing
corpus fails the test instead of skipping it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("COVERAGE_KIT_SHARED", ROOT.parent / "shared"))
SAMPLE = ROOT / "data" / "sample"
SEED = SHARED / "examples" / "limited_times_kazakhstan_2022-01-07.txt"
HTML_DIR = SHARED / "examples" / "html"
POLNEAR = SHARED / "data" / "polnear"


# CI sets COVERAGE_KIT_REQUIRE_SHARED=1 (see .ci/run): there a missing corpus is a failure, never
# a silent skip. On a user's clone, which has no ../shared, those tests skip with one reason.
REQUIRE_SHARED = os.environ.get("COVERAGE_KIT_REQUIRE_SHARED", "") not in ("", "0")
SKIP_REASON = ("real corpora not found: ../shared beside the checkout is absent "
               "(set COVERAGE_KIT_SHARED to its folder to run these tests)")


def need_shared(path: Path) -> Path:
    """Return ``path`` inside the real corpora, or skip (fail under CI) when it is absent."""
    if not path.exists():
        if REQUIRE_SHARED:
            pytest.fail(f"{path} is missing, and COVERAGE_KIT_REQUIRE_SHARED is set: CI needs "
                        f"the real corpora beside the checkout")
        pytest.skip(SKIP_REASON)
    return path
