"""Peak memory of ``newsindex extract`` as a preview (no ``--store``) as the folder grows: the same corpus shape
at 2k and 20k plain-text files made of real prose (sentences of the shared benchmark's articles, else of
seeds/, recombined so no two files are near-duplicates), each run in a fresh process whose own peak RSS is read
from ``wait4``. With ``--before REF`` the code of that commit runs too, interleaved with the current tree, in the
same run (a ratio, not two separate runs).

    python bench/bench_preview_memory.py [--sizes 2000,20000] [--repeats 3] [--before main] [--after HEAD]

Flat means: the largest size peaks within 10 % of the smallest. Writes bench/results/preview_memory.json and
removes its corpus, homes and checkouts.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, eval_dir, write_result

CHILD = ("import sys; sys.path.insert(0, sys.argv[1]); sys.argv = sys.argv[1:]; import newsindex.cli as cli; "
         "assert cli.__file__.startswith(sys.argv[0]), cli.__file__; sys.exit(cli.main(sys.argv[1:]))")


def sentences() -> list[str]:
    """Real prose, one sentence each: the shared benchmark's article texts when there, else the seed files."""
    texts: list[str] = []
    try:
        truth = json.loads((eval_dir() / "aeb" / "ground_truth.json").read_text(encoding="utf-8"))
        texts = [entry["text"] for entry in truth.values() if entry.get("text")]
    except SystemExit:
        pass
    if not texts:
        texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    found = {s.strip() for text in texts for s in re.split(r"(?<=[.!?])\s+", text)}
    return sorted(s for s in found if 8 <= len(s.split()) <= 60)


def write_corpus(folder: Path, count: int, seed: int = 0) -> None:
    """``count`` articles of a title and six paragraphs of three random sentences, 1,000 files a folder."""
    rng = random.Random(seed)
    pool = sentences()
    for i in range(count):
        title = f"{i}: " + " ".join(rng.choice(pool).split()[:8])
        paragraphs = [" ".join(rng.sample(pool, 3)) for _ in range(6)]
        sub = folder / f"{i // 1000:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"a{i:06d}.txt").write_text("\n\n".join([title, *paragraphs]) + "\n", encoding="utf-8")


def link_subset(corpus: Path, subset: Path, size: int) -> None:
    """The first ``size`` files of the corpus, as links in folders of the same names."""
    subset.mkdir()
    for folder in sorted(corpus.iterdir())[: -(-size // 1000)]:
        files = sorted(folder.iterdir())[: size - 1000 * int(folder.name)]
        (subset / folder.name).mkdir()
        for path in files:
            (subset / folder.name / path.name).symlink_to(path)


def checkout(ref: str, into: Path) -> Path:
    """The tree of ``ref`` (its committed files), to run the code as it was."""
    archive = subprocess.run(["git", "archive", ref], cwd=ROOT, capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    return into


def measure(tree: Path, folder: Path) -> dict:
    """One preview over ``folder`` with the code of ``tree``, in a fresh process: its peak RSS, time, account
    line, and a digest of the documents it printed (the same input must give the same documents)."""
    home = Path(tempfile.mkdtemp(prefix="newsindex-bench-home-"))
    private_tmp = home / "tmp"  # the run's system temp dir: what the preview leaves there is counted
    private_tmp.mkdir()
    env = {**os.environ, "NEWSINDEX_HOME": str(home), "NEWSINDEX_SOURCES": str(home / "none.yaml"),
           "TMPDIR": str(private_tmp)}
    env.pop("NEWSINDEX_STORE_PATH", None)
    try:
        with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
            start = time.perf_counter()
            proc = subprocess.Popen([sys.executable, "-c", CHILD, str(tree), "extract", str(folder)],
                                    stdout=out, stderr=err, env=env, cwd=home)
            _, status, usage = os.wait4(proc.pid, 0)
            seconds = time.perf_counter() - start
            proc.returncode = os.waitstatus_to_exitcode(status)
            out.seek(0)
            digest, docs = hashlib.sha256(), 0
            for line in out:
                doc = json.loads(line)
                for volatile in ("fetched_at", "ingested_at"):  # the time of the run, not of the input
                    doc.pop(volatile, None)
                digest.update(json.dumps(doc, sort_keys=True).encode())
                docs += 1
            err.seek(0)
            account = next((line for line in err.read().decode().splitlines() if line.startswith("read ")), "")
        left = sorted(p.name for p in home.iterdir() if p != private_tmp)
        return {"peak_rss_mb": round(usage.ru_maxrss / 1024, 1), "seconds": round(seconds, 1), "docs": docs,
                "exit": proc.returncode, "account": account, "digest": digest.hexdigest()[:16],
                "home_files": left, "temp_files": sorted(p.name for p in private_tmp.iterdir())}
    finally:
        shutil.rmtree(home, ignore_errors=True)


def spread(values: list[float]) -> dict:
    return {"min": min(values), "median": round(statistics.median(values), 1), "max": max(values)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="2000,20000")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--before", metavar="REF", help="also run the code of this commit, interleaved")
    parser.add_argument("--after", metavar="REF", help="the code of this commit (default: the working tree)")
    args = parser.parse_args()
    sizes = [int(x) for x in args.sizes.split(",")]
    scratch = Path(tempfile.mkdtemp(prefix="newsindex-bench-preview-"))
    runs: dict[str, dict[int, list[dict]]] = {}
    try:
        trees = {"after": checkout(args.after, Path(tempfile.mkdtemp(dir=scratch))) if args.after else ROOT}
        if args.before:
            trees = {"before": checkout(args.before, Path(tempfile.mkdtemp(dir=scratch))), **trees}
        corpus = scratch / "corpus"
        write_corpus(corpus, max(sizes))
        print(f"preview memory bench: sizes {sizes}, {args.repeats} repeats, variants {list(trees)}, "
              f"load {os.getloadavg()[0]:.2f}", flush=True)
        for repeat in range(args.repeats):
            for size in sizes:
                subset = scratch / f"subset-{size}"
                if not subset.exists():
                    link_subset(corpus, subset, size)
                for name, tree in trees.items():
                    row = measure(tree, subset)
                    runs.setdefault(name, {}).setdefault(size, []).append(row)
                    print(f"  #{repeat + 1} {name:<6} {size:>6}: peak RSS {row['peak_rss_mb']:6.1f} MB, "
                          f"{row['seconds']:6.1f} s, exit {row['exit']}, {row['account']}", flush=True)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    results = {}
    for name, by_size in runs.items():
        peaks = {size: spread([r["peak_rss_mb"] for r in rows]) for size, rows in by_size.items()}
        small, large = peaks[min(sizes)]["median"], peaks[max(sizes)]["median"]
        results[name] = {
            "peak_rss_mb": {str(size): peak for size, peak in peaks.items()},
            "seconds": {str(size): spread([r["seconds"] for r in rows]) for size, rows in by_size.items()},
            "accounts": {str(size): sorted({r["account"] for r in rows}) for size, rows in by_size.items()},
            "files_left_in_home": sorted({f for rows in by_size.values() for r in rows for f in r["home_files"]}),
            "files_left_in_temp_dir": sorted({f for rows in by_size.values() for r in rows for f in r["temp_files"]}),
            "largest_vs_smallest": round(large / small, 3),
            "flat_within_10_percent": large <= 1.10 * small,
        }
    if "before" in runs:
        results["same_documents"] = all(
            {r["digest"] for r in runs["before"][size]} == {r["digest"] for r in runs["after"][size]}
            for size in sizes)
    path = write_result("preview_memory", {"sizes": sizes, "repeats": args.repeats, "before": args.before,
                                           "after": args.after or "working tree",
                                           "corpus": "plain text, title + 6 paragraphs of 3 real sentences",
                                           "results": results, "load_after": round(os.getloadavg()[0], 2)})
    print(json.dumps({k: v for k, v in results.items()}, indent=1))
    print(f"written {path}")


if __name__ == "__main__":
    main()
