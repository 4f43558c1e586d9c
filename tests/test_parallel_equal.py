"""Parallel and serial runs give the same tables: loader, quotes and reactions.

``workers=2`` spreads files (loader) or chunks of articles (quotes, reactions) over processes;
the result must be row-for-row the table one process gives, on the bundled sample and on real
corpora (PolNeAR, Giveme5W1H). A difference once crept in unnoticed between commits, so this
is pinned here on real text rather than on a few synthetic sentences. The store built on Dask
is compared with the single-process build in ``test_dask_build.py``.
"""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

from _shared import POLNEAR, SAMPLE, SHARED, need_shared
from coverage_kit.extract.quotes import quotes_table
from coverage_kit.extract.reactions import reactions_table
from coverage_kit.loader import load_articles

GIVEME5W1H = SHARED / "data" / "giveme5w1h_gold"
#: PolNeAR articles the extractors run on: all 84 of dev and the first train articles, enough
#: for several 200-article chunks per process with two workers
POLNEAR_ARTICLES = 300

pytestmark = pytest.mark.filterwarnings("ignore:.*(reactions|quotes) not extracted")

CORPORA = {"sample": SAMPLE, "polnear": POLNEAR, "giveme5w1h": GIVEME5W1H}


def _load(path, workers):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "n of m records skipped; see rejects"
        return load_articles(path, workers=workers, progress=False)


@pytest.fixture(scope="module", params=list(CORPORA))
def loaded(request):
    """(name, serial LoadResult, LoadResult with two workers) for each corpus."""
    path = CORPORA[request.param]
    if request.param != "sample":
        need_shared(path)
    return request.param, _load(path, 1), _load(path, 2)


@pytest.fixture(scope="module")
def articles(loaded):
    """The serially loaded articles the extractors are compared on."""
    name, (arts, _), _ = loaded
    if name == "polnear":
        dev = arts["source_path"].str.contains("/dev/", regex=False)
        assert dev.sum() == 84
        arts = pd.concat([arts[dev], arts[~dev].head(POLNEAR_ARTICLES - int(dev.sum()))])
        arts = arts.reset_index(drop=True)
    return name, arts


def test_loader_with_two_workers_gives_the_same_articles_and_rejects(loaded):
    name, (one, one_rejects), (two, two_rejects) = loaded
    assert len(one) >= {"sample": 100, "polnear": 900, "giveme5w1h": 90}[name]
    pd.testing.assert_frame_equal(one, two)
    pd.testing.assert_frame_equal(one_rejects, two_rejects)


@pytest.fixture(scope="module")
def quotes(articles):
    name, arts = articles
    return name, quotes_table(arts), quotes_table(arts, workers=2)


def test_quotes_with_two_workers_give_the_same_table(quotes):
    name, one, two = quotes
    assert len(one) >= {"sample": 500, "polnear": 3000, "giveme5w1h": 800}[name]
    pd.testing.assert_frame_equal(one, two)


def test_reactions_with_two_workers_give_the_same_table(articles):
    name, arts = articles
    one = reactions_table(arts)
    assert len(one) >= {"sample": 50, "polnear": 500, "giveme5w1h": 150}[name]
    pd.testing.assert_frame_equal(one, reactions_table(arts, workers=2))


def test_reactions_reusing_quotes_with_two_workers_give_the_same_table(articles, quotes):
    # as a store build does: the quotes extracted once are passed in
    name, arts = articles
    _, serial_quotes, _ = quotes
    one = reactions_table(arts, quotes=serial_quotes)
    assert len(one) >= {"sample": 50, "polnear": 500, "giveme5w1h": 150}[name]
    pd.testing.assert_frame_equal(one, reactions_table(arts, quotes=serial_quotes, workers=2))
