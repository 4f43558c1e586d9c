"""Page chrome that exports keep: lines to remove before anything reads an article's text."""

from __future__ import annotations


def strip_chrome(text: str) -> tuple[str, list[str]]:
    return text, []
