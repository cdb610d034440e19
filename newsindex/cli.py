"""The ``newsindex`` command line."""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pipelines.config import load_settings
from pipelines.errors import NewsindexError, disk_full

DEFAULT_SEEDS = "seeds"
LEDGER_HELP = ("write every input's fate to FILE, one JSON line each: indexed (its id), unchanged, failed (the "
               "reason), skipped (the kind)")


def _cmd_es(args, settings) -> int:
    from newsindex import node
    from pipelines.elastic import cluster_report, connect

    if args.nodes:
        settings.es_nodes = args.nodes
    if args.action == "status" and not settings.managed:  # any cluster NEWSINDEX_ES_URL points at
        print("\n".join(cluster_report(connect(settings))))
        _report_unfinished_reindex(settings)
        return 0
    if args.action == "start":
        print(node.start(settings, log=lambda m: print(m, file=sys.stderr)).describe())
    elif args.action == "stop":
        print("stopped" if node.stop(settings) else "not running")
    else:
        current = node.status(settings)
        print(current.describe())
        if not current.running:
            return 3
        print("\n".join(cluster_report(connect(settings))))
        _report_unfinished_reindex(settings)
    return 0


def _report_unfinished_reindex(settings) -> None:
    from newsindex.reindex import unfinished_indices, unfinished_note
    from pipelines.elastic import connect

    for name, count in unfinished_indices(connect(settings), settings):
        print(f"newsindex: warning: {unfinished_note(name, count)}", file=sys.stderr)


def _require_managed_or_url(settings) -> None:
    if settings.managed:
        from newsindex import node

        if not node.status(settings).running:
            raise NewsindexError(f"no Elasticsearch node is running at {settings.display_url}: start one with "
                                 "`newsindex es start`, or set NEWSINDEX_ES_URL to use another cluster")


def _cmd_setup(args, settings) -> int:
    from pipelines.elastic import analysis_behind, connect, setup

    _require_managed_or_url(settings)
    client = connect(settings)
    index = setup(client, settings)
    print(f"templates installed; alias {settings.alias!r} (read) and {settings.write_alias!r} (write) → {index}")
    if hint := analysis_behind(client, index):
        print(f"newsindex: note: {hint}", file=sys.stderr)
    return 0


def _input_paths(args) -> list[str]:
    if args.paths:
        return args.paths
    if not Path(DEFAULT_SEEDS).is_dir():
        raise NewsindexError(f"no paths given and no {DEFAULT_SEEDS}/ folder here: name files or folders to ingest")
    return [DEFAULT_SEEDS]


def _cmd_ingest(args, settings) -> int:
    from newsindex.ingest import ingest

    if args.replay:  # the file is read now, moved aside only once the node answered, kept when the run ends
        from newsindex.ingest import replay_sources

        replay = replay_sources(Path(args.replay))
        _require_managed_or_url(settings)
        summary = ingest(settings, replay.sources, on_connected=replay.begin, ledger=args.ledger)
        replay.finish()
    else:
        _require_managed_or_url(settings)
        summary = ingest(settings, _input_paths(args), ledger=args.ledger)
    print(summary.line())
    if summary.revision and (line := summary.revision.line()):
        print(line)
    for alarm in summary.alarms:
        print(f"newsindex: quality alarm: {alarm}", file=sys.stderr)
    for note in summary.notes:
        print(f"newsindex: note: {note}", file=sys.stderr)
    if not summary.adds_up():
        print("newsindex: warning: the account does not add up; please report this with the command you ran",
              file=sys.stderr)
    if summary.read == summary.failed and summary.failed:
        return 2
    return 1 if summary.failed else 0


def _cmd_extract(args, settings) -> int:
    from newsindex.ingest import Summary, documents, explain
    from pipelines.deadletter import DeadLetter

    # A preview: the dedupe store and the dead-letter file are written only with --store.
    dead = DeadLetter(settings.dead_letter) if args.store else None
    summary = Summary(dead_letter=settings.dead_letter if args.store else None)
    from newsindex.fetch import fetch_item, is_url

    urls = [p for p in args.paths if is_url(p)]  # a page fetched once (robots.txt obeyed, bounded) for a preview
    paths = [p for p in args.paths if not is_url(p)] if urls else _input_paths(args)
    fetched = (fetch_item(url, settings.max_bytes) for url in urls)
    docs = documents(settings, paths, dead, summary, preview=not args.store, records=fetched,
                     left_out=args.explain)
    with _stopped_by_signals():
        try:
            for doc in docs:
                print(explain(doc) if args.explain else json.dumps(doc, ensure_ascii=False))
        except Stopped as stopped:
            docs.close()  # the stores closed (a preview's removed) before the account is given
            print(summary.line(done="extracted"), file=sys.stderr)
            unfinished = summary.read - summary.extracted - summary.failed - sum(summary.skipped.values())
            print(f"newsindex: error: stopped by {stopped.name} before the run finished: {unfinished} inputs "
                  "read were not through every stage yet (the account above)", file=sys.stderr)
            return stopped.code
        finally:
            docs.close()
    print(summary.line(done="extracted"), file=sys.stderr)
    for alarm in summary.alarms:
        print(f"newsindex: quality alarm: {alarm}", file=sys.stderr)
    for note in summary.notes:
        print(f"newsindex: note: {note}", file=sys.stderr)
    return 1 if summary.failed else 0


class Stopped(BaseException):
    """A SIGTERM or SIGINT: raised where the run is, so every ``finally`` on the way out runs (stores closed,
    temporary files removed). Not an ``Exception``: no stage's error handling takes it for an input's failure."""

    def __init__(self, signum: int):
        import signal

        super().__init__(signum)
        self.name, self.code = signal.Signals(signum).name, 128 + signum


@contextmanager
def _stopped_by_signals() -> Iterator[None]:
    """SIGTERM and SIGINT raise ``Stopped`` once; a second one while the run cleans up is ignored."""
    import signal

    received: list[int] = []

    def stop(signum, frame) -> None:
        if not received:
            received.append(signum)
            raise Stopped(signum)

    previous = {signum: signal.signal(signum, stop) for signum in (signal.SIGTERM, signal.SIGINT)}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _cmd_quality(args, settings) -> int:
    from pipelines.quality import QualityStore

    if not settings.quality_store.exists():
        print(f"no runs recorded yet in {settings.quality_store}: ingest or crawl first")
        return 0
    store = QualityStore(settings.quality_store)
    try:
        alarms = []
        rows = []
        for site in store.sites():
            docs, shares = store.latest(site)
            site_alarms = store.alarms(site)
            alarms += site_alarms
            if args.all or site_alarms:
                rows.append(f"{'!' if site_alarms else ' '} {site:<32} {docs:>6} " + " ".join(
                    f"{shares[k]:>9.0%}" for k in ("removed_share", "empty_share", "untitled_share", "undated_share")))
    finally:
        store.close()
    if rows:
        print(f"  {'site (latest run)':<32} {'docs':>6} {'removed':>9} {'empty':>9} {'untitled':>9} {'undated':>9}")
        print("\n".join(rows))
    for alarm in alarms:
        print(f"quality alarm: {alarm.line()}")
    if not alarms:
        print("no site's figures jumped against its own history" + ("" if args.all else " (--all lists every site)"))
    return 1 if alarms else 0


def _site_domains(settings) -> dict[str, list[str]]:
    """The declared sites' domains by name, for ``--site NAME`` (none when there is no sources file)."""
    if not settings.sources.is_file():
        return {}
    from crawler.sites import load_sites

    return {name: site.domains for name, site in load_sites(settings.sources).items()}


def _cmd_search(args, settings) -> int:
    from newsindex.search import SearchRequest, expand_sites, render_text, search
    from pipelines.elastic import connect

    _require_managed_or_url(settings)
    facets = [f.strip() for f in args.facets.split(",") if f.strip()] if args.facets is not None else None
    req = SearchRequest(query=args.query, lang=args.lang, site=expand_sites(args.site, _site_domains(settings)),
                        author=args.author, tag=args.tag, since=args.since, until=args.until, size=args.size,
                        page=args.page, after=args.after, collapse=not args.no_collapse, sort=args.sort,
                        count=args.count,
                        **({"facets": facets} if facets is not None else {}))
    result = search(connect(settings), settings.alias, req)
    print(json.dumps(result, ensure_ascii=False, indent=1) if args.json
          else render_text(result, bold=sys.stdout.isatty()))
    return 0


def _cmd_reindex(args, settings) -> int:
    from newsindex.reindex import reindex
    from pipelines.elastic import connect, setup

    _require_managed_or_url(settings)
    client = connect(settings)
    if args.keep_old is not None and args.keep_old < 0:
        raise NewsindexError(f"--keep-old takes a count of old indices to keep (0 or more), not {args.keep_old}")
    setup(client, settings, upgrade_in_place=False)  # a conflicting mapping is what a re-index is for
    result = reindex(client, settings, source=args.source, keep_old=args.keep_old)
    print(result.line())
    return 1 if result.failed else 0


def _cmd_indices(args, settings) -> int:
    from newsindex.reindex import alias_indices
    from pipelines.elastic import connect

    _require_managed_or_url(settings)
    found = alias_indices(connect(settings), settings)
    if not found:
        print(f"no index of alias {settings.alias!r} yet: run `newsindex setup` or `newsindex ingest`")
        return 0
    print(f"  {'index':<44} {'docs':>9} {'size':>10}  created (UTC)")
    for index in found:
        mark = "*" if index.read or index.write else " "
        print(f"{mark} {index.name:<44} {index.docs:>9} {index.size_bytes / 2**20:>8.1f}MB  "
              f"{index.created:%Y-%m-%d %H:%M:%S}{'  live' if mark == '*' else ''}")
    return 0


def _cmd_kibana(args, settings) -> int:
    from newsindex.kibana import import_saved_objects

    url = args.url or settings.kibana_url
    result = import_saved_objects(settings, url)
    print(f"imported {result['successCount']} saved objects into Kibana at {url}: data view {settings.alias!r}, "
          "saved search 'newsindex: latest articles', dashboard 'newsindex overview'")
    return 0


def _cmd_crawl(args, settings) -> int:
    from crawler.run import CrawlsStopped, describe, run_crawls
    from crawler.sites import load_sites

    _require_managed_or_url(settings)
    sites = load_sites(settings.sources)
    if args.all:
        chosen = list(sites.values())
    else:
        unknown = [name for name in args.sites if name not in sites]
        if unknown or not args.sites:
            first = f"unknown site {unknown[0]!r}" if unknown else "name a site or use --all"
            raise NewsindexError(f"{first}; {settings.sources} declares: {', '.join(sites) or 'no sites'}")
        chosen = [sites[name] for name in args.sites]
    try:
        results = run_crawls(chosen, settings, ledger=args.ledger)
    except CrawlsStopped as stopped:  # SIGTERM/SIGINT: the account of what was done, one line, non-zero
        for name, summary in stopped.results.items():
            print(describe(name, summary))
        print(f"newsindex: error: {stopped}", file=sys.stderr)
        return stopped.code
    for name, summary in results.items():
        print(describe(name, summary), file=sys.stderr if summary.get("error") else sys.stdout)
    if stopped := [f"{name}: {s['index_error']}" for name, s in results.items() if s.get("index_error")]:
        if all(s.get("index_error", "").startswith("no space left") for s in results.values() if s.get("index_error")):
            raise NewsindexError("; ".join(stopped))  # the line says what to do; the dead-letter file may be short
        raise NewsindexError(f"{'; '.join(stopped)} (the documents not written are in {settings.dead_letter}; "
                             "the next crawl fetches them again)")
    if all(s.get("error") for s in results.values()):
        return 2
    merged = {k: v for summary in results.values() for k, v in summary.get("merged_stories", {}).items()}
    if merged:
        from newsindex.stories import restamp
        from pipelines.elastic import connect

        print(f"{restamp(connect(settings), settings.write_alias, merged)} earlier documents joined the story a new "
              "one linked theirs to")
    revision = _revise_after_crawl(settings)
    if any(s.get("error") for s in results.values()):  # a site's crawl could not run
        return 2
    return 1 if any(s["failed"] for s in results.values()) or revision.failed else 0


def _revise_after_crawl(settings):
    """What the crawl's later pages taught of each site's template, applied to its earlier documents."""
    from newsindex.revise import revise
    from pipelines.elastic import connect

    revision = revise(settings, connect(settings), settings.write_alias)
    if line := revision.line():
        print(line)
    return revision


def _cmd_template(args, settings) -> int:
    """The template learned of each site: its regions, with their counts and an example text."""
    from pipelines.dedupe import DedupeConfig
    from pipelines.template import is_template
    from pipelines.template_store import template_store

    store = template_store(settings.dedupe_store, settings.redis_url)
    config = DedupeConfig.from_settings(settings.component_settings()).template()
    try:
        sites = dict(store.sites())
        if not args.site:
            if not sites:
                print("no site template learned yet: crawl a site, or ingest pages that have URLs")
            for site, pages in sites.items():
                regions = store.site_regions(site)
                template = sum(is_template(region, config) for region, _ in regions)
                print(f"{site:<40} {pages:>7} pages {template:>4} template regions of {len(regions)}")
            return 0
        if args.site not in sites:
            raise NewsindexError(f"no template learned for {args.site!r}; known sites: {', '.join(sites) or 'none'}")
        print(f"{args.site}: {sites[args.site]} pages (a region is template on ≥ {config.min_pages} pages with "
              f"≥ {config.repeat_share:.0%} of its text recurring)")
        print(f"  {'':<2}{'pages':>6} {'recurs':>7} {'texts':>6}  region / example")
        for region, example in store.site_regions(args.site):
            if not args.all and not is_template(region, config):
                continue
            mark = "T" if is_template(region, config) else " "
            print(f"  {mark:<2}{region.pages:>6} {region.repeat_share:>7.0%} {region.texts:>6}  {region.path}")
            print(f"  {'':<24}“{example}”")
        if not args.all:
            print("(template regions only; --all lists every region)")
    finally:
        store.close()
    return 0


def _cmd_schedule(args, settings) -> int:
    from crawler.schedule import run_schedule
    from crawler.sites import load_sites

    _require_managed_or_url(settings)
    try:
        return run_schedule(list(load_sites(settings.sources).values()), settings.home, max_runs=args.max_runs,
                            immediately=args.now)
    except ValueError as exc:
        raise NewsindexError(f"{exc}: add `schedule: \"*/30 * * * *\"` to a site") from exc


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsindex", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    es = sub.add_parser("es", help="manage the local Elasticsearch node (or cluster); status of any cluster")
    es.add_argument("action", choices=["start", "stop", "status"])
    es.add_argument("--nodes", type=int, help="local nodes as one cluster (default: NEWSINDEX_ES_NODES, 1)")
    es.set_defaults(func=_cmd_es)

    sub.add_parser("setup", help="install index templates and aliases").set_defaults(func=_cmd_setup)

    ingest = sub.add_parser("ingest", help="extract files and index them (default: seeds/)")
    ingest.add_argument("paths", nargs="*", help="files or folders (.html .htm .txt, .gz forms)")
    ingest.add_argument("--replay", metavar="FILE", help="run the inputs of a dead-letter file again")
    ingest.add_argument("--ledger", metavar="FILE", type=Path, help=LEDGER_HELP)
    ingest.set_defaults(func=_cmd_ingest)

    extract = sub.add_parser("extract", help="print the documents the indexer would send, one JSON per line")
    extract.add_argument("paths", nargs="*", help="files, folders or http(s) URLs (each page fetched once)")
    extract.add_argument("--explain", action="store_true",
                         help="readable kept/removed view per document, with the blocks trafilatura left out")
    extract.add_argument("--store", action="store_true",
                         help="remember paragraphs and signatures in the dedupe store and keep failures in the "
                              "dead-letter file, as ingest does (default: a preview that writes nothing)")
    extract.set_defaults(func=_cmd_extract)

    quality = sub.add_parser("quality", help="sites whose extraction figures jumped against their own history")
    quality.add_argument("--all", action="store_true", help="list every site's latest figures")
    quality.set_defaults(func=_cmd_quality)

    template = sub.add_parser("template", help="the template learned of each site: regions, counts, examples")
    template.add_argument("site", nargs="?", help="a site (its host); without it, every site with its counts")
    template.add_argument("--all", action="store_true", help="every region of the site, not only template ones")
    template.set_defaults(func=_cmd_template)

    crawl = sub.add_parser("crawl", help="crawl sites declared in the sources file (sources.yaml)")
    crawl.add_argument("sites", nargs="*", help="site names from the sources file")
    crawl.add_argument("--all", action="store_true", help="every site in the sources file")
    crawl.add_argument("--ledger", metavar="FILE", help=LEDGER_HELP)
    crawl.set_defaults(func=_cmd_crawl)

    schedule = sub.add_parser("schedule", help="run each site's crawl on its cron schedule")
    schedule.add_argument("--now", action="store_true",
                          help="run every scheduled site once right away and return with the runs' exit status "
                               "(with --max-runs: then go on by the schedule)")
    schedule.add_argument("--max-runs", type=int, help="stop after this many runs were due (default: run forever)")
    schedule.set_defaults(func=_cmd_schedule)

    reindex = sub.add_parser("reindex", help="rebuild the index and swap the aliases atomically")
    reindex.add_argument("--from", dest="source", choices=["index", "sources"], default="index",
                         help="copy the current documents (mapping change) or re-extract their source files")
    old_index = reindex.add_mutually_exclusive_group()
    old_index.add_argument("--keep-old", dest="keep_old", type=int, nargs="?", const=None, default=None, metavar="N",
                           help="keep the previous index (default); with N: keep the newest N old indices, delete "
                                "older ones (`newsindex indices` lists them)")
    old_index.add_argument("--delete-old", dest="keep_old", action="store_const", const=0,
                           help="delete the previous index after the swap")
    reindex.set_defaults(func=_cmd_reindex)

    sub.add_parser("indices", help="the indices of the alias: docs, size, created, which one is live"
                   ).set_defaults(func=_cmd_indices)

    kibana = sub.add_parser("kibana", help="Kibana saved objects (data view, saved search, dashboard)")
    kibana.add_argument("action", choices=["import"])
    kibana.add_argument("--url", help="Kibana URL (default $NEWSINDEX_KIBANA_URL or http://127.0.0.1:5601)")
    kibana.set_defaults(func=_cmd_kibana)

    search = sub.add_parser("search", help="full-text search with facets")
    search.add_argument("query", help="simple_query_string syntax: words, \"phrases\", -exclude, a|b")
    for flag in ("lang", "site", "author", "tag"):
        search.add_argument(f"--{flag}", action="append", default=[], help=f"filter by {flag} (repeatable)"
                            + ("; a hostname or a site's name in the sources file" if flag == "site" else ""))
    search.add_argument("--since", help="published on or after (YYYY-MM-DD)")
    search.add_argument("--until", help="published on or before (YYYY-MM-DD)")
    search.add_argument("--size", type=int, default=10)
    search.add_argument("--page", type=int, default=1)
    search.add_argument("--after", metavar="CURSOR",
                        help="deep pagination over every match (copies included): `start`, then each page's `next`")
    search.add_argument("--facets", help="comma-separated subset of: site,language,author,tags,published")
    search.add_argument("--no-collapse", action="store_true", help="list near-duplicate copies separately")
    search.add_argument("--count", choices=["documents", "stories"], default="documents",
                        help="what the facets count: documents, or stories (distinct near-duplicate clusters)")
    search.add_argument("--sort", choices=["relevance", "newest", "oldest"], default="relevance",
                        help="order of hits (a match-all query, `*` or empty, lists newest first)")
    search.add_argument("--json", action="store_true", help="hits, highlights, total and facets as JSON")
    search.set_defaults(func=_cmd_search)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args, load_settings())
    except NewsindexError as exc:
        print(f"newsindex: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("newsindex: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `newsindex search … | head`: the reader left, which is not an error
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except (OSError, sqlite3.OperationalError) as exc:  # a full disk: one line, not a traceback
        if (line := disk_full(exc)) is None:
            raise
        print(f"newsindex: error: {line}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
