"""Run one extraction function over many articles, in order, in this process or in several.

Quotes and reactions both turn a list of per-article jobs into per-article records; this is the
one place that chunks them for a process pool and shows progress.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence


def in_processes(n_jobs: int, workers: int) -> bool:
    """Whether :func:`map_in_order` will use a process pool (enough jobs for the workers)."""
    return workers > 1 and n_jobs >= 2 * workers


def _chunk(fn: Callable, jobs: Sequence, args: tuple) -> list:
    return [fn(job, *args) for job in jobs]


def map_in_order(fn: Callable, jobs: Sequence, *, args: tuple = (), workers: int = 1,
                 progress: bool = False, desc: str = "articles") -> Iterator:
    """Yield ``fn(job, *args)`` for every job, in input order.

    With :func:`in_processes`, jobs go to ``workers`` processes in chunks of at most 200
    (``fn`` and ``args`` must then be picklable). ``progress`` shows a tqdm bar.
    """
    bar = None
    if progress:
        from tqdm.auto import tqdm

        bar = tqdm(total=len(jobs), desc=desc, unit="article")
    try:
        if not in_processes(len(jobs), workers):
            for job in jobs:
                yield fn(job, *args)
                if bar is not None:
                    bar.update(1)
            return
        from concurrent.futures import ProcessPoolExecutor

        size = max(1, min(200, len(jobs) // (workers * 4)))
        chunks = [jobs[k : k + size] for k in range(0, len(jobs), size)]
        with ProcessPoolExecutor(max_workers=workers) as pool:
            for res in pool.map(_chunk, [fn] * len(chunks), chunks, [args] * len(chunks)):
                yield from res
                if bar is not None:
                    bar.update(len(res))
    finally:
        if bar is not None:
            bar.close()
