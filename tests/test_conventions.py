"""Conventions every public function keeps (issue 10, "Restructure extract/").

- A table without the columns a function reads raises SchemaError naming the missing columns
  and listing those present, never a bare KeyError from deep inside pandas.
- One list of stances, coverage_kit.schema.STANCES, which every stance-keyed mapping covers.
"""

from __future__ import annotations

import inspect

import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from coverage_kit import plots, schema, syndication, tables, tagger, theme  # noqa: E402
from coverage_kit.errors import SchemaError  # noqa: E402
from coverage_kit.extract import stance  # noqa: E402
from coverage_kit.extract.quotes import quotes_table  # noqa: E402
from coverage_kit.extract.reactions import reactions_table  # noqa: E402

# functions that take any table: they read no fixed column
ANY_TABLE = {"readable", "escape_formulas", "flatten", "plot_speaker_outlet_heatmap"}


def _table_functions():
    """Public functions whose first argument is a DataFrame and that need nothing else."""
    out = [quotes_table, reactions_table, tagger.tag_articles]
    for module in (tables, plots, syndication):
        for name, f in vars(module).items():
            if name.startswith("_") or name in ANY_TABLE or not inspect.isfunction(f) or \
                    f.__module__ != module.__name__:
                continue
            params = list(inspect.signature(f).parameters.values())
            if not params or "DataFrame" not in str(params[0].annotation):
                continue
            if any(p.default is p.empty and p.kind in (p.POSITIONAL_ONLY,
                                                       p.POSITIONAL_OR_KEYWORD)
                   for p in params[1:]):
                continue
            out.append(f)
    return out


# an article table exported by another tool, with its own column names
_FOREIGN = pd.DataFrame({"headline": ["Troops leave Almaty", "Talks resume in Geneva"],
                         "body": ["Troops left the city on Friday.", "Talks resumed."],
                         "date": ["2022-01-07", "2022-01-08"]})


@pytest.mark.filterwarnings("ignore:Could not infer format")
@pytest.mark.parametrize("f", _table_functions(), ids=lambda f: f.__name__)
def test_a_missing_column_is_a_schema_error_that_lists_the_columns_present(f):
    # what is wrong ("missing column(s) 'published'", "needs a 'text' column", "columns are
    # not time bins"), then what the table has
    with pytest.raises(SchemaError, match=r"(missing column\(s\) '\w+'|needs a '\w+' column|"
                                          r"not time bins).*it has: 'headline', 'body', 'date'"):
        f(_FOREIGN)
    import matplotlib.pyplot as plt

    plt.close("all")


def test_the_discovery_finds_the_functions_of_every_kind():
    names = {f.__name__ for f in _table_functions()}
    assert {"quotes_table", "reactions_table", "tag_articles", "coverage_timeline",
            "speaker_counts", "prevailing_stances", "plot_reactions_map", "story_ids",
            "plot_top_speakers", "timeline_matrix"} <= names


def test_a_chart_says_which_table_it_expected():
    counts = pd.DataFrame({"speaker": ["Ilona Brask"], "n_quotes": [3]})
    with pytest.raises(SchemaError, match=r"plot_top_speakers: .*missing column\(s\) "
                                          r"'speaker_id', 'outlet'.*"
                                          r"expected tables\.speaker_counts\(quotes, by='outlet'\)"):
        plots.plot_top_speakers(counts)


def test_an_empty_table_still_draws_no_data():
    ax = plots.plot_reactions_map(pd.DataFrame())
    assert any("No data" in t.get_text() for t in ax.texts)
    import matplotlib.pyplot as plt

    plt.close("all")


@pytest.mark.filterwarnings("ignore:Could not infer format")
def test_a_heatmap_of_something_else_than_time_bins_is_a_schema_error():
    matrix = pd.DataFrame({"DW": [1, 2], "TASS": [0, 3]}, index=["a", "b"])
    with pytest.raises(SchemaError, match=r"not time bins.*outlet_date_matrix"):
        plots.plot_outlet_date_heatmap(matrix)


def test_the_explorers_check_their_tables_alike():
    widgets = pytest.importorskip("coverage_kit.widgets")
    with pytest.raises(SchemaError, match=r"articles is missing column\(s\)"):
        widgets.coverage_explorer(_FOREIGN)


def test_one_list_of_stances():
    assert stance.STANCE_ORDER is schema.STANCES
    assert set(theme.STANCE_COLORS) == set(schema.STANCES)
    assert set(plots.STANCE_LABELS) == set(schema.STANCES)
    tab = tables.reactions_by_country_stance(pd.DataFrame({
        "article_id": ["a1"], "outlet": ["DW"], "country": ["DEU"], "stance": ["condemn"],
        "published": pd.to_datetime(["2022-01-07"], utc=True), "actor": ["Olaf Scholz"],
        "actor_kind": ["state"], "domestic": [False]}))
    assert list(tab["stance"].cat.categories) == list(schema.STANCES)
