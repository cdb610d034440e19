"""docker-compose.yml checked statically (Docker cannot run here): every service is buildable or pulled,
its command exists, its mounts and variables make sense, health is checked where others wait on it."""

import re
from pathlib import Path

import yaml
from helpers import ROOT

from pipelines.config import Settings

COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))
SERVICES = COMPOSE["services"]


def test_every_service_has_an_image_or_a_build_whose_files_exist():
    for name, service in SERVICES.items():
        assert ("image" in service) != ("build" in service), name
        if "build" in service:
            dockerfile = ROOT / service["build"]["context"] / service["build"]["dockerfile"]
            assert dockerfile.is_file(), name
            for line in dockerfile.read_text().splitlines():
                if line.startswith("COPY "):
                    for source in line.split()[1:-1]:
                        assert (ROOT / source).exists(), f"{dockerfile}: COPY {source}"


def test_the_scheduler_installs_at_build_time_and_mounts_nothing_it_writes_to():
    scheduler = SERVICES["scheduler"]
    command = scheduler["command"]
    assert command[0] == "newsindex" and command[1] == "schedule"
    assert "pip install" not in " ".join(command)
    pyproject = (ROOT / "pyproject.toml").read_text()
    assert re.search(r'^newsindex = "newsindex\.cli:main"', pyproject, re.M)
    for volume in scheduler["volumes"]:
        source, target, *mode = volume.split(":")
        if source.startswith("."):
            assert (ROOT / source).exists() and mode == ["ro"], volume  # bind mounts are read-only files
            assert not (ROOT / source).is_dir(), "the repository is not mounted into the container"
        else:
            assert source in COMPOSE["volumes"], volume
    env = scheduler["environment"]
    assert env["NEWSINDEX_SOURCES"] in [v.split(":")[1] for v in scheduler["volumes"]]
    assert env["NEWSINDEX_ES_URL"].startswith("http://elasticsearch:")


def test_every_newsindex_variable_is_a_setting():
    fields = set(Settings.__dataclass_fields__)
    for name, service in SERVICES.items():
        for key in (service.get("environment") or {}):
            if key.startswith("NEWSINDEX_"):
                assert key.removeprefix("NEWSINDEX_").lower() in fields, (name, key)


def test_services_that_others_wait_on_check_their_health():
    waited = {dep for s in SERVICES.values() for dep, cond in (s.get("depends_on") or {}).items()
              if cond.get("condition") == "service_healthy"}
    assert waited <= {name for name, s in SERVICES.items() if "healthcheck" in s}
    assert "healthcheck" in SERVICES["kibana"] and "healthcheck" in SERVICES["elasticsearch"]
    for service in SERVICES.values():
        for dep in service.get("depends_on") or {}:
            assert dep in SERVICES
    assert Path(ROOT / "docker" / "Dockerfile").read_text().count("pip install") == 1
