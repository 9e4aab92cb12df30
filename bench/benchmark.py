"""Benchmark: time and peak memory of a build, on the real findings and on a generated
project of a chosen size.

    python bench/benchmark.py                      # the project's findings.yaml
    python bench/benchmark.py --claims 2000 --source-kb 5000

Each measurement runs the build in a fresh Python process (imports included, as a user
runs it) and reports the median wall time of the runs and the peak resident memory.
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORDS = ("the", "officials", "said", "that", "about", "ships", "were", "waiting", "near",
         "harbour", "crews", "storm", "crane", "river", "volunteers", "counted", "reported",
         "estimated", "later", "council", "agency")


def generate(folder: Path, claims: int, source_kb: int, seed: int = 1) -> Path:
    """A project with one source of about ``source_kb`` KiB and ``claims`` quoted claims."""
    rng = random.Random(seed)
    paragraphs, size, n = [], 0, 0
    openings = []  # the first words of each sentence: what a claim quotes
    while size < source_kb * 1024:
        sentences = []
        for _ in range(rng.randint(2, 5)):
            n += 1
            words = [rng.choice(WORDS) for _ in range(rng.randint(8, 20))]
            openings.append(f"Item {n} " + " ".join(words[:6]))
            sentences.append(f"Item {n} " + " ".join(words) + f" {n * 7:,}.")
        paragraphs.append(" ".join(sentences))
        size += len(paragraphs[-1]) + 1
    (folder / "sources").mkdir(parents=True, exist_ok=True)
    (folder / "sources" / "big.txt").write_text("\n".join(paragraphs) + "\n", encoding="utf-8")
    lines = ["briefing:", "  title: Generated benchmark", "  as_of: 2025-01-01",
             "sources:", "  - id: big", "    file: sources/big.txt", "    title: Big",
             "claims:"]
    step = max(1, n // claims)
    for i in range(claims):
        item = 1 + i * step
        lines += [f"  - id: c{i}", f"    statement: Claim {i}.", "    said_by: Someone",
                  "    credibility: 3", "    evidence:", "      - source: big",
                  f"        quote: '{openings[item - 1]}'"]
        if i % 10 == 0:
            lines += ["    estimate:", "      quantity: Things", "      estimator: Someone",
                      f"      location: Place {i % 7}", f"      value: {item}"]
    findings = folder / "findings.yaml"
    findings.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return findings


def measure(findings: Path, runs: int) -> tuple[float, float]:
    """Median seconds and peak MiB of ``build_report.py --findings ... --out <tmp>``."""
    times, peak = [], 0.0
    with tempfile.TemporaryDirectory() as out:
        for _ in range(runs):
            start = time.perf_counter()
            subprocess.run([sys.executable, str(ROOT / "build_report.py"), "--findings",
                            str(findings), "--out", str(Path(out) / "r")], check=True,
                           stderr=subprocess.DEVNULL)
            times.append(time.perf_counter() - start)
            # ru_maxrss of waited-for children, in KiB on Linux
            peak = max(peak, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)
    return statistics.median(times), peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--claims", type=int, help="generate a project with this many claims")
    parser.add_argument("--source-kb", type=int, default=100, help="size of its source")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if args.claims is None:
        seconds, mib = measure(ROOT / "findings.yaml", args.runs)
        print(f"findings.yaml: {seconds:.2f} s median of {args.runs}, peak {mib:.0f} MiB")
        return
    with tempfile.TemporaryDirectory() as folder:
        findings = generate(Path(folder), args.claims, args.source_kb)
        seconds, mib = measure(findings, args.runs)
    print(f"{args.claims} claims, {args.source_kb} KiB source: {seconds:.2f} s median of "
          f"{args.runs}, peak {mib:.0f} MiB")


if __name__ == "__main__":
    main()
