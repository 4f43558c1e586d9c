"""The executors a build maps its batches with: serial, local processes and Dask give the same
``(index, result)`` pairs, re-raise a task's error with its message, and stop on Ctrl-C."""

from __future__ import annotations

import time
import warnings
from pathlib import Path

import pytest

from coverage_kit._executors import (DaskExecutor, ProcessExecutor, SerialExecutor,
                                     make_executor)

distributed = pytest.importorskip("distributed")


# Module-level, so that worker processes can unpickle them by reference.
def word_stats(batch, lower):
    """A small batch function like a build's: a list of texts in, a small summary out."""
    words = [w.lower() if lower else w for text in batch for w in str(text).split()]
    return {"texts": len(batch), "words": len(words), "longest": max(words, key=len, default="")}


def fail_on(batch, bad):
    if bad in batch:
        raise ValueError(f"batch {batch!r} holds the bad value {bad!r}")
    return len(batch)


def slow_marker(name, folder, seconds):
    time.sleep(seconds)
    Path(folder, name).write_text("done", encoding="utf-8")
    return name


BATCHES = [
    ["Kazakhstan's president ordered troops to fire without warning.", "Protests spread."],
    [],
    ["The Collective Security Treaty Organization sent peacekeepers to Almaty."],
    # a tuple whose first element is callable: a naive Dask graph would run it as a task
    (len, "not a task"),
    ["Internet access was cut across the country", "Fuel prices doubled on January 1."] * 3,
]


def _run(ex, fn, items, *args):
    with ex:
        return sorted(ex.map_unordered(fn, items, *args))


def test_make_executor_picks_the_executor(client):
    assert isinstance(make_executor(), SerialExecutor)
    with make_executor(workers=2) as ex:
        assert isinstance(ex, ProcessExecutor)
    with make_executor(client=client) as ex:
        assert isinstance(ex, DaskExecutor) and ex.client is client
    with pytest.raises(ValueError, match="workers must be a positive int"):
        make_executor(workers=0)
    with pytest.raises(ValueError, match=r"scheduler must be 'local' or an address"):
        make_executor(scheduler="127.0.0.1:8786")


def test_all_executors_give_the_same_pairs(client):
    expected = [(i, word_stats(b, True)) for i, b in enumerate(BATCHES)]
    assert _run(SerialExecutor(), word_stats, BATCHES, True) == expected
    assert _run(ProcessExecutor(2), word_stats, BATCHES, True) == expected
    assert _run(make_executor(client=client), word_stats, BATCHES, True) == expected
    assert _run(make_executor(scheduler="local", workers=2), word_stats, BATCHES, True) \
        == expected
    for ex in (SerialExecutor(), ProcessExecutor(2), make_executor(client=client)):
        assert _run(ex, word_stats, [], True) == []


def test_a_passed_client_stays_open_and_a_local_cluster_is_closed(client):
    with make_executor(client=client) as ex:
        list(ex.map_unordered(len, ["ab"]))
    assert client.status == "running"
    with make_executor(scheduler="local", workers=1) as ex:
        own = ex.client
        assert len(own.scheduler_info()["workers"]) == 1
    assert own.status == "closed"


@pytest.mark.parametrize("which", ["serial", "processes", "dask"])
def test_an_error_in_a_task_is_raised_with_its_message(which, client):
    ex = {"serial": SerialExecutor, "processes": lambda: ProcessExecutor(2),
          "dask": lambda: make_executor(client=client)}[which]()
    with pytest.raises(ValueError, match=r"batch \['b', 'x'\] holds the bad value 'x'"):
        _run(ex, fail_on, [["a"], ["b", "x"], ["c"]], "x")


def test_ctrl_c_cancels_the_batches_still_outstanding(client, tmp_path):
    # 20 half-second batches on 2 workers take 5 s; an interrupt after the first result must
    # stop the rest instead of letting them all run (and write) on the cluster. Batches already
    # running, or handed to a worker, still finish.
    names = [f"b{i:02d}" for i in range(20)]
    got = []
    with pytest.raises(KeyboardInterrupt):
        with make_executor(client=client) as ex:
            for _, name in ex.map_unordered(slow_marker, names, str(tmp_path), 0.5):
                got.append(name)
                raise KeyboardInterrupt
    time.sleep(6)
    written = sorted(p.name for p in tmp_path.iterdir())
    assert got and got[0] in written
    assert len(written) <= 10, written
    assert client.status == "running"
    assert _run(make_executor(client=client), len, ["abc"]) == [(0, 3)]


@pytest.mark.slow
def test_workers_running_other_coverage_kit_code_are_refused(tmp_path):
    """A worker that imports a different copy of the package (an older install on one
    machine) would make the store depend on which worker took which batch."""
    import os
    import shutil
    import subprocess
    import sys

    from distributed import Client, LocalCluster

    import coverage_kit

    other = tmp_path / "other"
    shutil.copytree(Path(coverage_kit.__file__).parent, other / "coverage_kit",
                    ignore=shutil.ignore_patterns("__pycache__"))
    with open(other / "coverage_kit" / "extract" / "quotes.py", "a", encoding="utf-8") as fh:
        fh.write("\n# a local edit on one machine\n")
    dask_cli = shutil.which("dask", path=os.path.dirname(sys.executable))
    if dask_cli is None:
        pytest.skip("the `dask` command is not installed beside this Python")
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Port .* is already in use")
        cluster = LocalCluster(n_workers=1, threads_per_worker=1, processes=True,
                               host="127.0.0.1", dashboard_address=None)
    with cluster, Client(cluster) as c:
        with make_executor(client=c) as ex:  # the same code: accepted
            assert _run(ex, len, ["ab"]) == [(0, 2)]
        early = make_executor(client=c)  # checked while only the same-code worker runs
        good = set(c.scheduler_info()["workers"])
        worker = subprocess.Popen(
            [dask_cli, "worker", cluster.scheduler_address, "--nworkers", "1", "--nthreads",
             "1", "--host", "127.0.0.1", "--no-dashboard"],
            env={**os.environ, "PYTHONPATH": str(other)}, cwd=tmp_path,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            c.wait_for_workers(2, timeout=60)
            with pytest.raises(ValueError, match=r"1 of 2 Dask worker\(s\) run different "
                                                 r"coverage-kit code than this process"):
                make_executor(client=c)
            assert c.status == "running"  # a client passed in is left open
            # the other worker joined after `early` checked the workers: once it is the only
            # one, its batches fail with the reason instead of returning other code's results
            c.retire_workers(workers=sorted(good))
            with pytest.raises(ValueError, match=r"Dask worker tcp://\S+ runs different "
                                                 r"coverage-kit code .* joined after"):
                _run(early, len, ["ab", "cde"])
        finally:
            worker.terminate()
            worker.wait(timeout=30)
