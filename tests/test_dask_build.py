"""A build on Dask gives row for row the store of the single-process build.

Both builds use the same batches (``batch_articles``), so the only difference is where the
batches run: in this process, or on a ``LocalCluster`` of two worker processes (through
``scheduler="local"`` and through ``client=``), or (on the sample) in two local processes
without Dask. Compared on the bundled sample (HTML, feeds,
tables, rejects and duplicates) and on 5,000 generated articles. The last test runs the CLI
against a ``dask scheduler`` and a ``dask worker`` started as separate programs, as on a
cluster.

Needs :mod:`coverage_kit.build` (the corpus store builder).
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import time
import warnings
from pathlib import Path

import pandas as pd
import pytest

from _shared import ROOT, SAMPLE
from coverage_kit.build import build
from coverage_kit.cli import main
from coverage_kit.loader import load_articles
from coverage_kit.store import TABLES, open_store, read_manifest

distributed = pytest.importorskip("distributed")

N_GENERATED = 5000

pytestmark = pytest.mark.filterwarnings("ignore:.*(records skipped|not extracted)")


def generate(folder: Path, n: int, seed: int = 12) -> Path:
    """``n`` invented articles in JSON Lines files of 2,500 (over 1 MB, so a build cuts them
    into ranges of ``batch_articles`` lines): the title and outlet of an English
    sample article, 2-6 paragraphs drawn from all of them, spread over three weeks across a
    month boundary (so a store has several month partitions)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        arts = load_articles(SAMPLE).articles
    arts = arts[arts["language"] == "en"]
    rng = random.Random(seed)
    paras = [p.strip() for t in arts["text"] for p in str(t).split("\n") if p.strip()]
    heads = list(zip(arts["title"].astype(str), arts["outlet"].astype(str)))
    start = pd.Timestamp("2025-02-20T06:00:00Z")
    folder.mkdir(parents=True, exist_ok=True)
    for f in range(0, n, 2500):
        with open(folder / f"generated_{f // 2500:02d}.jsonl", "w", encoding="utf-8") as fh:
            for i in range(f, min(n, f + 2500)):
                title, outlet = heads[rng.randrange(len(heads))]
                body = "\n".join(rng.choice(paras) for _ in range(rng.randint(2, 6)))
                when = start + pd.Timedelta(seconds=int(i * 21 * 86400 / n))
                fh.write(json.dumps({"title": f"{title} ({i})", "text": body,
                                     "published": when.strftime("%Y-%m-%dT%H:%M:%SZ"),
                                     "outlet": outlet, "language": "en",
                                     "url": f"https://example.org/{i}"}) + "\n")
    return folder


def _sorted(df: pd.DataFrame) -> pd.DataFrame:
    order = df.astype(str).sort_values(list(df.columns), kind="stable").index
    return df.loc[order].reset_index(drop=True)


def assert_same_store(a: Path, b: Path) -> None:
    """Every table has the same rows (in any order) with the same dtypes; the manifests list
    the same inputs, counts and focus."""
    ma, mb = read_manifest(a), read_manifest(b)
    assert ma["counts"] == mb["counts"]
    assert ma["focus"] == mb["focus"]
    assert sorted(ma["inputs"], key=lambda i: i["path"]) == \
        sorted(mb["inputs"], key=lambda i: i["path"])
    with open_store(a) as sa, open_store(b) as sb:
        for name in TABLES:
            da, db = sa.df(name), sb.df(name)
            assert len(da) == ma["counts"][name], name
            assert list(da.columns) == list(db.columns), name
            pd.testing.assert_frame_equal(_sorted(da), _sorted(db), obj=name)


def test_sample_on_a_local_cluster_and_on_processes_equals_one_process(tmp_path):
    serial = build(SAMPLE, tmp_path / "serial", batch_articles=25, progress=False)
    assert serial.batches >= 4
    assert serial.counts["articles"] >= 100 and serial.counts["quotes"] >= 500
    assert serial.counts["reactions"] >= 50 and serial.counts["rejects"] >= 10
    on_dask = build(SAMPLE, tmp_path / "dask", batch_articles=25, progress=False,
                    scheduler="local", workers=2)
    assert on_dask.batches == serial.batches
    assert_same_store(tmp_path / "serial", tmp_path / "dask")
    # the store is parallel = serial without Dask too
    build(SAMPLE, tmp_path / "processes", batch_articles=25, progress=False, workers=2)
    assert_same_store(tmp_path / "serial", tmp_path / "processes")


def test_generated_articles_on_a_client_equal_one_process(tmp_path, client):
    inputs = generate(tmp_path / "inputs", N_GENERATED)
    serial = build(inputs, tmp_path / "serial", batch_articles=500, progress=False)
    assert serial.counts["articles"] == N_GENERATED
    assert serial.counts["quotes"] >= 2 * N_GENERATED and serial.counts["reactions"] > 0
    on_dask = build(inputs, tmp_path / "dask", batch_articles=500, progress=False,
                    client=client)
    assert on_dask.batches == serial.batches >= 10
    assert_same_store(tmp_path / "serial", tmp_path / "dask")
    # both workers took part, and the client passed in is still usable
    assert client.status == "running"
    assert len(client.scheduler_info()["workers"]) == 2
    with open_store(tmp_path / "dask") as store:
        folders = {f.split("/")[1] for f in store.manifest["tables"]["articles"]["files"]}
        months = store.sql("SELECT DISTINCT strftime(published, '%Y-%m') FROM articles "
                           "ORDER BY 1").fetchall()
    assert [m[0] for m in months] == ["2025-02", "2025-03"]
    assert sorted(folders) == ["month=2025-02", "month=2025-03"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.slow
def test_cli_build_on_a_separate_scheduler_and_worker(tmp_path):
    """``dask scheduler`` and ``dask worker`` as separate programs (as on N machines), then
    ``coverage-kit build ... --scheduler tcp://...``; the store equals the serial build's."""
    dask_cli = shutil.which("dask", path=os.path.dirname(sys.executable))
    if dask_cli is None:
        pytest.skip("the `dask` command is not installed beside this Python")
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        [str(ROOT), os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep)}
    log = open(tmp_path / "dask.log", "w")
    procs = [subprocess.Popen([dask_cli, "scheduler", "--host", "127.0.0.1", "--port",
                               str(port), "--no-dashboard"], stdout=log, stderr=log, env=env,
                              cwd=tmp_path)]
    try:
        procs.append(subprocess.Popen([dask_cli, "worker", address, "--nworkers", "2",
                                       "--nthreads", "1", "--host", "127.0.0.1",
                                       "--no-dashboard"], stdout=log, stderr=log, env=env,
                                      cwd=tmp_path))
        from distributed import Client

        with Client(address, timeout="30s") as c:
            c.wait_for_workers(2, timeout=60)
        serial = build(SAMPLE, tmp_path / "serial", batch_articles=25, progress=False)
        code = main(["build", str(SAMPLE), "--store", str(tmp_path / "cluster"),
                     "--scheduler", address, "--batch-articles", "25", "--no-progress"])
        assert code == 0
        assert serial.batches >= 4
        assert_same_store(tmp_path / "serial", tmp_path / "cluster")
    finally:
        for p in reversed(procs):
            p.terminate()
        for p in reversed(procs):
            try:
                p.wait(timeout=30)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()
        log.close()


def test_an_unreachable_scheduler_is_named_in_the_error(tmp_path, capsys):
    import dask

    address = f"tcp://127.0.0.1:{_free_port()}"
    with dask.config.set({"distributed.comm.timeouts.connect": "2s"}):
        with pytest.raises(OSError, match=rf"cannot reach the Dask scheduler at {address}"):
            build(SAMPLE, tmp_path / "store", scheduler=address, progress=False)
        # the command line says so in one line, without a traceback
        assert main(["build", str(SAMPLE), "--store", str(tmp_path / "cli"), "--scheduler",
                     address, "--no-progress"]) == 1
    err = capsys.readouterr().err
    assert f"coverage-kit: error: cannot reach the Dask scheduler at {address}" in err
    assert "Traceback" not in err


@pytest.mark.slow
def test_ctrl_c_on_a_local_cluster_leaves_a_consistent_store_and_resumes(tmp_path):
    """Ctrl-C in a terminal interrupts the whole process group: the build, the local Dask
    cluster it started and its workers. The build exits with 130, no process is left behind,
    the store opens, and the next build resumes and equals the serial build."""
    store = tmp_path / "store"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        [str(ROOT), os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "coverage_kit.cli", "build", str(SAMPLE), "--store", str(store),
         "--scheduler", "local", "--workers", "2", "--batch-articles", "10", "--no-progress"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        start_new_session=True)
    try:
        deadline = time.monotonic() + 300
        staged = 0
        while time.monotonic() < deadline and proc.poll() is None and staged < 3:
            try:
                units = read_manifest(store)["build"]["units"].values()
                staged = sum(1 for u in units if u.get("stage"))
            except Exception:  # noqa: BLE001 - no manifest yet
                pass
            time.sleep(0.1)
        assert proc.poll() is None, "the build finished before it could be interrupted"
        os.killpg(proc.pid, signal.SIGINT)
        _, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    assert proc.returncode == 130, err[-3000:]
    assert "interrupted" in err
    time.sleep(2)
    try:
        os.killpg(proc.pid, 0)
        left = True
    except ProcessLookupError:
        left = False
    assert not left, "processes of the interrupted build's cluster are still running"
    with open_store(store) as st:
        assert st.sql("SELECT count(*) FROM articles").fetchone()[0] == st.counts["articles"]
    resumed = build(SAMPLE, store, batch_articles=10, progress=False, scheduler="local",
                    workers=2)
    assert resumed.batches_staged <= resumed.batches - 3
    build(SAMPLE, tmp_path / "serial", batch_articles=10, progress=False)
    assert_same_store(tmp_path / "serial", store)
