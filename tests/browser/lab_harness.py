"""A real JupyterLab and a real Chromium for end-to-end tests.

:class:`LabServer` starts ``jupyter lab`` from this interpreter on 127.0.0.1 with a random token,
a temporary root folder and temporary config, settings and runtime folders, so nothing the
developer has in ``~/.jupyter`` changes the result and nothing is written outside the test's
folder. :func:`launch_chromium` drives Debian's ``/usr/bin/chromium`` through Playwright
(Playwright cannot download its own browser here). :class:`LabPage` knows the few JupyterLab
moves the tests need: open a notebook, run all cells, wait for the kernel, read errors.

Everything waits with explicit timeouts and says what it was waiting for when one expires; the
server log is attached to every failure.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]

INSTALL_HINT = (
    "The browser test needs Chromium and Playwright's Python package.\n"
    "  Debian/Ubuntu: sudo apt-get install -y chromium fonts-noto-core\n"
    "  (python3 dev.py test installs it for you when run as root)\n"
    "  Elsewhere: install Chromium and set COVERAGE_KIT_CHROMIUM=/path/to/chromium\n"
    "  Python side: .venv/bin/pip install -e '.[dev]'  (brings playwright)\n"
    "Playwright's own browser download is not used: it cannot reach its host here."
)

#: JupyterLab settings for a quiet, deterministic test session: no news or update toasts.
LAB_OVERRIDES = {
    "@jupyterlab/apputils-extension:notification": {
        "checkForUpdates": False,
        "fetchNews": "false",
    },
}


class BrowserSetupError(RuntimeError):
    """Chromium or Playwright is missing; the message says how to install them."""


def find_chromium(candidates: list[str | None] | None = None) -> str:
    """Path of the Chromium executable, or raise :class:`BrowserSetupError` saying how to get it."""
    if candidates is None:
        candidates = [
            os.environ.get("COVERAGE_KIT_CHROMIUM"),
            "/usr/bin/chromium",
            shutil.which("chromium"),
            shutil.which("chromium-browser"),
        ]
    for path in candidates:
        if path and Path(path).is_file() and os.access(path, os.X_OK):
            return path
    raise BrowserSetupError("Chromium was not found.\n" + INSTALL_HINT)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LabServer:
    """JupyterLab running in a subprocess, isolated in ``workdir``.

    Parameters
    ----------
    root : Path
        Folder JupyterLab serves (its file browser root and the notebooks' working folder).
    workdir : Path
        Scratch folder for config, settings, runtime files and the server log.
    """

    def __init__(self, root: Path, workdir: Path, *, start_timeout: float = 90.0):
        self.root = Path(root)
        self.workdir = Path(workdir)
        self.start_timeout = start_timeout
        self.token = secrets.token_hex(16)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = self.workdir / "jupyterlab.log"
        self.proc: subprocess.Popen | None = None
        self._log = None

    def _prepare(self) -> tuple[list[str], dict[str, str]]:
        config = self.workdir / "config"
        settings = self.workdir / "share" / "jupyter" / "lab" / "settings"
        for d in (config, settings, self.workdir / "runtime", self.workdir / "user-settings",
                  self.workdir / "workspaces"):
            d.mkdir(parents=True, exist_ok=True)
        (settings / "overrides.json").write_text(json.dumps(LAB_OVERRIDES, indent=2))
        # The notebooks' "python3" kernel is this interpreter, whatever kernels the user has.
        from ipykernel.kernelspec import install

        install(kernel_name="python3", prefix=str(self.workdir),
                display_name="Python 3 (ipykernel)")
        env = dict(os.environ)
        env.update(
            JUPYTER_PATH=str(self.workdir / "share" / "jupyter"),
            JUPYTER_CONFIG_DIR=str(config),
            JUPYTER_RUNTIME_DIR=str(self.workdir / "runtime"),
            JUPYTER_PLATFORM_DIRS="1",
            MPLBACKEND="module://matplotlib_inline.backend_inline",
            PYTHONUNBUFFERED="1",
            # kernels start in the notebook's folder: make them import this checkout's
            # coverage_kit, not another one installed in the environment
            PYTHONPATH=os.pathsep.join(filter(None, [str(Path(__file__).resolve().parents[2]),
                                                     os.environ.get("PYTHONPATH")])),
        )
        env.pop("JUPYTERLAB_DIR", None)
        cmd = [
            sys.executable, "-m", "jupyterlab",
            "--no-browser",
            "--ip=127.0.0.1",
            f"--port={self.port}",
            "--port-retries=0",
            f"--IdentityProvider.token={self.token}",
            f"--ServerApp.root_dir={self.root}",
            "--ServerApp.open_browser=False",
            "--ServerApp.disable_check_xsrf=False",
            f"--LabApp.app_settings_dir={settings}",
            f"--LabApp.user_settings_dir={self.workdir / 'user-settings'}",
            f"--LabApp.workspaces_dir={self.workdir / 'workspaces'}",
            "--LabApp.expose_app_in_browser=True",
            "--LabApp.news_url=None",
            "--allow-root",
        ]
        return cmd, env

    def start(self) -> "LabServer":
        cmd, env = self._prepare()
        self._log = open(self.log_path, "wb")
        self.proc = subprocess.Popen(
            cmd, cwd=self.root, env=env, stdout=self._log, stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + self.start_timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(
                    f"JupyterLab exited with code {self.proc.returncode} during start-up.\n"
                    + self.log_tail()
                )
            if self.api_ok():
                return self
            time.sleep(0.3)
        self.stop()
        raise TimeoutError(
            f"JupyterLab did not answer {self.url}/api/status within {self.start_timeout:.0f} s.\n"
            + self.log_tail()
        )

    def api_ok(self) -> bool:
        try:
            with urllib.request.urlopen(
                f"{self.url}/api/status?token={self.token}", timeout=2
            ) as resp:
                return resp.status == 200
        except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
            return False

    def api(self, path: str) -> object:
        with urllib.request.urlopen(f"{self.url}{path}?token={self.token}", timeout=5) as resp:
            return json.loads(resp.read())

    def lab_url(self, path: str = "") -> str:
        return f"{self.url}/lab/tree/{path}?token={self.token}&reset"

    def log_tail(self, n: int = 80) -> str:
        if self._log:
            self._log.flush()
        try:
            lines = self.log_path.read_text(errors="replace").splitlines()
        except OSError:
            return "(no JupyterLab log)"
        # never print the token
        text = "\n".join(lines[-n:]).replace(self.token, "<token>")
        return f"--- last {min(n, len(lines))} lines of the JupyterLab log ({self.log_path}) ---\n{text}"

    def stop(self) -> None:
        """Shut JupyterLab and its kernels down: SIGTERM to its process group, then SIGKILL."""
        if self.proc is None:
            return
        if self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                try:
                    os.killpg(self.proc.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                self.proc.wait(timeout=5)
        if self._log:
            self._log.close()
            self._log = None

    def __enter__(self) -> "LabServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def launch_chromium(playwright):
    """Launch headless Chromium from the system, never Playwright's download."""
    return playwright.chromium.launch(
        executable_path=find_chromium(), headless=True, args=CHROMIUM_ARGS
    )


class NotebookError(AssertionError):
    """A cell raised while the browser ran the notebook."""


class LabPage:
    """One JupyterLab tab in Playwright, with the moves the tests need."""

    def __init__(self, page, server: LabServer):
        self.page = page
        self.server = server
        self.console: list[str] = []
        page.on("console", lambda m: self.console.append(f"{m.type}: {m.text}"))
        page.on("pageerror", lambda e: self.console.append(f"pageerror: {e}"))

    def open_notebook(self, path: str, *, timeout: float = 60.0) -> None:
        """Open ``path`` (relative to the server root) and wait for its kernel to be idle."""
        self.page.goto(self.server.lab_url(path), timeout=timeout * 1000)
        self.page.wait_for_function(
            "() => window.jupyterapp && window.jupyterapp.shell"
            " && window.jupyterapp.shell.currentWidget"
            " && window.jupyterapp.shell.currentWidget.sessionContext",
            timeout=timeout * 1000,
        )
        self.wait_kernel_idle(timeout=timeout)

    def wait_kernel_idle(self, *, timeout: float = 60.0) -> None:
        self.page.wait_for_function(
            """() => {
                const w = window.jupyterapp.shell.currentWidget;
                const s = w && w.sessionContext && w.sessionContext.session;
                return !!(s && s.kernel && s.kernel.status === 'idle');
            }""",
            timeout=timeout * 1000,
        )

    def run_all(self, *, timeout: float = 180.0) -> None:
        """Run every cell, wait until none is queued or running, and raise on a cell error."""
        self.page.evaluate(
            "() => window.jupyterapp.commands.execute('notebook:run-all-cells')"
        )
        # Every code cell gets an execution count once it has run; "*" while queued/running.
        self.page.wait_for_function(
            """() => {
                const nb = window.jupyterapp.shell.currentWidget.content;
                const cells = nb.widgets.filter(c => c.model.type === 'code');
                const s = window.jupyterapp.shell.currentWidget.sessionContext.session;
                const idle = s && s.kernel && s.kernel.status === 'idle';
                return idle && cells.every(c => c.model.executionCount !== null
                                                && !c.promptNode.textContent.includes('*'));
            }""",
            timeout=timeout * 1000,
            polling=250,
        )
        errors = self.cell_errors()
        if errors:
            raise NotebookError("A cell failed in the browser:\n" + "\n\n".join(errors))

    def cell_errors(self) -> list[str]:
        """Tracebacks shown in the notebook (error outputs and stderr tracebacks)."""
        return self.page.evaluate(
            """() => {
                const nb = window.jupyterapp.shell.currentWidget.content;
                const out = [];
                nb.widgets.forEach((c, i) => {
                    if (c.model.type !== 'code') return;
                    const outputs = c.model.outputs;
                    for (let k = 0; k < outputs.length; k++) {
                        const o = outputs.get(k).toJSON();
                        if (o.output_type === 'error') {
                            out.push(`cell ${i}: ${o.ename}: ${o.evalue}`);
                        }
                    }
                });
                document.querySelectorAll('.ck-error').forEach(e => {
                    if (e.textContent.trim()) out.push('widget callback: ' + e.textContent);
                });
                return out;
            }"""
        )

    def diagnostics(self) -> str:
        """Browser console and server log, for failure messages."""
        console = "\n".join(self.console[-40:]) or "(empty)"
        return f"--- browser console ---\n{console}\n{self.server.log_tail()}"
