"""What pyproject.toml declares holds: the Python minimum is the one the code needs (tomllib: 3.11), and every
package our code imports directly is a declared dependency (not merely pulled in by another one)."""

from __future__ import annotations

import ast
import importlib.metadata
import re
import sys
import tomllib
from pathlib import Path

from helpers import ROOT

CODE = ("crawler", "pipelines", "newsindex", "bench", "index_config")


def _pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _top_level_imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def _local_modules(folder: Path) -> set[str]:
    """Modules a script finds beside itself (bench/common.py, bench/freshsites/) or puts on its path (tests/)."""
    return {p.stem for p in folder.glob("*.py")} | {p.name for p in folder.iterdir() if (p / "__init__.py").exists()}


def _distribution(requirement: str) -> str:
    return re.split(r"[\s<>=!~;\[]", requirement, maxsplit=1)[0]


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_the_declared_python_minimum_is_the_one_the_code_needs():
    project = _pyproject()
    assert project["project"]["requires-python"] == ">=3.11"  # tomllib, imported by pipelines/config.py
    assert project["tool"]["ruff"]["target-version"] == "py311"
    assert sys.version_info >= (3, 11)


def undeclared_imports(paths) -> dict[str, list[str]]:
    """Top-level imports of these files that are neither stdlib, ours, nor a declared dependency's."""
    project = _pyproject()
    declared = {_normal(_distribution(r)) for r in project["project"]["dependencies"]}
    ours = {p.split(".")[0] for p in project["tool"]["setuptools"]["packages"]} | {"bench"}
    by_import = importlib.metadata.packages_distributions()
    missing: dict[str, list[str]] = {}
    for path in paths:
        local = _local_modules(path.parent) | _local_modules(ROOT / "tests")
        for name in sorted(_top_level_imports(path) - ours - local - set(sys.stdlib_module_names)):
            if not {_normal(d) for d in by_import.get(name, [])} & declared:
                missing.setdefault(name, []).append(path.name)
    return missing


def test_every_directly_imported_package_is_declared():
    paths = [path for package in CODE for path in sorted((ROOT / package).rglob("*.py"))]
    assert len(paths) > 40
    assert undeclared_imports(paths) == {}, "imported but not declared in pyproject.toml's dependencies"


def test_an_undeclared_import_would_be_found(tmp_path):
    """The check above can fail: pytest is installed but only a dev extra, so a module importing it is named."""
    module = tmp_path / "mod.py"
    module.write_text("import pytest\nimport json\nfrom lxml import etree\nimport scrapy.http\n")
    assert undeclared_imports([module]) == {"pytest": ["mod.py"]}


def test_no_test_module_imports_another_or_the_conftest():
    """Shared helpers live in tests/helpers.py (fixtures in conftest.py, which pytest loads itself)."""
    tests = ROOT / "tests"
    modules = {p.stem for p in tests.glob("test_*.py")} | {"conftest"}
    offenders = {path.name: sorted(_top_level_imports(path) & modules) for path in sorted(tests.glob("*.py"))}
    assert {name: found for name, found in offenders.items() if found} == {}
