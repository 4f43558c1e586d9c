"""Command line: ``coverage-kit load | quotes | reactions | report | build``.

    coverage-kit load data/sample --out articles.parquet --rejects rejects.csv
    coverage-kit quotes data/sample --format csv --out quotes.csv
    coverage-kit reactions data/sample --focus XVA --out reactions.csv
    coverage-kit report data/sample --out reports/ --from 2025-03-03 --to 2025-03-20
    coverage-kit build data/sample --store sample-store --workers 2
    coverage-kit report --store corpus-store --out reports/   # a built store, in DuckDB

Every sub-command reads the same inputs as :func:`coverage_kit.load_articles` and prints a
one-line summary of what loaded and what was skipped (to stderr, so tables can go to stdout).
Exit codes: 0 success, 1 bad input (including inputs of which not one article loaded: the
command stops, writes nothing and prints the reject codes with their counts), 2 bad usage,
130 interrupted.
"""

from __future__ import annotations

import argparse
import sys
import warnings
from collections.abc import Sequence

from . import __version__
from .errors import InputError, SchemaError


class NothingLoaded(Exception):
    """No input became an article: every command stops instead of writing empty outputs."""


def _add_inputs(p: argparse.ArgumentParser, *, required: bool = True) -> None:
    p.add_argument("paths", nargs="+" if required else "*", metavar="PATH",
                   help="files, folders (read recursively) or globs of articles")
    p.add_argument("--input-format", default="auto",
                   choices=["auto", "aggregator", "text", "html", "feed", "table"],
                   help="input format for all files (default: detect per file)")
    p.add_argument("--outlets", metavar="CSV", help="your own outlet registry rows (as "
                                                    "data/outlets.csv), overriding ours")
    p.add_argument("--strict", action="store_true",
                   help="stop at the first bad input instead of skipping it")
    p.add_argument("--workers", type=int, default=1, help="processes to load with")
    p.add_argument("--rejects", metavar="FILE", help="write the rejects table here")
    p.add_argument("--no-progress", action="store_true", help="hide progress bars")


def _add_output(p: argparse.ArgumentParser, default_format: str = "csv") -> None:
    p.add_argument("--format", dest="out_format", choices=["jsonl", "csv", "parquet", "xlsx"],
                   help=f"output format (default: from --out's suffix, else {default_format})")
    p.add_argument("--out", "-o", default="-", metavar="FILE",
                   help="output file (default: standard output)")


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="coverage-kit", description="How news outlets cover an event: load and tag a "
        "corpus, extract quotes and international reactions, and write reports.")
    parser.add_argument("--version", action="version", version=f"coverage-kit {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("load", help="load and tag articles; write the articles table")
    _add_inputs(p)
    _add_output(p, "csv")

    p = sub.add_parser("quotes", help="extract quotes with their speakers")
    _add_inputs(p)
    _add_output(p, "jsonl")
    p.add_argument("--aliases", metavar="CSV", help="speaker alias table (as "
                                                    "data/speaker_aliases.csv)")

    p = sub.add_parser("reactions", help="extract international reactions")
    _add_inputs(p)
    _add_output(p, "csv")
    p.add_argument("--focus", metavar="ISO3", help="country the event is about (e.g. KAZ); "
                                                   "detected when not given")
    p.add_argument("--actors", metavar="CSV", action="append",
                   help="extra actors table(s) (as data/actors.csv)")

    p = sub.add_parser("report", help="write every chart, table and a full report")
    _add_inputs(p, required=False)  # or --store DIR
    p.add_argument("--store", metavar="DIR|URL",
                   help="report on a corpus store (built with `coverage-kit build`; a folder or "
                        "the s3://... URL it was published to) instead of "
                        "PATHs: every table is aggregated in DuckDB, so memory stays small")
    p.add_argument("--out", "-o", required=True, metavar="DIR", help="folder to write into")
    p.add_argument("--focus", metavar="ISO3", help="country the event is about")
    p.add_argument("--from", dest="start", metavar="DATE", help="first day to include")
    p.add_argument("--to", dest="end", metavar="DATE", help="last day to include")
    p.add_argument("--outlets-only", dest="only_outlets", nargs="+", metavar="OUTLET",
                   help="restrict the report to these outlets")
    p.add_argument("--event-start", metavar="TIME",
                   help="T0 of the reaction timeline (default: the first article)")
    p.add_argument("--freq", default="auto", choices=["auto", "hour", "day", "week", "month"],
                   help="time bin of the timelines (default: chosen from the span: hours up "
                        "to 3 days, days up to 120, weeks up to 900, then months)")
    p.add_argument("--event", dest="events", action="append", metavar="DATE=LABEL",
                   help="mark an event on the timelines, e.g. --event '2025-03-08=Brask "
                        "arrested' (repeatable)")
    p.add_argument("--top", type=int, default=15, metavar="N",
                   help="outlets and speakers named in crowded charts; the rest are summed "
                        "as 'other' (default 15)")

    p = sub.add_parser("build", help="build or update a corpus store (Parquet tables by month)")
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help="files, folders (read recursively) or globs of articles")
    p.add_argument("--store", required=True, metavar="DIR|URL",
                   help="folder of the store, or an fsspec URL (s3://bucket/corpus) to publish "
                        "it to after building in --work")
    p.add_argument("--work", metavar="DIR", help="local work folder for a store given as a URL "
                                                 "(default: a folder in ~/.cache/coverage-kit)")
    p.add_argument("--workers", type=int, default=1, help="local processes to build with")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="run on Dask: 'local' or a scheduler address (tcp://HOST:PORT)")
    p.add_argument("--focus", metavar="ISO3", help="country the event is about (e.g. KAZ); "
                                                   "detected when not given")
    p.add_argument("--actors", metavar="CSV", action="append",
                   help="extra actors table(s) (as data/actors.csv)")
    p.add_argument("--input-format", default="auto",
                   choices=["auto", "aggregator", "text", "html", "feed", "table"],
                   help="input format for all files (default: detect per file)")
    p.add_argument("--outlets", metavar="CSV", help="your own outlet registry rows")
    p.add_argument("--batch-articles", type=int, default=2000, metavar="N",
                   help="articles per batch (default 2000)")
    p.add_argument("--no-progress", action="store_true", help="hide progress bars")
    return parser.parse_args(argv)


def _build(args: argparse.Namespace) -> int:
    from .build import build

    if args.workers < 1 or args.batch_articles < 1:
        raise ValueError("--workers and --batch-articles must be at least 1")
    actors = args.actors[0] if args.actors and len(args.actors) == 1 else args.actors
    result = build(args.paths, args.store, workers=args.workers, scheduler=args.scheduler,
                   focus=args.focus, actors=actors, batch_articles=args.batch_articles,
                   format=args.input_format, outlets=args.outlets, work=args.work,
                   progress=False if args.no_progress else True)
    for line in result.summary().splitlines():
        print(f"coverage-kit: {line}", file=sys.stderr)
    if not result.counts["articles"]:
        print("coverage-kit: error: no article loaded; the store holds the rejects only (see "
              "open_store(DIR).df('rejects') for every skipped input and why)", file=sys.stderr)
        return 1
    return 0


def _load(args: argparse.Namespace):
    from .loader import RejectWarning, load_articles

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RejectWarning)  # summarised below instead
        result = load_articles(args.paths, format=args.input_format,
                               on_error="raise" if args.strict else "skip",
                               outlets=args.outlets, workers=args.workers,
                               progress=False if args.no_progress else None)
    print(f"coverage-kit: {result.summary()}", file=sys.stderr)
    if not len(result.articles):
        if args.rejects:
            from .export import write_table

            write_table(result.rejects, args.rejects)
        raise NothingLoaded(result.explain_empty(args.paths))
    if args.rejects:
        from .export import write_table

        write_table(result.rejects, args.rejects)
        print(f"coverage-kit: rejects written to {args.rejects}", file=sys.stderr)
    elif (result.rejects["code"] != "ignored").any():
        print("coverage-kit: use --rejects FILE to see which inputs were skipped and why",
              file=sys.stderr)
    return result


def _write(df, args: argparse.Namespace, default_format: str) -> None:
    from .export import write_table

    fmt = args.out_format or (None if args.out != "-" else default_format)
    write_table(df, args.out, format=fmt)
    if args.out != "-":
        print(f"coverage-kit: {len(df):,} rows written to {args.out}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    from .export import noting_interrupts

    args = parse_args(argv)
    with noting_interrupts(), warnings.catch_warnings():
        # a Ctrl-C is never swallowed (see export.check_interrupted); warnings read as the
        # CLI's own lines ("coverage-kit: 3 articles in Spanish: quotes not extracted ...")
        warnings.showwarning = _show_warning
        return _run(args)


def _show_warning(message, category, filename, lineno, file=None, line=None) -> None:
    print(f"coverage-kit: {message}", file=sys.stderr)


def _interrupted(args: argparse.Namespace) -> int:
    from .export import leftovers

    if args.command == "build":
        print(f"coverage-kit: interrupted; the store in {args.store} is consistent (it holds "
              "the last completed build) and the next build resumes from the batches already "
              "done", file=sys.stderr)
        return 130

    left = leftovers()
    if left:
        print("coverage-kit: interrupted; these partial files remain and are removed by the "
              "next run: " + ", ".join(map(str, left)), file=sys.stderr)
    elif getattr(args, "out", "-") == "-":
        print("coverage-kit: interrupted; the table on standard output is incomplete",
              file=sys.stderr)
    else:
        print("coverage-kit: interrupted; no partial files were left behind",
              file=sys.stderr)
    return 130


def _report_store(args: argparse.Namespace) -> int:
    """``coverage-kit report --store DIR -o OUT``: the report of a store, aggregated in DuckDB."""
    from .report import write_report
    from .store import open_store

    if args.paths:
        raise ValueError("give either PATHs or --store DIR, not both")
    with open_store(args.store) as store:
        print(f"coverage-kit: {store}", file=sys.stderr)
        report = write_report(store, args.out, focus=args.focus, start=args.start, end=args.end,
                              outlets=args.only_outlets, event_start=args.event_start,
                              freq=args.freq, top=args.top, events=args.events,
                              progress=not args.no_progress)
    print(f"coverage-kit: report written to {args.out}", file=sys.stderr)
    print(f"coverage-kit: open {report.index}", file=sys.stderr)
    return 0


def _run(args: argparse.Namespace) -> int:
    from .export import check_interrupted

    try:
        if args.command == "build":
            code = _build(args)
            check_interrupted()
            return code
        if args.command == "report" and getattr(args, "store", None):
            return _report_store(args)
        if args.command == "report" and not args.paths:
            raise ValueError("give the PATHs of a corpus, or --store DIR")
        result = _load(args)
        if args.command == "load":
            _write(result.articles, args, "csv")
        elif args.command == "quotes":
            from .extract.quotes import quotes_table

            table = quotes_table(result.articles, aliases=args.aliases,
                                 progress=not args.no_progress)
            _write(table, args, "jsonl")
        elif args.command == "reactions":
            from .extract.reactions import reactions_table

            table = reactions_table(result.articles, focus=args.focus, actors=args.actors)
            _write(table, args, "csv")
        elif args.command == "report":
            from .report import write_report

            report = write_report(result, args.out, focus=args.focus, start=args.start,
                                  end=args.end, outlets=args.only_outlets,
                                  event_start=args.event_start, freq=args.freq,
                                  top=args.top, events=args.events,
                                  progress=not args.no_progress)
            print(f"coverage-kit: report written to {args.out}", file=sys.stderr)
            index = getattr(report, "index", None)
            if index:
                print(f"coverage-kit: open {index}", file=sys.stderr)
        check_interrupted()  # a Ctrl-C that Python dropped on the way still counts
    except NothingLoaded as exc:
        print(f"coverage-kit: error: {exc}", file=sys.stderr)
        print("coverage-kit: nothing was written; fix or convert the inputs above (see "
              "--rejects FILE for every skipped input)", file=sys.stderr)
        return 1
    except (InputError, SchemaError, FileNotFoundError, ValueError) as exc:
        print(f"coverage-kit: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return _interrupted(args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
