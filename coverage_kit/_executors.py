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

import functools
import hashlib
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
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


class SchedulerError(ConnectionError, ValueError):
    """The Dask cluster cannot be used: the scheduler is unreachable, or workers run other
    coverage-kit code (an ``OSError``, and a ``ValueError`` like every bad argument the
    command line reports in one line)."""


@functools.lru_cache(maxsize=1)
def code_digest() -> str:
    """SHA-256 over the files of the ``coverage_kit`` package this process imports (its code
    and word lists), to tell whether Dask workers run the same code as the driver."""
    import coverage_kit

    root = Path(coverage_kit.__file__).parent
    h = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            h.update(path.relative_to(root).as_posix().encode() + b"\0")
            h.update(path.read_bytes())
    return h.hexdigest()


class _Item:
    """One item and its index, opaque to Dask (a bare tuple or list could be read as a task)."""

    __slots__ = ("index", "value")

    def __init__(self, index: int, value: Any):
        self.index = index
        self.value = value

    def __getstate__(self):
        return self.index, self.value

    def __setstate__(self, state) -> None:
        self.index, self.value = state


class _Apply:
    """``fn(item, *args)`` for one :class:`_Item`, returning ``(index, result)``; picklable.

    With ``digest`` set, the worker first checks that it runs the same coverage-kit code as
    the driver (:func:`code_digest`, computed once per worker process): a worker that joined
    the cluster after the executor checked the others raises :class:`SchedulerError` instead
    of returning a result that other code made.
    """

    def __init__(self, fn: Callable, args: tuple, digest: str | None = None):
        self.fn = fn
        self.args = args
        self.digest = digest
        self.__name__ = getattr(fn, "__name__", type(fn).__name__)  # names the Dask keys

    def __call__(self, item: _Item) -> tuple[int, Any]:
        if self.digest is not None and code_digest() != self.digest:
            raise SchedulerError(f"Dask worker {_worker_address()} runs different coverage-kit "
                                 f"code than the process that started the build (it joined "
                                 f"after the workers were checked); install the same "
                                 f"coverage-kit version on every machine")
        return item.index, self.fn(item.value, *self.args)


def _worker_address() -> str:
    try:
        from distributed import get_worker

        return get_worker().address
    except (ImportError, ValueError):
        return "(unknown address)"


class DaskExecutor:
    """Batches on a Dask cluster: a scheduler address, a local cluster, or an existing client.

    ``scheduler="tcp://host:8786"`` connects to a running scheduler (``dask scheduler``);
    ``scheduler="local"`` starts a :class:`~distributed.LocalCluster` of ``workers`` processes
    with one thread each on 127.0.0.1, without a dashboard; ``client=`` uses an existing
    :class:`~distributed.Client`. A cluster or client this executor started is closed on exit;
    a client passed in is left open.

    Items become a :mod:`dask.bag` with one partition per item, mapped with ``fn``; each
    partition is computed as its own future and results are yielded as futures complete. The
    function and its arguments are pickled to the workers (by reference for a module-level
    function, so the workers need the same package installed). An exception in a task is
    re-raised here with its message; leaving the loop early, an error or Ctrl-C cancels the
    futures still outstanding. Workers that run other coverage-kit code than this process
    (:func:`code_digest`) are refused with :class:`SchedulerError` before anything runs; a
    worker that joins later checks itself before each batch and fails it with the same error.
    """

    name = "dask"

    def __init__(self, *, scheduler: str | None = None, client: Any = None, workers: int = 1):
        from distributed import Client

        self._cluster = None
        self._pending: set = set()
        self._own_client = client is None
        if client is not None:
            self.client = client
        elif scheduler == "local":
            import warnings

            from distributed import LocalCluster

            with warnings.catch_warnings():
                # the scheduler's health-check HTTP server moves off a busy port 8787 and says
                # so; the dashboard itself is off
                warnings.filterwarnings("ignore", message="Port .* is already in use")
                self._cluster = LocalCluster(n_workers=workers, threads_per_worker=1,
                                             processes=True, host="127.0.0.1",
                                             dashboard_address=None)
            try:
                self.client = Client(self._cluster)
            except BaseException:
                self._cluster.close()
                raise
        elif isinstance(scheduler, str) and "://" in scheduler:
            try:
                self.client = Client(scheduler)
            except OSError as exc:
                raise SchedulerError(f"cannot reach the Dask scheduler at {scheduler}: {exc} "
                                     f"(start one with `dask scheduler` and workers with "
                                     f"`dask worker {scheduler}`)") from None
        else:
            raise ValueError(f"scheduler must be 'local' or an address such as "
                             f"'tcp://host:8786', got {scheduler!r}")
        try:
            self._check_workers()
        except BaseException:
            self.close()
            raise

    def _check_workers(self) -> None:
        """Refuse workers that run other coverage-kit code than this process: a store built
        by a mix would depend on which worker took which batch. (Workers that join later check
        themselves in :class:`_Apply`.)"""
        mine = code_digest()
        try:
            theirs = self.client.run(code_digest)
        except Exception as exc:  # noqa: BLE001 - e.g. ModuleNotFoundError on a worker
            raise SchedulerError(f"the Dask workers cannot run coverage-kit ({type(exc).__name__}"
                                 f": {exc}); install the same coverage-kit on every "
                                 f"machine") from None
        odd = sorted(addr for addr, digest in theirs.items() if digest != mine)
        if odd:
            raise SchedulerError(
                f"{len(odd)} of {len(theirs)} Dask worker(s) run different coverage-kit code "
                f"than this process ({', '.join(odd[:3])}{' ...' if len(odd) > 3 else ''}); "
                f"install the same coverage-kit version on every machine")

    def map_unordered(self, fn: Callable, items: Sequence, *args: Any) -> Iterator[tuple[int, Any]]:
        import dask.bag as db
        from distributed import as_completed

        boxed = [_Item(i, item) for i, item in enumerate(items)]
        if not boxed:
            return
        task = _Apply(fn, args, code_digest())
        bag = db.from_sequence(boxed, npartitions=len(boxed)).map(task)
        futures = self.client.compute(bag.to_delayed())
        pending = set(futures)
        self._pending |= pending
        try:
            for fut in as_completed(futures):
                pending.discard(fut)
                self._pending.discard(fut)
                yield from fut.result()
        finally:
            self._cancel(pending)

    def _cancel(self, futures) -> None:
        futures = list(futures)
        self._pending.difference_update(futures)
        running = [f for f in futures if not f.done()]
        if running and self.client.status == "running":
            self.client.cancel(running)

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """Cancel what is still running; close the client and cluster this executor started."""
        self._cancel(list(self._pending))
        if self._own_client:
            self.client.close()
            if self._cluster is not None:
                self._cluster.close()


def make_executor(*, workers: int = 1, scheduler: str | None = None, client: Any = None):
    """The executor for ``workers`` local processes, or for a Dask ``scheduler``/``client``.

    ``scheduler`` is ``None`` (this machine, ``workers`` processes without Dask), ``"local"``
    (a Dask cluster of ``workers`` processes on this machine) or a Dask scheduler address
    (``"tcp://host:8786"``); ``client`` is an existing ``dask.distributed.Client``, which
    wins over ``scheduler``.

    >>> with make_executor(workers=1) as ex:
    ...     sorted(ex.map_unordered(divmod, [7, 9], 4))
    [(0, (1, 3)), (1, (2, 1))]
    """
    if not isinstance(workers, int) or workers < 1:
        raise ValueError(f"workers must be a positive int, got {workers!r}")
    if client is not None or scheduler is not None:
        return DaskExecutor(scheduler=scheduler, client=client, workers=workers)
    if workers > 1:
        return ProcessExecutor(workers)
    return SerialExecutor()
