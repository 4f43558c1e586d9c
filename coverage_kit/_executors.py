"""Where a build's batches run: in this process, in a local process pool, or on Dask.

A build splits its inputs into batches and maps one picklable function over them; each call
writes its own files and returns a small picklable summary. An executor only decides where the
calls run. Results come back as ``(index, result)`` pairs **as they complete**, so a caller that
commits progress (the store's manifest) can do so without waiting for a slow first batch.

    with make_executor(workers=2) as ex:
        for i, summary in ex.map_unordered(process_batch, batches):
            ...
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any


class SerialExecutor:
    """Every batch in this process, in order."""

    name = "serial"

    def map_unordered(self, fn: Callable, items: Sequence, *args: Any) -> Iterator[tuple[int, Any]]:
        for i, item in enumerate(items):
            yield i, fn(item, *args)

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        pass


class ProcessExecutor:
    """Batches in ``workers`` local processes; at most ``2 * workers`` submitted at a time."""

    name = "processes"

    def __init__(self, workers: int):
        from concurrent.futures import ProcessPoolExecutor

        self.workers = workers
        self.pool = ProcessPoolExecutor(max_workers=workers)

    def map_unordered(self, fn: Callable, items: Sequence, *args: Any) -> Iterator[tuple[int, Any]]:
        from concurrent.futures import FIRST_COMPLETED, wait

        pending: dict = {}
        todo = iter(enumerate(items))
        try:
            while True:
                for i, item in todo:
                    pending[self.pool.submit(fn, item, *args)] = i
                    if len(pending) >= 2 * self.workers:
                        break
                if not pending:
                    return
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for fut in done:
                    yield pending.pop(fut), fut.result()
        finally:
            for fut in pending:
                fut.cancel()

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


def make_executor(*, workers: int = 1, scheduler: str | None = None, client: Any = None):
    """The executor for ``workers`` local processes, or for a Dask ``scheduler``/``client``.

    ``scheduler`` is ``None`` or ``"local"`` (this machine) or a Dask scheduler address
    (``"tcp://host:8786"``); ``client`` is an existing ``dask.distributed.Client``.
    """
    if client is not None or (scheduler not in (None, "local")):
        raise NotImplementedError("Dask executor: see coverage_kit._executors.DaskExecutor")
    if workers > 1:
        return ProcessExecutor(workers)
    return SerialExecutor()
