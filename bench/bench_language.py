"""Language detection on a bounded sample vs on the whole text: agreement and cost.

The pipeline detects on the first ``SAMPLE_CHARS`` characters of the cleaned text with ``TRIALS`` random
trials (langdetect's cost grows with both; its default is the whole text and 7 trials). This measures, on every
human-made article text we have — the ground truth of the three shared extraction sets (aeb, dragnet,
cleaneval) and the project's own multilingual dev set — how often the bounded call gives the same answer (code
and status) as langdetect's default call on the whole text, and the time of each, in one run.

    python bench/bench_language.py
"""

from __future__ import annotations

import json
import time
from collections import Counter

from common import ROOT, load_set, write_result

from pipelines import language


def texts() -> list[tuple[str, str]]:
    found = []
    for name in ("aeb", "dragnet", "cleaneval"):
        truth, _ = load_set(name)
        found += [(f"{name}/{key}", entry["text"]) for key, entry in truth.items() if entry.get("text")]
    expected = json.loads((ROOT / "bench" / "devset" / "expected.json").read_text(encoding="utf-8"))
    found += [(f"devset/{key}", "\n".join(entry["content"])) for key, entry in expected.items()]
    return found


def main() -> None:
    corpus = texts()
    whole, sampled, seconds = {}, {}, {"whole text": 0.0, "sample": 0.0}
    for key, text in corpus:
        start = time.perf_counter()
        sampled[key] = language.detect_language(text)[::2]  # (code, status)
        seconds["sample"] += time.perf_counter() - start
        start = time.perf_counter()
        whole[key] = language.detect_language(text, sample_chars=len(text) + 1, trials=7)[::2]
        seconds["whole text"] += time.perf_counter() - start
    same = sum(sampled[k] == whole[k] for k, _ in corpus)
    disagree = [(k, whole[k], sampled[k]) for k, _ in corpus if sampled[k] != whole[k]]
    langs = Counter(code for code, _ in whole.values())
    print(f"{len(corpus)} texts ({', '.join(f'{c} {n}' for c, n in langs.most_common(10))}); "
          f"bounded = first {language.SAMPLE_CHARS} characters, {language.TRIALS} trials; whole = all of it, 7 trials")
    print(f"  agreement with the whole text: {same}/{len(corpus)} = {same / len(corpus):.2%}")
    for name, total in seconds.items():
        print(f"  {name:<10} {total / len(corpus) * 1000:6.2f} ms/text")
    print(f"  the sample costs {seconds['sample'] / seconds['whole text']:.2f}× the whole text")
    for key, full, part in disagree[:10]:
        print(f"  differs: {key}: whole {full}, sample {part}")
    write_result("language", {"texts": len(corpus), "sample_chars": language.SAMPLE_CHARS,
                              "trials": language.TRIALS,
                              "agreement": same / len(corpus), "ms_per_text": {
                                  k: v / len(corpus) * 1000 for k, v in seconds.items()},
                              "disagreements": disagree})


if __name__ == "__main__":
    main()
