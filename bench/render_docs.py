"""Render the generated sections of the docs from the code and the bench results (``make docs``).

A generated section sits between ``<!-- generated:NAME … -->`` and ``<!-- /generated:NAME -->`` in a Markdown
file; everything outside the markers is hand-written and left alone. Sections and their sources:

- docs/configuration.md: every setting (``pipelines.config.SETTING_HELP`` and ``load_settings``: variable,
  default, range), and the other variables the code reads;
- docs/cli.md and README.md: every subcommand's help, from the CLI's own parser;
- docs/extraction.md: the cleaning rules (``pipelines.rules.RULES``);
- docs/evaluation.md, docs/performance.md: bench/results/*.json, each bench's settings from its docstring and
  its provenance from bench/results/runs.json.

    python bench/render_docs.py            # rewrite the sections
    python bench/render_docs.py --check    # exit 1 naming each file whose sections are out of date
"""

from __future__ import annotations

import argparse
import ast
import inspect
import io
import os
import re
import sys
from contextlib import redirect_stdout
from pathlib import Path

import render_engine
import render_scale
from render_common import ROOT, bench_settings, fmt, load, missing, provenance, table

SECTION = re.compile(r"(<!-- generated:(?P<name>[\w-]+) [^\n]*-->\n)(?P<body>.*?)(<!-- /generated:(?P=name) -->)",
                     re.DOTALL)

# Variables read straight from the environment outside the settings (found by a scan of the code, below).
OTHER_VARIABLES = {
    "NEWSINDEX_CONFIG": "the config file (default ./newsindex.toml); its [newsindex] table holds the settings above",
    "NEWSINDEX_BENCH_CLUSTER_PORT": "benchmarks: first HTTP port of the 3-node cluster a bench runs with --cluster "
                                    "(default 9600)",
    "NEWSINDEX_BENCH_RESULTS": "benchmarks: where results go (default bench/results): a trial run, a test",
    "NEWSINDEX_EVAL_DIR": "benchmarks: the folder holding the shared evaluation sets (aeb/, dragnet/, …)",
    "JAVA_HOME": "the JDK Maven builds the analysis plugin with (else the newest under /usr/lib/jvm)",
    "NEWSINDEX_TEST_ES_PORT": "tests: HTTP port of the session's own node (default 9250)",
    "NEWSINDEX_TEST_CLUSTER_PORT": "tests: first HTTP port of the 3-node test cluster",
    "NEWSINDEX_TEST_BENCH_CLUSTER_PORT": "tests: first HTTP port of the cluster a bench starts with --cluster "
                                         "(default 9570)",
    "NEWSINDEX_RECORD_SEARCH_ANSWERS": "tests: 1 makes tests/test_search_answers.py record the search's answers "
                                       "(tests/search_answers.json) instead of comparing them",
    "NEWSINDEX_TEST_NO_SERVICES": "tests: 1 skips every test that needs Elasticsearch or Redis (`make test-unit`)",
}


# ---- configuration ----------------------------------------------------------------------------------------

def _settings_calls() -> dict[str, dict]:
    """name → {default source, kind, low, high, env} as load_settings reads it (its pick/number calls)."""
    from pipelines import config

    tree = ast.parse(inspect.getsource(config.load_settings))
    found: dict[str, dict] = {}
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("pick", "number")):
            continue
        if not (node.args and isinstance(node.args[0], ast.Constant)):
            continue
        name = node.args[0].value
        entry = found.setdefault(name, {"default": None, "kind": None, "low": None, "high": None, "env": None,
                                        "line": node.lineno})
        if len(node.args) > 1:
            entry["default"] = node.args[1]
        if node.func.id == "number":
            entry["kind"] = ast.unparse(node.args[2]) if len(node.args) > 2 else "int"
        for kw in node.keywords:
            if kw.arg in ("low", "high"):
                entry[kw.arg] = ast.unparse(kw.value)
            elif kw.arg == "env":
                entry["env"] = kw.value.value
            elif kw.arg == "kind":
                entry["kind"] = ast.unparse(kw.value)
    return dict(sorted(found.items(), key=lambda item: item[1]["line"]))  # in load_settings' order


def _default_text(node: ast.expr | None) -> str:
    from pipelines import config

    if node is None:
        return "unset"
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and hasattr(config, node.func.id):
        doc = inspect.getdoc(getattr(config, node.func.id))
        if doc:
            return doc.splitlines()[0].rstrip(".")
    source = ast.unparse(node)
    try:
        value = eval(compile(ast.Expression(node), "<default>", "eval"), {"__builtins__": {}}, {})
    except Exception:  # a name or a call: show it as written
        if isinstance(node, ast.Name) and hasattr(config, node.id):
            return f"`{getattr(config, node.id)}`"
        return f"`{source}`"
    if isinstance(value, bool):
        return "`1`" if value else "`0`"
    if isinstance(value, int) and value >= 1024 and value % 1024 == 0:
        return f"`{value}` ({value // 1024 ** (2 if value % 1024 ** 2 == 0 else 1)} " \
               f"{'MiB' if value % 1024 ** 2 == 0 else 'KiB'})"
    return f"`{value}`"


def _range_text(entry: dict) -> str:
    def num(expr: str) -> str:
        try:
            value = eval(expr, {"__builtins__": {}}, {})  # 64 * 1024, 100_000
        except Exception:
            return expr
        return f"{value:,}" if isinstance(value, int) else str(value)

    if entry["kind"] is None:
        return "yes/no (1/0)" if isinstance(entry["default"], ast.Constant) and \
            isinstance(entry["default"].value, bool) else "text"
    kind = "a number" if entry["kind"] == "float" else "a whole number"
    if entry["low"] is not None and entry["high"] is not None:
        return f"{kind}, {num(entry['low'])} to {num(entry['high'])}"
    if entry["low"] is not None:
        return f"{kind}, at least {num(entry['low'])}"
    if entry["high"] is not None:
        return f"{kind}, at most {num(entry['high'])}"
    return kind


def settings_table() -> str:
    from pipelines import config

    calls = _settings_calls()
    rows = []
    for name, entry in calls.items():
        variable = entry["env"] or f"NEWSINDEX_{name.upper()}"
        meaning = config.SETTING_HELP.get(name, "(undocumented: add it to SETTING_HELP in pipelines/config.py)")
        rows.append([f"`{variable}`", f"`{name}`", _default_text(entry["default"]), _range_text(entry), meaning])
    return table(["variable", "config file key", "default", "range", "what it sets"], rows)


def environment_reads() -> set[str]:
    """Every variable the code reads with os.environ / os.getenv by a literal name (tests and benches too)."""
    names = set()
    pattern = re.compile(r"""(?:environ(?:\.get)?[\[(]|getenv\()\s*["']([A-Z][A-Z0-9_]+)["']""")
    for folder in ("crawler", "pipelines", "newsindex", "bench", "tests"):
        for path in (ROOT / folder).rglob("*.py"):
            if path == Path(__file__).resolve():
                continue  # this script's own COLUMNS
            names.update(pattern.findall(path.read_text(encoding="utf-8")))
    return names


def other_variables_table() -> str:
    settings = {entry["env"] or f"NEWSINDEX_{name.upper()}" for name, entry in _settings_calls().items()}
    undocumented = "(undocumented: add it to OTHER_VARIABLES in bench/render_docs.py)"
    rows = [[f"`{name}`", OTHER_VARIABLES.get(name, undocumented)] for name in sorted(environment_reads() - settings)]
    return table(["variable", "what it sets"], rows)


# ---- CLI --------------------------------------------------------------------------------------------------

def _subcommands():
    from newsindex.cli import build_parser

    parser = build_parser()
    action = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    helps = {choice.dest: choice.help for choice in action._choices_actions}
    return parser, [(name, helps.get(name, ""), sub) for name, sub in action.choices.items()]


def _help_text(parser) -> str:
    previous = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = "100"  # argparse wraps to the terminal: a fixed width renders the same everywhere
    try:
        out = io.StringIO()
        with redirect_stdout(out):
            parser.print_help()
        return out.getvalue()
    finally:
        if previous is None:
            os.environ.pop("COLUMNS", None)
        else:
            os.environ["COLUMNS"] = previous


def cli_glance() -> str:
    _, commands = _subcommands()
    rows = [[f"`newsindex {name}`", help_] for name, help_, _ in commands]
    return table(["command", "what it does"], rows)


def cli_reference() -> str:
    parser, commands = _subcommands()
    parts = ["```\n" + _help_text(parser) + "```\n"]
    for name, _, sub in commands:
        parts.append(f"\n### newsindex {name}\n\n```\n{_help_text(sub)}```\n")
    return "".join(parts)


# ---- extraction rules -------------------------------------------------------------------------------------

def rules_table() -> str:
    from pipelines.rules import RULES

    rows = [[f"`{r.reason}`", ", ".join(f"`pipelines/{m}.py`" for m in r.modules), r.removes] for r in RULES]
    return table(["reason", "decided in", "what it removes"], rows)


# ---- evaluation -------------------------------------------------------------------------------------------

def shared_sets() -> str:
    data = load("eval")
    if not data:
        return missing("eval", "python bench/eval_extraction.py")
    rows = []
    for name, result in data.items():
        for system, r in result["rows"].items():
            bold = "**" if system == "newsindex" else ""
            rows.append([name, f"{bold}{system}{bold}", result["pages"], fmt(r["precision"]), fmt(r["recall"]),
                         f"{fmt(r['f1'])} (± {fmt(r['f1_std'])})", r["empty"]])
    out = table(["set", "extractor", "pages", "precision", "recall", "F1 (± spread)", "empty"], rows)
    return out + "\n" + "Figures: " + provenance("eval") + "\n"


def fresh_sites() -> str:
    data = load("freshsites")
    if not data:
        return missing("freshsites", "python bench/eval_freshsites.py")
    rows = []
    for held_out in (False, True):
        for site, result in data.items():
            if bool(result.get("held_out")) != held_out:
                continue
            r = result["gold order"]
            same = "yes" if {k: v for k, v in r.items() if k != "lost"} == \
                {k: v for k, v in result.get("reversed", r).items() if k != "lost"} else "**no**"
            left = ", ".join(f"{k} {v}" for k, v in sorted(r.get("left", {}).items())) or "–"
            rows.append([site, "held out" if held_out else "tuned", " ".join(result.get("languages", [])),
                         r["pages"], f"{r['story_kept']}/{r['story']}", r["lost_by_rules"],
                         f"{r['furniture_gone']}/{r['furniture']}", left, same])
    out = table(["site", "", "languages", "pages", "story kept", "story removed by a rule", "furniture gone",
                  "left", "same reversed"], rows)
    return out + "\n" + "Figures: " + provenance("freshsites") + "\n"


def devset() -> str:
    data = load("devset")
    if not data:
        return missing("devset", "python bench/eval_devset.py")
    rows = [[kind, f"{data['passed'].get(kind, 0)}/{total}"] for kind, total in data["total"].items()]
    out = f"{data['pages']} pages.\n\n" + table(["check", "passed"], rows)
    if data.get("failures"):
        out += "\nFailing checks:\n\n" + "".join(f"- {line}\n" for line in data["failures"])
    return out + "\n" + "Figures: " + provenance("devset") + "\n"


# The metadata tables' row names, for the wcxb_dev and the blind pages alike.
METADATA_LABELS = {"title": "exact headline", "author": "exact author set", "published": "publication day",
                   "no author": "no author named where the gold names none"}


def metadata() -> str:
    data = load("eval-metadata")
    if not data:
        return missing("eval-metadata", "python bench/eval_metadata.py")
    rows = [[METADATA_LABELS.get(field, field), half, f"{row['pages']:,}", fmt(row["trafilatura"]),
             f"**{fmt(row['newsindex'])}**"] for half in ("held-out", "tuning") for field, row in data[half].items()]
    return table(["field", "pages", "n", "trafilatura", "newsindex"], rows) + "\n" + "Figures: " + \
        provenance("eval-metadata") + "\n"


def freshmeta() -> str:
    """The blind metadata pages (bench/freshmeta): both systems per field, every row the results hold."""
    data = load("freshmeta")
    if not data:
        return missing("freshmeta", "python bench/eval_freshmeta.py")
    rows = [[METADATA_LABELS.get(field, field), f"{row['pages']:,}", fmt(row["trafilatura"]),
             f"**{fmt(row['newsindex'])}**"] for field, row in data["overall"].items()]
    return table(["field", "n", "trafilatura", "newsindex"], rows) + "\n" + "Figures: " + \
        provenance("freshmeta") + "\n"


def metadata_glance() -> str:
    data = load("eval-metadata")
    if not data:
        return missing("eval-metadata", "python bench/eval_metadata.py")
    rows = [[field, fmt(row["trafilatura"]), f"**{fmt(row['newsindex'])}**"]
            for field, row in data["held-out"].items()]
    return table(["held-out pages", "trafilatura", "newsindex"], rows)


def eval_glance() -> str:
    data = load("eval")
    if not data:
        return missing("eval", "python bench/eval_extraction.py")
    rows = []
    for name, result in data.items():
        peer, ours = result["rows"].get("trafilatura no-comments"), result["rows"]["newsindex"]
        rows.append([name, f"{result['pages']:,}", fmt(peer and peer["f1"]),
                     f"**{fmt(ours['f1'])}** (± {fmt(ours['f1_std'])})", fmt(ours["precision"]),
                     fmt(ours["recall"]), f"{peer['empty'] if peer else '–'} / {ours['empty']}"])
    return table(["set", "pages", "trafilatura F1", "newsindex F1", "newsindex P", "newsindex R",
                   "empty pages (trafilatura / newsindex)"], rows) + "\n" + "Figures: " + provenance("eval") + "\n"


BENCHES = ["eval_extraction.py", "eval_freshsites.py", "eval_devset.py", "eval_metadata.py", "bench_extraction.py",
           "bench_language.py",
           "bench_scale.py", "bench_indexing.py", "bench_search.py", "bench_crawl.py"]


def bench_glance() -> str:
    """One line per bench: its script, its settings (the docstring's first paragraph), where its figures are."""
    rows = []
    for script in BENCHES:
        doc = ast.get_docstring(ast.parse((ROOT / "bench" / script).read_text(encoding="utf-8"))) or ""
        first = " ".join(doc.split("\n\n")[0].split())
        page = "evaluation" if script.startswith("eval_") else "performance"
        rows.append([f"`bench/{script}`", first, f"[docs/{page}.md](docs/{page}.md)"])
    return table(["bench", "what it measures, and how", "figures"], rows)


# ---- performance ------------------------------------------------------------------------------------------

def extraction_speed() -> str:
    data = load("extraction")
    if not data:
        return missing("extraction", "python bench/bench_extraction.py")
    ms = data["ms_per_doc"]
    base = next(iter(ms.values()))
    rows = [[name, fmt(value, 1), fmt(value / base, 2)] for name, value in ms.items()]
    out = table(["contender (181 AEB pages, one process)", "ms/doc", f"ratio to {next(iter(ms))}"], rows)
    spread = data.get("pipeline_vs_metadata")
    if spread:
        out += (f"\nThe pipeline against trafilatura's own call with metadata, one ratio per round "
                f"({data['rounds']} rounds, the contenders taking turns on chunks of {data['chunk']} pages): "
                f"median **{spread['median']:.2f}×**, min {spread['min']:.2f}×, max {spread['max']:.2f}×.\n")
    elif len(ms) >= 3:
        names = list(ms)
        out += (f"\nThe pipeline against trafilatura's own call with metadata ({names[1]}): "
                f"**{ms[names[2]] / ms[names[1]]:.2f}×**.\n")
    if data.get("workers_docs_per_s"):
        out += "\n" + table(["pipeline workers", "docs/s"],
                             [[w, fmt(r, 1)] for w, r in data["workers_docs_per_s"].items()])
    return "\n".join([bench_settings("bench_extraction.py"), out, provenance("extraction")]) + "\n"


def language_speed() -> str:
    data = load("language")
    if not data:
        return bench_settings("bench_language.py") + "\n" + missing("language", "python bench/bench_language.py")
    ms = data["ms_per_text"]
    cost = ms["sample"] / ms["whole text"] if ms.get("sample") and ms.get("whole text") else None
    out = table(["texts", "sample", "agreement with the whole text", "ms/text sample", "ms/text whole",
                  "cost of the sample"],
                 [[data["texts"], f"{data['sample_chars']} characters, {data['trials']} trials",
                   f"{data['agreement']:.2%}", fmt(ms.get("sample"), 2), fmt(ms.get("whole text"), 2),
                   f"{fmt(cost, 2)}×"]])
    return "\n".join([bench_settings("bench_language.py"), out, provenance("language")]) + "\n"


def indexing() -> str:
    data = load("indexing")
    if not data:
        return bench_settings("bench_indexing.py") + "\n" + missing("indexing", "python bench/bench_indexing.py")
    rows = [[name, f"{rate:,.0f}"] for name, rate in data["docs_per_s"].items()]
    out = table([f"re-ingest of {data['docs']:,} documents ({data['mix']})", "docs/s"], rows)
    out += f"\nRatio: **{data['ratio']:.2f}**.\n"
    return "\n".join([bench_settings("bench_indexing.py"), out, provenance("indexing")]) + "\n"


def crawl() -> str:
    data = load("crawl")
    if not data:
        return bench_settings("bench_crawl.py") + "\n" + missing("crawl", "python bench/bench_crawl.py")
    rows = [[name, fmt(r["pages_per_s"]["newsindex crawl"], 1), fmt(r["pages_per_s"]["bare spider"], 1),
             fmt(r["ratio"], 2)] for name, r in data.items()]
    out = table(["condition (server latency, requests in flight)", "newsindex pages/s", "bare spider pages/s",
                  "ratio"], rows)
    return "\n".join([bench_settings("bench_crawl.py"), out, provenance("crawl")]) + "\n"


def crawl_glance() -> str:
    """The crawl bench's ratios before and after the writer moved off the reactor (#24), side by side."""
    before, after = load("crawl-before-writer-thread"), load("crawl")
    if not before or not after:
        return missing("crawl", "python bench/bench_crawl.py")
    rows = [[name, fmt(before[name]["ratio"], 2) if name in before else "–", fmt(r["ratio"], 2)]
            for name, r in after.items()]
    return table(["crawl condition", "writer on the reactor (before)", "writer thread (now)"], rows) + "\n" + \
        "Ratios: our crawl's pages/s over a bare Scrapy spider's, same site and settings, same run. Before: " + \
        provenance("crawl-before-writer-thread") + " Now: " + provenance("crawl") + "\n"


# ---- files ------------------------------------------------------------------------------------------------

SECTIONS = {
    "settings": settings_table, "other-variables": other_variables_table,
    "cli-glance": cli_glance, "cli": cli_reference,
    "rules": rules_table,
    "shared-sets": shared_sets, "eval-glance": eval_glance, "bench-glance": bench_glance,
    "fresh-sites": fresh_sites, "devset": devset, "metadata": metadata, "metadata-glance": metadata_glance,
    "freshmeta": freshmeta,
    "extraction-speed": extraction_speed, "language": language_speed, "indexing": indexing,
    "crawl": crawl, "crawl-glance": crawl_glance,
    **render_engine.SECTIONS, **render_scale.SECTIONS,
}
FILES = ["README.md", "docs/configuration.md", "docs/cli.md", "docs/extraction.md", "docs/evaluation.md",
         "docs/performance.md"]


def render(text: str) -> str:
    """The file's text with every generated section rewritten."""
    def fill(match: re.Match) -> str:
        name = match.group("name")
        if name not in SECTIONS:
            raise SystemExit(f"render_docs: unknown generated section {name!r}")
        return match.group(1) + SECTIONS[name]() + match.group(4)

    return SECTION.sub(fill, text)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 when a file is out of date")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    stale = []
    for name in FILES:
        path = ROOT / name
        text = path.read_text(encoding="utf-8")
        rendered = render(text)
        if rendered != text:
            stale.append(name)
            if not args.check:
                path.write_text(rendered, encoding="utf-8")
    verb = "out of date" if args.check else "rewritten"
    print(f"render_docs: {verb}: {', '.join(stale)}" if stale else "render_docs: every generated section is current")
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    raise SystemExit(main())
