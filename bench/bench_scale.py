"""Throughput and peak memory of the whole pipeline as the corpus grows: the same synthetic corpus shape at
each size (default 1k, 10k and 100k documents; `make bench` ingests 10k, 100k and 1M), plain text and HTML, each
run in a fresh process (its own peak RSS) with a fresh dedupe store on disk as a real run has, each size run
--repeats times (median and spread). ``extract`` runs every stage; ``ingest`` also writes to the node (needs
`newsindex es start`), or with --cluster to a 3-node loopback cluster of the bench's own (3 shards, 1 replica);
the indices and templates it made are deleted afterwards, also on failure, and the cluster is removed.

    python bench/bench_scale.py [--sizes 1000,10000,100000] [--kinds text,html] [--modes extract,ingest]
                                [--repeats 3] [--cluster]

Flat means: docs/s and peak RSS at every size within ±10 % of the smallest. Each ingest run starts on a
node with no merge running. A million documents take 70–110 minutes a run on two cores.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, bench_cluster, leave_node_as_found, node_client, settle, write_result

# Several languages, so language detection does its real work; words drawn per paragraph.
VOCABULARY = {
    "en": "minister talks border treaty region government economy market inflation election court parliament "
          "energy pipeline sanctions summit ceasefire investment currency budget protest agreement delegation "
          "security harvest exports railway mediation reform coalition the of and to in for with on",
    "de": "Regierung Minister Grenze Vertrag Wirtschaft Markt Wahl Gericht Parlament Energie Leitung Gipfel "
          "Haushalt Protest Abkommen Sicherheit Ernte Bahn Reform Koalition der die und zu den mit von auf",
    "fr": "gouvernement ministre frontière traité région économie marché élection tribunal parlement énergie "
          "sommet budget manifestation accord sécurité récolte chemin réforme coalition le la les et de des",
    "ru": "правительство министр граница договор регион экономика рынок выборы суд парламент энергия "
          "саммит бюджет протест соглашение безопасность урожай железная реформа коалиция и в на с по",
    "es": "gobierno ministro frontera tratado región economía mercado elección tribunal parlamento energía "
          "cumbre presupuesto protesta acuerdo seguridad cosecha ferrocarril reforma coalición el la y de en",
}
PAGE = """<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>
<meta property="og:title" content="{title}"><meta name="author" content="{author}">
<meta property="article:published_time" content="2024-0{month}-1{day}T10:00:00Z"></head>
<body><header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/economy">Economy</a>
<a href="/about">About us</a></nav></header><main><article><h1>{title}</h1>
<p class="byline">By {author}</p>{paragraphs}</article>
<aside><h2>Latest</h2><ul><li><a href="/a">Markets close higher</a></li><li><a href="/b">Rail strike ends</a>
</li></ul></aside></main><footer><p>© 2024 Synthetic News. All rights reserved.</p>
<p>Support independent journalism: donate today.</p></footer></body></html>
"""


def write_corpus(folder: Path, count: int, kind: str, seed: int = 0) -> None:
    """``count`` distinct articles (title + six paragraphs of ~40 words), the same shape at every size."""
    rng = random.Random(seed)
    languages = sorted(VOCABULARY)
    words = {lang: text.split() for lang, text in VOCABULARY.items()}
    for i in range(count):
        lang = languages[i % len(languages)]
        title = f"{i}: " + " ".join(rng.choice(words[lang]) for _ in range(6)).capitalize()
        paragraphs = [" ".join(rng.choice(words[lang]) for _ in range(40)).capitalize() + "."
                      for _ in range(6)]
        if i and i % 100_000 == 0:
            print(f"  corpus: {i:,} of {count:,} {kind} files written", flush=True)
        sub = folder / f"{i // 1000:03d}"  # 1,000 files a folder, as archives are laid out
        sub.mkdir(parents=True, exist_ok=True)
        if kind == "text":
            (sub / f"a{i:06d}.txt").write_text("\n\n".join([title, *paragraphs]) + "\n", encoding="utf-8")
        else:
            body = "".join(f"<p>{p}</p>" for p in paragraphs)
            (sub / f"a{i:06d}.html").write_text(PAGE.format(lang=lang, title=title, author=f"Author {i % 50}",
                                                            month=1 + i % 9, day=i % 10, paragraphs=body),
                                                encoding="utf-8")


def child(mode: str, folder: str, home: str) -> None:
    """One measured run in this process: prints docs, seconds and this process's peak RSS."""
    sys.path.insert(0, str(ROOT))
    from newsindex.ingest import Summary, documents, ingest
    from pipelines.config import load_settings
    from pipelines.elastic import read_password

    node = load_settings()  # the node's password stays where `es start` keeps it; the run's state is fresh
    settings = load_settings(home=Path(home), store_path=Path(home) / "paragraphs.sqlite",
                             alias=f"bench-scale-{os.getpid()}",
                             es_password=node.es_password or (read_password(node) if node.managed else None))
    start = time.perf_counter()
    if mode == "extract":
        summary = Summary()
        done = sum(1 for _ in documents(settings, [folder], None, summary))
        seconds = time.perf_counter() - start
    else:
        summary = ingest(settings, [folder])
        done = summary.index_stats.indexed if summary.index_stats else 0
        seconds = time.perf_counter() - start  # the ingest's own time, not the bench's tidying after it
        from pipelines.elastic import connect, template_name

        client = connect(settings)  # the node refuses wildcard deletes (action.destructive_requires_name)
        made = list(client.indices.get(index=f"{settings.alias}-*", expand_wildcards="all"))
        client.indices.delete(index=made)
        client.indices.delete_index_template(name=template_name(settings))
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"docs": done, "read": summary.read, "seconds": seconds, "peak_rss_mb": peak_mb}))


def measured_run(mode: str, corpus: Path, size: int, env: dict) -> dict:
    """One run of ``mode`` over the first ``size`` documents of the corpus, in a fresh process with a fresh
    home; a line every five minutes while it lasts (a million documents take 70–110 minutes)."""
    subset = Path(tempfile.mkdtemp(prefix="newsindex-scale-subset-"))
    home = Path(tempfile.mkdtemp(prefix="newsindex-scale-home-"))
    try:
        for folder in sorted(corpus.iterdir())[: max(1, size // 1000)]:
            (subset / folder.name).symlink_to(folder)
        with subprocess.Popen([sys.executable, __file__, "--child", mode, str(subset), str(home)],
                              stdout=subprocess.PIPE, text=True, env={**os.environ, **env}) as proc:
            started = time.monotonic()
            try:
                while True:
                    try:
                        out, _ = proc.communicate(timeout=300)
                        break
                    except subprocess.TimeoutExpired:
                        print(f"    … {(time.monotonic() - started) / 60:.0f} min", flush=True)
            except BaseException:  # SIGTERM or Ctrl-C: the child goes too, as subprocess.run would kill it
                proc.kill()
                raise
        if proc.returncode:
            raise SystemExit(f"scale bench: the {mode} run of {size:,} documents failed (exit {proc.returncode}); "
                             "its error is above")
        return json.loads(out.strip().splitlines()[-1])
    finally:
        shutil.rmtree(subset, ignore_errors=True)
        shutil.rmtree(home, ignore_errors=True)


def spread(values: list[float]) -> dict:
    return {"min": min(values), "median": statistics.median(values), "max": max(values)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--kinds", default="text,html")
    parser.add_argument("--modes", default="extract")
    parser.add_argument("--repeats", type=int, default=3, help="runs of each size (median and spread)")
    parser.add_argument("--cluster", action="store_true",
                        help="ingest into a 3-node loopback cluster of its own (3 shards, 1 replica), started and "
                             "removed by the bench")
    parser.add_argument("--child", nargs=3, metavar=("MODE", "FOLDER", "HOME"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    sizes = [int(x) for x in args.sizes.split(",")]
    modes, repeats = args.modes.split(","), max(1, args.repeats)
    results, began = [], time.monotonic()
    print(f"scale bench: sizes {sizes}, kinds {args.kinds}, modes {args.modes}, {repeats} runs of each, one process "
          f"per run{', on a 3-node cluster' if args.cluster else ''}, load {os.getloadavg()[0]:.2f}", flush=True)
    with contextlib.ExitStack() as stack:
        env, client = {}, None
        if args.cluster:
            cluster, env = stack.enter_context(bench_cluster())
            client = node_client(cluster)
        elif "ingest" in modes:
            from pipelines.config import load_settings

            client = node_client(load_settings())
        if client is not None:  # the children's indices and templates go, also on failure
            stack.enter_context(leave_node_as_found(client, "bench-scale"))
        for kind in args.kinds.split(","):
            corpus = Path(tempfile.mkdtemp(prefix=f"newsindex-scale-{kind}-"))
            stack.callback(shutil.rmtree, corpus, ignore_errors=True)
            write_corpus(corpus, max(sizes), kind)
            for mode in modes:
                base = None
                for size in sizes:
                    runs = []
                    for number in range(repeats):
                        if client is not None:
                            settle(client)
                        runs.append(measured_run(mode, corpus, size, env))
                        runs[-1]["docs_per_s"] = runs[-1]["docs"] / runs[-1]["seconds"]
                        print(f"  {mode:<7} {kind:<4} {size:>9,} run {number + 1}/{repeats}: "
                              f"{runs[-1]['docs_per_s']:7.1f} docs/s, peak RSS {runs[-1]['peak_rss_mb']:6.0f} MB, "
                              f"{runs[-1]['seconds']:.0f} s, load {os.getloadavg()[0]:.1f}", flush=True)
                    row = {"kind": kind, "mode": mode, "size": size, "runs": runs,
                           "docs_per_s_spread": spread([r["docs_per_s"] for r in runs]),
                           "peak_rss_mb_spread": spread([r["peak_rss_mb"] for r in runs]),
                           "load": os.getloadavg()[0]}
                    row["docs_per_s"] = row["docs_per_s_spread"]["median"]
                    row["peak_rss_mb"] = row["peak_rss_mb_spread"]["median"]
                    base = base or row
                    row["rate_vs_smallest"] = row["docs_per_s"] / base["docs_per_s"]
                    row["rss_vs_smallest"] = row["peak_rss_mb"] / base["peak_rss_mb"]
                    results.append(row)
                    print(f"  {mode:<7} {kind:<4} {size:>9,}: median {row['docs_per_s']:7.1f} docs/s "
                          f"({row['rate_vs_smallest']:.2f}× the smallest), peak RSS {row['peak_rss_mb']:6.0f} MB "
                          f"({row['rss_vs_smallest']:.2f}×)", flush=True)
            shutil.rmtree(corpus, ignore_errors=True)
    name = "scale" if args.modes == "extract" else f"scale-{args.modes.replace(',', '-')}"
    name += "-cluster" if args.cluster else ""
    path = write_result(name, {"sizes": sizes, "repeats": repeats, "cluster": args.cluster, "results": results,
                               "elapsed_s": time.monotonic() - began, "load_after": os.getloadavg()[0]})
    print(f"written {path}")


if __name__ == "__main__":
    main()
