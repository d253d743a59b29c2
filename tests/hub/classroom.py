"""A real JupyterHub on loopback with a class of students: the machinery behind tests/hub and
benchmarks/bench_hub.py.

:class:`Classroom` starts JupyterHub (DummyAuthenticator, SimpleLocalProcessSpawner, the real
configurable-http-proxy from npm) in a scratch folder, with a service token for the hub's REST API.
:meth:`Classroom.student` then does for one student what a class does at the start of a session:
log in with the form, follow the lecturer's nbgitpuller link (``/hub/user-redirect/git-pull?repo=
...&branch=main&urlpath=...``) and let the page's event stream clone the kit, open a kernel on the
pulled notebook and run code in it through the Jupyter REST and kernel websocket APIs.

Everything runs as the current user (the local process spawner cannot switch users); each student
has a home folder of their own under the scratch folder. Nothing here reads the developer's home.
"""

from __future__ import annotations

import asyncio
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
PASSWORD = "class-password"  # DummyAuthenticator: any user, this password
REPO_NAME = "coordkit"  # the folder nbgitpuller clones into, as from the real repository


def proxy_command() -> str | None:
    """configurable-http-proxy: from PATH, or where ./kit installs it (.venv/chp)."""
    for candidate in (shutil.which("configurable-http-proxy"),
                      ROOT / ".venv" / "chp" / "node_modules" / ".bin" / "configurable-http-proxy"):
        if candidate and Path(candidate).exists():
            return str(candidate)
    return None


def nbgitpuller_link(hub: str, repo: str, notebook: str, *, branch: str = "main") -> str:
    """The lecturer's link, as in the README: log in, clone or update the kit, open ``notebook``."""
    query = urlencode({"repo": repo, "branch": branch, "urlpath": f"lab/tree/{REPO_NAME}/{notebook}"})
    return f"{hub.rstrip('/')}/hub/user-redirect/git-pull?{query}"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Outcome:
    """What one student's session did."""

    name: str
    ok: bool = False
    steps: dict[str, float] = field(default_factory=dict)  # seconds per step
    output: str = ""  # what the code printed
    comm_opens: int = 0  # widget models the kernel opened
    error: str = ""


class Classroom:
    """A JupyterHub on loopback, started in ``workdir``; use as a context manager."""

    def __init__(self, workdir: Path, *, proxy: str, niceness: int = 0) -> None:
        self.workdir = workdir
        self.proxy = proxy
        self.niceness = niceness  # >0: the hub and every student's processes yield the CPU to others
        self.token = secrets.token_hex(16)
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.homes = workdir / "homes"
        self.log = workdir / "jupyterhub.log"
        self.origin = workdir / "origin" / REPO_NAME
        self.runtime = tempfile.mkdtemp(prefix="ck-rt-")  # short: kernels' Unix sockets live here
        self.process: subprocess.Popen | None = None

    # ----- set-up ------------------------------------------------------------------------------
    def make_origin(self) -> str:
        """A local clone of this repository with a ``main`` branch: the repository students pull."""
        self.origin.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(["git", "clone", "--quiet", "--no-hardlinks", str(ROOT), str(self.origin)], check=True,
                       capture_output=True, text=True)
        subprocess.run(["git", "-C", str(self.origin), "checkout", "--quiet", "-B", "main"], check=True,
                       capture_output=True, text=True)
        return self.origin.as_uri()

    def _config(self) -> str:
        bindir = Path(sys.executable).parent
        # A loaded CI machine may take over a minute to start a kernel (default limit: 60 s). Kernels
        # talk over Unix sockets: 20 servers on one loopback picking random TCP ports collide (on a
        # real hub each server has a container, and a network, of its own).
        args = ["--MappingKernelManager.kernel_info_timeout=300", "--KernelManager.transport=ipc"]
        args += ["--allow-root"] if os.geteuid() == 0 else []
        roles = [{"name": "classroom", "services": ["classroom"],
                  "scopes": ["admin:users", "admin:servers", "access:servers", "list:users", "read:users"]}]
        return "\n".join([
            f"c.JupyterHub.bind_url = {self.url + '/'!r}",
            f"c.JupyterHub.hub_bind_url = 'http://127.0.0.1:{_free_port()}'",
            f"c.ConfigurableHTTPProxy.api_url = 'http://127.0.0.1:{_free_port()}'",
            f"c.ConfigurableHTTPProxy.command = [{self.proxy!r}]",
            f"c.JupyterHub.db_url = {'sqlite:///' + str(self.workdir / 'jupyterhub.sqlite')!r}",
            f"c.JupyterHub.cookie_secret_file = {str(self.workdir / 'cookie_secret')!r}",
            f"c.JupyterHub.pid_file = {str(self.workdir / 'jupyterhub.pid')!r}",
            "c.JupyterHub.authenticator_class = 'dummy'",
            f"c.DummyAuthenticator.password = {PASSWORD!r}",
            "c.Authenticator.allow_all = True",
            "c.JupyterHub.spawner_class = 'simple'",
            f"c.SimpleLocalProcessSpawner.home_dir_template = {str(self.homes / '{username}')!r}",
            f"c.Spawner.cmd = [{str(bindir / 'jupyterhub-singleuser')!r}]",
            f"c.Spawner.args = {args!r}",
            "c.Spawner.default_url = '/lab'",
            "c.Spawner.start_timeout = 300",
            "c.Spawner.http_timeout = 300",
            # stopping: SIGINT, then SIGTERM, then SIGKILL (defaults 10, 5, 5 s); stop() ends the rest
            "c.LocalProcessSpawner.interrupt_timeout = 3",
            "c.LocalProcessSpawner.term_timeout = 1",
            "c.LocalProcessSpawner.kill_timeout = 1",
            # a short runtime folder per student: Unix socket paths must stay under 108 bytes
            "c.Spawner.environment = {'JUPYTER_PLATFORM_DIRS': '1', 'GIT_TERMINAL_PROMPT': '0',",
            f"    'JUPYTER_RUNTIME_DIR': lambda spawner: {self.runtime + '/'!r} + spawner.user.name}}",
            "c.JupyterHub.concurrent_spawn_limit = 100",
            f"c.JupyterHub.services = [{{'name': 'classroom', 'api_token': {self.token!r}}}]",
            f"c.JupyterHub.load_roles = {roles!r}",
            "c.JupyterHub.cleanup_servers = True",
        ]) + "\n"

    def start(self, timeout: float = 120) -> None:
        """Start the hub and wait until its API answers."""
        self.homes.mkdir(parents=True, exist_ok=True)
        config = self.workdir / "jupyterhub_config.py"
        config.write_text(self._config(), encoding="utf-8")
        env = {k: v for k, v in os.environ.items() if not k.startswith(("JUPYTER", "JPY_"))}
        env.update(HOME=str(self.workdir), JUPYTER_PLATFORM_DIRS="1",
                   PATH=os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")]))
        with open(self.log, "wb") as log:
            niceness = self.niceness
            self.process = subprocess.Popen([sys.executable, "-m", "jupyterhub", "-f", str(config)],
                                            cwd=self.workdir, stdout=log, stderr=subprocess.STDOUT, env=env,
                                            start_new_session=True,
                                            preexec_fn=(lambda: os.nice(niceness)) if niceness else None)
        import requests

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"JupyterHub exited early:\n{self.log_tail()}")
            try:
                if requests.get(f"{self.url}/hub/api/", timeout=2).ok:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.3)
        raise RuntimeError(f"JupyterHub did not answer within {timeout} s:\n{self.log_tail()}")

    def stop(self) -> None:
        """Stop the hub, its proxy and every single-user server (cleanup_servers), then end any
        process of theirs still running (kernels live in sessions of their own)."""
        import psutil

        if self.process is None or self.process.poll() is not None:
            return
        try:
            descendants = psutil.Process(self.process.pid).children(recursive=True)
        except psutil.NoSuchProcess:
            descendants = []
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)
        for process in descendants:
            try:
                process.terminate()
            except psutil.NoSuchProcess:
                pass
        _, alive = psutil.wait_procs(descendants, timeout=5)
        for process in alive:
            process.kill()
        shutil.rmtree(self.runtime, ignore_errors=True)

    def log_tail(self, chars: int = 4000) -> str:
        return self.log.read_text(errors="replace")[-chars:] if self.log.exists() else "(no log)"

    def __enter__(self) -> Classroom:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # ----- the hub's REST API (as the course's admin service) ----------------------------------
    def api(self, method: str, path: str, **kwargs):
        import requests

        response = requests.request(method, f"{self.url}/hub/api{path}", timeout=60,
                                    headers={"Authorization": f"token {self.token}"}, **kwargs)
        response.raise_for_status()
        return response.json() if response.content else None

    def create_users(self, names: list[str]) -> None:
        self.api("POST", "/users", json={"usernames": names})

    def spawn(self, name: str) -> None:
        """Ask the hub for a student's server (what logging in does); returns at once."""
        import requests

        response = requests.post(f"{self.url}/hub/api/users/{name}/server", timeout=60,
                                 headers={"Authorization": f"token {self.token}"})
        if response.status_code not in (201, 202, 400):  # 400: already running
            response.raise_for_status()

    def wait_ready(self, name: str, timeout: float = 300) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            server = self.api("GET", f"/users/{name}").get("servers", {}).get("")
            if server and server.get("ready"):
                return
            time.sleep(0.5)
        raise TimeoutError(f"{name}'s server not ready after {timeout} s:\n{self.log_tail()}")

    # ----- one student ---------------------------------------------------------------------------
    def student(self, name: str, repo: str, notebook: str, code: str | None = None) -> Outcome:
        """Log in, start the server, follow the nbgitpuller link that opens ``notebook``, then run
        ``code`` in a kernel opened on that notebook (and left running, as when the student stays
        on it); never raises (the outcome says what failed)."""
        import requests

        outcome = Outcome(name)
        session = requests.Session()
        step = "log in"
        try:
            start = time.monotonic()
            session.get(f"{self.url}/hub/login", timeout=60).raise_for_status()
            reply = session.post(f"{self.url}/hub/login", timeout=120, allow_redirects=False,
                                 data={"username": name, "password": PASSWORD,
                                       "_xsrf": session.cookies.get("_xsrf", "")})
            if reply.status_code != 302:
                raise RuntimeError(f"login answered {reply.status_code}")
            self.spawn(name)  # what the hub's home page does after a login
            self.wait_ready(name)
            outcome.steps[step] = time.monotonic() - start

            step = "nbgitpuller link"
            start = time.monotonic()
            page = session.get(nbgitpuller_link(self.url, repo, notebook), timeout=120)
            page.raise_for_status()
            if f"/user/{name}/git-pull" not in page.url or "git-pull" not in page.text:
                raise RuntimeError(f"the link landed on {page.url}, not nbgitpuller's page")
            # What the page's script does: open the event stream that clones or merges.
            query = urlencode({"repo": repo, "branch": "main", "targetpath": REPO_NAME})
            events = []
            api = f"{self.url}/user/{name}/git-pull/api?{query}"
            with session.get(api, stream=True, timeout=300) as stream:
                stream.raise_for_status()
                for line in stream.iter_lines(decode_unicode=True):
                    if line and line.startswith("data:"):
                        events.append(json.loads(line[5:]))
                        if events[-1].get("phase") in ("finished", "error"):
                            break
            if not events or events[-1].get("phase") != "finished":
                raise RuntimeError(f"nbgitpuller did not finish: {events[-1] if events else 'no events'}")
            outcome.steps[step] = time.monotonic() - start

            if code is not None:
                step = "kernel"
                start = time.monotonic()
                outcome.output, outcome.comm_opens = self.run_in_kernel(name, f"{REPO_NAME}/{notebook}", code,
                                                                        keep=True)
                outcome.steps[step] = time.monotonic() - start
            outcome.ok = True
        except Exception as error:  # reported per student, with the step
            outcome.error = f"{step}: {type(error).__name__}: {error}"
        return outcome

    def user_api(self, method: str, name: str, path: str, **kwargs):
        import requests

        response = requests.request(method, f"{self.url}/user/{name}/api{path}", timeout=120,
                                    headers={"Authorization": f"token {self.token}"}, **kwargs)
        response.raise_for_status()
        return response.json() if response.content else None

    def run_in_kernel(self, name: str, notebook_path: str, code: str, *, keep: bool = False,
                      timeout: float = 300) -> tuple[str, int]:
        """Open a session on ``notebook_path`` (so the kernel works in its folder), run ``code``,
        shut the kernel down unless ``keep``; return its stdout and the number of widget comms it
        opened.

        Raises RuntimeError with the traceback if the code raised.
        """
        session = self.user_api("POST", name, "/sessions", json={
            "path": notebook_path, "type": "notebook", "name": Path(notebook_path).name,
            "kernel": {"name": "python3"}})
        kernel = session["kernel"]["id"]
        try:
            return asyncio.run(self._execute(name, kernel, code, timeout))
        finally:
            if not keep:
                self.user_api("DELETE", name, f"/sessions/{session['id']}")

    async def _execute(self, name: str, kernel: str, code: str, timeout: float) -> tuple[str, int]:
        from tornado.httpclient import HTTPRequest
        from tornado.websocket import websocket_connect

        url = f"ws://127.0.0.1:{self.port}/user/{name}/api/kernels/{kernel}/channels"
        ws = await websocket_connect(HTTPRequest(url, headers={"Authorization": f"token {self.token}"},
                                                 connect_timeout=timeout, request_timeout=timeout))
        msg_id = uuid.uuid4().hex
        ws.write_message(json.dumps({
            "header": {"msg_id": msg_id, "msg_type": "execute_request", "username": name,
                       "session": uuid.uuid4().hex, "version": "5.3", "date": ""},
            "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
            "content": {"code": code, "silent": False, "store_history": False, "user_expressions": {},
                        "allow_stdin": False, "stop_on_error": True}}))
        stdout: list[str] = []
        errors: list[str] = []
        comms = 0
        replied = idle = False
        deadline = time.monotonic() + timeout
        try:
            while not (replied and idle):
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError(f"kernel did not finish within {timeout} s")
                raw = await asyncio.wait_for(ws.read_message(), left)
                if raw is None:
                    raise RuntimeError("kernel websocket closed")
                msg = _decode(raw)
                if msg.get("parent_header", {}).get("msg_id") != msg_id:
                    continue
                kind, content = msg["msg_type"], msg["content"]
                if kind == "stream" and content.get("name") == "stdout":
                    stdout.append(content["text"])
                elif kind == "error":
                    errors.append("\n".join(content.get("traceback", [])) or content.get("evalue", ""))
                elif kind == "comm_open":
                    comms += 1
                elif kind == "execute_reply":
                    replied = True
                    if content.get("status") != "ok" and not errors:
                        errors.append(f"{content.get('ename')}: {content.get('evalue')}")
                elif kind == "status" and content.get("execution_state") == "idle":
                    idle = True
        finally:
            ws.close()
        if errors:
            raise RuntimeError(_strip_ansi("\n".join(errors))[-3000:])
        return "".join(stdout), comms

    # ----- measuring -----------------------------------------------------------------------------
    def session_memory(self, name: str) -> dict[str, float]:
        """MiB used by one student's processes (server and kernels): ``rss`` and ``uss`` (unique)."""
        import psutil

        total = {"rss": 0.0, "uss": 0.0, "processes": 0}
        for process in _user_servers(name):
            for member in [process, *process.children(recursive=True)]:
                try:
                    info = member.memory_full_info()
                except (psutil.NoSuchProcess, psutil.AccessDenied):
                    continue
                total["rss"] += info.rss / 2**20
                total["uss"] += info.uss / 2**20
                total["processes"] += 1
        return total


def _user_servers(name: str) -> Iterator:
    import psutil

    for process in psutil.process_iter(["cmdline"]):
        try:
            cmdline = " ".join(process.info["cmdline"] or [])
            if "jupyterhub-singleuser" in cmdline and process.environ().get("JUPYTERHUB_USER") == name:
                yield process
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue


def _decode(raw: str | bytes) -> dict:
    """A kernel websocket message: JSON text, or a binary frame (messages with buffers, as
    widgets send): a count, offsets, then the JSON message and the buffers."""
    if isinstance(raw, str):
        return json.loads(raw)
    count = int.from_bytes(raw[:4], "big")
    offsets = [int.from_bytes(raw[4 + 4 * i:8 + 4 * i], "big") for i in range(count)]
    end = offsets[1] if count > 1 else len(raw)
    return json.loads(raw[offsets[0]:end])


def _strip_ansi(text: str) -> str:
    import re

    return re.sub(r"\x1b\[[0-9;]*m", "", text)


# ----- what each student runs ------------------------------------------------------------------
PROFILE_EXPLORER_CODE = "\n".join([
    # Notebook 01's widget: the profile explorer on the archetype the chapter starts from.
    "import coordkit as ck",
    "ck.require('0.2')",
    "from coordkit.archetypes import ARCHETYPES",
    "from coordkit.widgets import ProfileExplorer",
    "explorer = ProfileExplorer(ARCHETYPES['traditional public sector'])",
    "display(explorer)",
    "explorer.update()",
    "print('CONFIGURATION', explorer.configuration.name)",
])


def save_answers_code(code: str) -> str:
    """Notebook 02's save path: the survey form, filled with the example answers, saved by the
    student's pseudonymous code (what the Save button does); prints where the file went."""
    return "\n".join([
        "from pathlib import Path",
        "from coordkit import survey",
        "from coordkit.widgets.survey import SurveyForm",
        "form = SurveyForm(survey.example_answers())",
        "display(form)",
        f"form.code.value = {code!r}",
        "saved = form.save()",
        "assert saved is not None, form.save_status.value",
        "print('SAVED', Path(saved).resolve())",
        "print('ROWS', len(survey.read_responses(saved).responses.ids))",
    ])


@contextmanager
def classroom(workdir: Path, proxy: str, *, niceness: int = 0) -> Iterator[Classroom]:
    """A started :class:`Classroom` that is stopped afterwards, whatever happens."""
    room = Classroom(workdir, proxy=proxy, niceness=niceness)
    try:
        room.start()
        yield room
    finally:
        room.stop()
