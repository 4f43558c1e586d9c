"""Shared fixtures: where the real corpora and the bundled sample live.

Real corpora (``../shared`` beside the checkout) are read in place and never written to;
tests write into pytest's temporary folders.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from _shared import HTML_DIR, POLNEAR, SAMPLE, SEED, SHARED, need_shared


def pytest_addoption(parser):
    parser.addoption("--slow", action="store_true",
                     help="longer fuzz and interrupt runs for local use: 600 hypothesis "
                          "examples per loader property, 60 interrupted reports")


def pytest_configure(config):
    if config.getoption("--slow"):
        import os

        os.environ.setdefault("COVERAGE_KIT_FUZZ", "slow")
        os.environ.setdefault("COVERAGE_KIT_INTERRUPTS", "60")


def _need(path: Path) -> Path:
    if path.is_relative_to(SHARED):
        return need_shared(path)
    if not path.exists():
        pytest.fail(f"{path} is missing from the checkout")
    return path


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    return _need(SHARED)


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return _need(SEED)


@pytest.fixture(scope="session")
def html_dir() -> Path:
    return _need(HTML_DIR)


@pytest.fixture(scope="session")
def polnear_dir() -> Path:
    return _need(POLNEAR)


@pytest.fixture(scope="session")
def sample_dir() -> Path:
    return _need(SAMPLE)


@pytest.fixture(scope="session")
def seed_article(seed_path):
    """The seed aggregator page as one ARTICLES row (a Series)."""
    from coverage_kit.loader import load_articles

    articles, _ = load_articles(seed_path)
    assert len(articles) == 1
    return articles.iloc[0]


@pytest.fixture(scope="session")
def sample_load():
    """The bundled sample corpus, loaded once per session: LoadResult(articles, rejects)."""
    from coverage_kit.loader import load_articles

    _need(SAMPLE)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_articles(SAMPLE)


@pytest.fixture(scope="module")
def client():
    """A Dask client on a LocalCluster of two one-thread worker processes (closed after the
    module)."""
    from distributed import Client, LocalCluster

    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Port .* is already in use")
        cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                               host="127.0.0.1", dashboard_address=None)
    with cluster, Client(cluster) as c:
        yield c
