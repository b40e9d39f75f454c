"""Where the real O*NET and OEWS files lie: ../shared beside the project, never copied in.

Absent files skip the tests that need them, with the reason, except under CI=true,
where their absence is a failure.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("INFOINTERVIEW_SHARED_DATA", ROOT.parent / "shared"))


def shared_path(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        reason = f"real data not found at {path} (set INFOINTERVIEW_SHARED_DATA)"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    return path
