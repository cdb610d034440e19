"""The language-analysis plugin for the local node: built with Maven, cached, installed with elasticsearch-plugin.

The integ-test distribution has no analysis-common module, so no `english`, `russian`, … analyzers. The
plugin (source in ``index_config/analysis-plugin``, Elasticsearch's stable plugin API) provides analyzers
under those names, so the one index template works on this node and on the full distribution. It is built
once per source version (the digest of its files), for the node's own Elasticsearch and Lucene versions.
When it cannot be built (no Maven, no JDK 21+, no network for Maven Central), the node starts without it
and the text fields fall back to `standard`: search works, without stemming or folding.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import re
import shutil
import subprocess
import tempfile
from importlib import resources
from pathlib import Path

from pipelines.config import ES_VERSION, Settings

PLUGIN_NAME = "newsindex-analysis"
# The analyzers it provides; text_uk stays `standard` (see README: no Ukrainian stemmer in analysis-common).
ANALYZERS = ("english", "russian", "german", "french", "spanish", "italian", "turkish")
MIN_JAVA = 21  # the stable plugin API jars of Elasticsearch 9 are Java 21 class files
DESCRIPTOR = "stable-plugin-descriptor.properties"


class PluginUnavailable(Exception):
    """The plugin cannot be built here; the message says what to install."""


def plugin_source() -> Path:
    return Path(str(resources.files("index_config").joinpath("analysis-plugin")))


def source_digest(source: Path) -> str:
    """A digest of the plugin's sources (build output excluded): a change rebuilds and reinstalls."""
    digest = hashlib.sha256(ES_VERSION.encode())
    for path in sorted(p for p in source.rglob("*") if p.is_file() and "target" not in p.relative_to(source).parts):
        digest.update(str(path.relative_to(source)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


def lucene_version(dist: Path) -> str:
    """The Lucene the node bundles: the plugin must compile against the same one."""
    for jar in (dist / "lib").glob("lucene-core-*.jar"):
        return jar.name.removeprefix("lucene-core-").removesuffix(".jar")
    raise PluginUnavailable(f"no lucene-core jar in {dist / 'lib'}")


def _java_release(home: Path) -> int:
    release = home / "release"
    if not (home / "bin" / "javac").exists() or not release.exists():
        return 0
    match = re.search(r'JAVA_VERSION="(\d+)', release.read_text(errors="replace"))
    return int(match.group(1)) if match else 0


def find_jdk() -> Path:
    """A full JDK (with javac) of Java 21 or newer: $JAVA_HOME first, then the JDKs under /usr/lib/jvm."""
    candidates = [Path(os.environ["JAVA_HOME"])] if os.environ.get("JAVA_HOME") else []
    candidates += sorted(Path("/usr/lib/jvm").glob("*"), reverse=True) if Path("/usr/lib/jvm").is_dir() else []
    for home in candidates:
        if _java_release(home) >= MIN_JAVA:
            return home
    raise PluginUnavailable(f"no JDK {MIN_JAVA}+ with javac found (JAVA_HOME or /usr/lib/jvm); install one, "
                            "e.g. Temurin 25, and set JAVA_HOME")


def build(settings: Settings, dist: Path, digest: str, log=print) -> Path:
    """The plugin zip of these sources (``digest``) for this node, from the cache or built now with Maven."""
    source = plugin_source()
    target = settings.cache / f"{PLUGIN_NAME}-{ES_VERSION}-{digest}.zip"
    if target.exists():
        return target
    mvn = shutil.which("mvn")
    if mvn is None:
        raise PluginUnavailable("Maven (mvn) is not installed; install it (apt-get install maven)")
    jdk = find_jdk()
    log(f"building the {PLUGIN_NAME} plugin with Maven (JDK {jdk.name}) …")
    with tempfile.TemporaryDirectory(prefix="newsindex-plugin-") as tmp:
        work = Path(tmp) / "src"
        # The sources may sit in a read-only install: build a copy, never next to them.
        shutil.copytree(source, work, ignore=shutil.ignore_patterns("target"))
        cmd = [mvn, "-B", "-q", "package", "-DskipTests", f"-Des.version={ES_VERSION}",
               f"-Dlucene.version={lucene_version(dist)}", f"-Dplugin.build={digest}"]
        env = {**os.environ, "JAVA_HOME": str(jdk)}
        proc = subprocess.run(cmd, cwd=work, env=env, capture_output=True, text=True)
        built = work / "target" / f"{PLUGIN_NAME}-{ES_VERSION}.zip"
        if proc.returncode != 0 or not built.exists():
            tail = " | ".join(x for x in (proc.stdout + proc.stderr).splitlines() if "ERROR" in x)[-400:]
            raise PluginUnavailable(f"the Maven build failed: {tail or 'see mvn output'} (run `mvn package` in "
                                    f"{source} to see it whole)")
        settings.cache.mkdir(parents=True, exist_ok=True)
        partial = target.with_suffix(".part")
        shutil.copyfile(built, partial)
        partial.rename(target)
    return target


def installed_build(dist: Path) -> str | None:
    """The source digest of the plugin installed in this distribution, or None."""
    descriptor = dist / "plugins" / PLUGIN_NAME / DESCRIPTOR
    if not descriptor.exists():
        return None
    match = re.search(r"^version=.*\+(\w+)\s*$", descriptor.read_text(), re.MULTILINE)
    return match.group(1) if match else ""


def ensure_installed(settings: Settings, dist: Path, env: dict, log=print) -> bool:
    """Build if needed and install into the distribution; False (with one line) when it cannot be built."""
    digest = source_digest(plugin_source())
    try:
        archive = build(settings, dist, digest, log)
    except PluginUnavailable as exc:
        log(f"language analysis plugin not available: {exc}; text fields will use `standard` (no stemming)")
        return False
    if installed_build(dist) == digest:
        return True
    tool = str(dist / "bin" / "elasticsearch-plugin")
    # The plugin tool scans the jar for named components; its default 64 MB heap is too small for that.
    tool_env = {**env, "CLI_JAVA_OPTS": "-Xmx512m"}
    with (settings.cache / ".plugin.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # nodes of several homes share one distribution
        if installed_build(dist) == digest:
            return True
        if installed_build(dist) is not None:
            subprocess.run([tool, "remove", PLUGIN_NAME], env=tool_env, capture_output=True, text=True)
        log(f"installing the {PLUGIN_NAME} plugin into the node …")
        proc = subprocess.run([tool, "install", "--batch", archive.as_uri()], env=tool_env,
                              capture_output=True, text=True)
        if proc.returncode != 0:
            reason = " | ".join(x for x in (proc.stdout + proc.stderr).splitlines() if not x.startswith("\t"))
            log(f"language analysis plugin not installed: {reason[-400:]}; text fields will use `standard`")
            return False
    for path in [dist / "plugins", *(dist / "plugins").rglob("*")]:
        path.chmod(path.stat().st_mode | 0o044 | (0o011 if path.is_dir() else 0))
    return True
