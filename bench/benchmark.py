"""Benchmark: how fast a build is next to the Python it runs on, and how much memory it takes.

    python bench/benchmark.py                    # every row of the table below
    python bench/benchmark.py --only cold warm   # some rows
    python bench/benchmark.py --claims 2000 --sources 10 --source-kb 5000   # one generated size

Rows, each measured side by side in one run (medians; cold runs are fresh processes with
their imports, as a user runs them):

    cold     a build of findings.yaml  ÷  `python -c "import yaml, jinja2, markdown_it"`
    warm     the same build again in one process (what --watch does on a save)
    watch    a save of findings.yaml → the reload event → the page served again
    large    a generated project of 10,000 claims and 500 sources, cold: time and peak memory
    linear   that build's time ÷ the time of one with 1,000 claims and 50 sources
    hostile  findings made to be slow or to crash: each must fail fast with its error
    watch1k  a save of one claim of the 1,000-claim project under --watch → the served page
             holding the edit (from the file's write)
    watch10k the same on the 10,000-claim project
    find     `find` across the 500 sources of the 10,000-claim project, cold
    addsrc   `add-source` into the 10,000-claim project's findings, cold
    check    `--check` of the 10,000-claim project, cold, next to its build

Wall time on a shared machine says as much about the others as about the build: every
row that runs a process also gives its processor time (user and system).

The figures are in docs/performance.md; this script prints the figures, it asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
WORDS = (
    "the",
    "officials",
    "said",
    "that",
    "about",
    "ships",
    "were",
    "waiting",
    "near",
    "harbour",
    "crews",
    "storm",
    "crane",
    "river",
    "volunteers",
    "counted",
    "reported",
    "estimated",
    "later",
    "council",
    "agency",
)
ROWS = (
    "cold",
    "warm",
    "watch",
    "large",
    "linear",
    "hostile",
    "watch1k",
    "watch10k",
    "find",
    "addsrc",
    "check",
)


def generate(folder: Path, claims: int, source_kb: int, sources: int = 1, seed: int = 1) -> Path:
    """A valid project: ``sources`` texts of about ``source_kb`` KiB in all, ``claims``
    claims spread over them, each quoting the opening of a sentence; every tenth claim
    carries an estimate."""
    rng = random.Random(seed)
    (folder / "sources").mkdir(parents=True, exist_ok=True)
    lines = ["briefing:", "  title: Generated benchmark", "  as_of: 2025-01-01", "sources:"]
    openings: list[tuple[str, str]] = []  # (source id, first words of a sentence)
    per_source = max(1, source_kb * 1024 // sources)
    n = 0
    for s in range(sources):
        sid = f"s{s}"
        paragraphs, size = [], 0
        while size < per_source:
            sentences = []
            for _ in range(rng.randint(2, 5)):
                n += 1
                words = [rng.choice(WORDS) for _ in range(rng.randint(8, 20))]
                openings.append((sid, f"Item {n} " + " ".join(words[:6])))
                sentences.append(f"Item {n} " + " ".join(words) + f" {n * 7:,}.")
            paragraphs.append(" ".join(sentences))
            size += len(paragraphs[-1]) + 1
        (folder / "sources" / f"{sid}.txt").write_text(
            "\n".join(paragraphs) + "\n", encoding="utf-8"
        )
        lines += [f"  - id: {sid}", f"    file: sources/{sid}.txt", f"    title: Source {s}"]
    lines.append("claims:")
    for i in range(claims):
        item = 1 + i * len(openings) // claims  # spread over every source
        sid, quote = openings[item - 1]
        lines += [
            f"  - id: c{i}",
            f"    statement: Claim {i}.",
            "    said_by: Someone",
            "    credibility: 3",
            "    evidence:",
            f"      - source: {sid}",
            f"        quote: '{quote}'",
        ]
        if i % 10 == 0:
            lines += [
                "    estimate:",
                "      quantity: Things",
                "      estimator: Someone",
                f"      location: Place {i % 7}",
                f"      value: {item}",
            ]
    findings = folder / "findings.yaml"
    findings.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return findings


class Cold(NamedTuple):
    """One fresh process, measured."""

    seconds: float
    """Wall-clock time, from start to exit."""
    mib: float
    """Peak resident memory."""
    cpu: float
    """Processor time, user and system: what the process itself cost, little changed by
    other work on a busy machine."""


def run_cold(argv: list[str]) -> Cold:
    """One fresh Python process running ``argv``."""
    start = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, *argv], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"benchmark: {' '.join(argv)} exited {child.returncode}")
    return Cold(seconds, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime)  # KiB on Linux


def build_argv(findings: Path, out: Path) -> list[str]:
    return [str(ROOT / "build_report.py"), "--findings", str(findings), "--out", str(out)]


def median_cold(argv: list[str], runs: int) -> tuple[float, float]:
    results = [run_cold(argv) for _ in range(runs)]
    return statistics.median(r[0] for r in results), max(r[1] for r in results)


def cold(runs: int, out: Path) -> str:
    imports = ["-c", "import yaml, jinja2, markdown_it"]
    argv = build_argv(ROOT / "findings.yaml", out / "cold")
    run_cold(argv)  # the first build writes the report; the others replace it
    # Interleaved, so that a slow moment of the machine weighs on both alike.
    base, build = [], []
    for _ in range(runs):
        base.append(run_cold(imports))
        build.append(run_cold(argv))
    b, t = (statistics.median(r.seconds for r in rows) for rows in (base, build))
    bc, tc = (statistics.median(r.cpu for r in rows) for rows in (base, build))
    return (
        f"cold build of findings.yaml: {t * 1000:.0f} ms = {t / b:.2f}× the import of "
        f"yaml, jinja2, markdown_it ({b * 1000:.0f} ms)  [target ≤ 2.0×]\n"
        f"  in processor time: {tc * 1000:.0f} ms = {tc / bc:.2f}× ({bc * 1000:.0f} ms)"
    )


def warm(runs: int, out: Path) -> str:
    sys.path.insert(0, str(ROOT))
    from briefing.build import build

    findings = ROOT / "findings.yaml"
    build(findings, "findings.yaml")
    times = []
    for _ in range(max(runs, 20)):
        start = time.perf_counter()
        build(findings, "findings.yaml")
        times.append(time.perf_counter() - start)
    t = statistics.median(times)
    return f"warm build of findings.yaml in one process: {t * 1000:.1f} ms  [target ≤ 25 ms]"


def watch(runs: int, out: Path) -> str:
    """Median time from a save of the findings to the served page after the reload event."""
    project = out / "watched"
    shutil.copytree(
        ROOT,
        project,
        ignore=shutil.ignore_patterns(
            ".*", "report", "tests", "bench", "node_modules", "*.egg-info"
        ),
    )
    findings = project / "findings.yaml"
    server = subprocess.Popen(
        [
            sys.executable,
            str(ROOT / "build_report.py"),
            "--findings",
            str(findings),
            "--watch",
            "--port",
            "0",
        ],
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        url = _served_url(server)
        times = []
        for i in range(max(runs, 10)):
            with urllib.request.urlopen(url + "__reload", timeout=30) as events:
                time.sleep(0.4)  # let the watcher settle before the save
                start = time.perf_counter()
                with findings.open("a", encoding="utf-8") as f:
                    f.write(f"# benchmark save {i}\n")
                while not events.readline().startswith(b"data:"):
                    pass
                urllib.request.urlopen(url, timeout=30).read()
                times.append(time.perf_counter() - start)
    finally:
        server.terminate()
        server.wait(timeout=10)
    t = statistics.median(times)
    return f"save → page served under --watch: {t * 1000:.0f} ms median  [target ≤ 80 ms]"


def _served_url(server: subprocess.Popen[str]) -> str:
    assert server.stderr is not None
    for line in server.stderr:
        if "serving http://" in line:
            return line.split("serving ", 1)[1].split()[0]
    raise SystemExit("benchmark: --watch did not start serving")


def large(runs: int, out: Path) -> str:
    _, _, findings = _generated(out, 10_000, 500, 1)
    wall, cpu, mib = _cold_row(build_argv(findings, findings.parent / "report"), min(runs, 3))
    return (
        f"generated 10,000 claims, 500 sources, cold: {wall:.2f} s (processor {cpu:.2f} s), "
        f"peak {mib:.0f} MiB  [target ≤ 3 s, ≤ 300 MB]"
    )


def linear(runs: int, out: Path) -> str:
    big, _, _ = _generated(out, 10_000, 500, min(runs, 3))
    small, _, _ = _generated(out, 1_000, 50, min(runs, 3))
    return f"10k build ÷ 1k build: {big / small:.1f} ({big:.2f} s ÷ {small:.2f} s)  [target ≤ 11]"


HOSTILE_HEAD = (
    "briefing:\n  title: Hostile\n  as_of: 2025-01-01\nsources:\n  - id: big\n"
    "    file: sources/big.txt\n    title: Big\nclaims:\n  - id: c\n"
    "    statement: A claim.\n    said_by: Someone\n    credibility: 3\n"
    "    evidence:\n      - source: big\n        quote: "
)


def _words(size: int) -> str:
    """About ``size`` characters of distinct-looking words, without figures."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    words = ("".join(letters[i // 26**k % 26] for k in range(4)) for i in range(size))
    text, length = [], 0
    for word in words:
        text.append(word)
        length += len(word) + 1
        if length >= size:
            break
    return " ".join(text)


def hostile(runs: int, out: Path) -> str:
    """Seconds for each input the security review used to hang or crash the build."""
    whole = _words(1_000_000)
    cases = {
        "elided quote whose last piece is nowhere, 1 MB of 'a b'": (
            "a b " * 250_000,
            "'a ... zzz'",
        ),
        "20,000-character quote, 1 MB of one letter": ("a" * 1_000_000, "'" + "a" * 20_000 + "'"),
        "50,000 nested brackets": ("text\n", None),
        "500 ellipses between 'a's, 1 MB of 'a b'": (
            "a b " * 250_000,
            "'" + " ... ".join(["a"] * 500) + " ... zzz'",
        ),
        "a 1 MB source quoted whole with a typo in its last word": (
            whole,
            json.dumps(whole.rsplit(" ", 1)[0] + " zzzzz"),
        ),
    }
    lines: list[str] = []
    for name, (text, quote) in cases.items():
        folder = out / f"hostile-{len(lines)}"
        (folder / "sources").mkdir(parents=True)
        (folder / "sources" / "big.txt").write_text(text, encoding="utf-8")
        findings = folder / "findings.yaml"
        findings.write_text(
            HOSTILE_HEAD + quote + "\n" if quote else "briefing: " + "[" * 50_000 + "\n",
            encoding="utf-8",
        )
        start = time.perf_counter()
        code = subprocess.run(
            [sys.executable, *build_argv(findings, folder / "report")],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        ).returncode
        lines.append(f"  {name}: {time.perf_counter() - start:.2f} s, exit {code}")
    return "hostile findings (each must fail fast, exit 1):\n" + "\n".join(lines)


def _cpu_of(pid: int) -> float:
    """Processor time a running process has used so far, in seconds (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def watch_generated(claims: int, runs: int, out: Path) -> str:
    """Save → served page holding the edit, on a generated project under --watch: the
    statement of one claim is changed each time; after each reload event the page is
    fetched, until it shows the edit. The processor time is the server's for the whole
    save, the files for other tools that follow the page included."""
    sources = claims // 20
    folder = out / f"watched-{claims}"
    findings = generate(folder, claims, source_kb=sources * 10, sources=sources)
    server = subprocess.Popen(
        [
            sys.executable,
            str(ROOT / "build_report.py"),
            "--findings",
            str(findings),
            "--watch",
            "--port",
            "0",
        ],
        stderr=subprocess.PIPE,
        text=True,
    )
    walls, cpus = [], []
    try:
        url = _served_url(server)
        original = findings.read_text(encoding="utf-8")
        for i in range(max(runs, 7)):
            target = f"statement: Claim {(i * 7919) % claims}."
            edit = f"Edited {i} at {time.time_ns()}"
            # As an open page does: wait for the reload event, then fetch the page once.
            with urllib.request.urlopen(url + "__reload", timeout=60) as events:
                time.sleep(0.4)  # let the watcher settle before the save
                cpu = _cpu_of(server.pid)
                start = time.perf_counter()
                findings.write_text(
                    original.replace(target, f"statement: {edit}.", 1), encoding="utf-8"
                )
                while True:
                    while not events.readline().startswith(b"data:"):
                        pass
                    if edit.encode() in urllib.request.urlopen(url, timeout=30).read():
                        break
                walls.append(time.perf_counter() - start)
            time.sleep(0.2 if claims <= 1_000 else 3)  # the files for other tools follow
            cpus.append(_cpu_of(server.pid) - cpu)
    finally:
        server.terminate()
        server.wait(timeout=10)
    target_ms = 150 if claims <= 1_000 else 1_000
    return (
        f"save → page holding the edit under --watch, {claims:,} claims, {sources} "
        f"sources: {statistics.median(walls) * 1000:.0f} ms median "
        f"(min {min(walls) * 1000:.0f}, max {max(walls) * 1000:.0f}); the server's "
        f"processor time {statistics.median(cpus) * 1000:.0f} ms  [target ≤ {target_ms} ms]"
    )


def watch1k(runs: int, out: Path) -> str:
    return watch_generated(1_000, runs, out)


def watch10k(runs: int, out: Path) -> str:
    return watch_generated(10_000, runs, out)


def _cold_row(
    argv: list[str], runs: int, before: Callable[[], None] | None = None
) -> tuple[float, float, float]:
    """Median wall seconds, median processor seconds and peak MiB of ``runs`` fresh runs."""
    results = []
    for _ in range(runs):
        if before:
            before()
        results.append(run_cold(argv))
    return (
        statistics.median(r.seconds for r in results),
        statistics.median(r.cpu for r in results),
        max(r.mib for r in results),
    )


def find(runs: int, out: Path) -> str:
    _, _, findings = _generated(out, 10_000, 500, 1)
    argv = [
        str(ROOT / "build_report.py"),
        "find",
        "--findings",
        str(findings),
        "officials",
        "said",
        "harbour",
        "crews",
    ]
    wall, cpu, _ = _cold_row(argv, runs)
    return (
        f"find across 500 sources, cold: {wall * 1000:.0f} ms, processor "
        f"{cpu * 1000:.0f} ms  [target ≤ 200 ms]"
    )


def addsrc(runs: int, out: Path) -> str:
    _, _, findings = _generated(out, 10_000, 500, 1)
    original = findings.read_bytes()
    text = out / "new-source.txt"
    text.write_text("A new source. It says something new about the harbour.\n", encoding="utf-8")
    added = findings.parent / "sources" / "new-source.txt"

    def reset() -> None:
        findings.write_bytes(original)
        added.unlink(missing_ok=True)

    argv = [
        str(ROOT / "build_report.py"),
        "add-source",
        str(text),
        "--id",
        "new-source",
        "--findings",
        str(findings),
    ]
    try:
        wall, cpu, _ = _cold_row(argv, runs, reset)
    finally:
        reset()
    return (
        f"add-source into 10,000 claims, cold: {wall * 1000:.0f} ms, processor "
        f"{cpu * 1000:.0f} ms  [target ≤ 1 s]"
    )


def check(runs: int, out: Path) -> str:
    _, _, findings = _generated(out, 10_000, 500, 1)
    report = findings.parent / "report"
    build = build_argv(findings, report)
    checking = [*build, "--check"]
    b_wall, b_cpu, _ = _cold_row(build, min(runs, 3))
    c_wall, c_cpu, _ = _cold_row(checking, min(runs, 3))
    return (
        f"--check of 10,000 claims, cold: {c_wall:.2f} s (processor {c_cpu:.2f} s); its "
        f"build {b_wall:.2f} s (processor {b_cpu:.2f} s)  [target: check ≤ build]"
    )


_GENERATED: dict[tuple[int, int], tuple[float, float, Path]] = {}


def _generated(out: Path, claims: int, sources: int, runs: int) -> tuple[float, float, Path]:
    """Cold build time and peak memory of a generated project (about 10 KiB per source)."""
    if (claims, sources) not in _GENERATED:
        folder = out / f"gen-{claims}"
        findings = generate(folder, claims, source_kb=sources * 10, sources=sources)
        run_cold(build_argv(findings, folder / "report"))
        t, mib = median_cold(build_argv(findings, folder / "report"), runs)
        _GENERATED[(claims, sources)] = (t, mib, findings)
    return _GENERATED[(claims, sources)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--only",
        nargs="+",
        choices=ROWS,
        default=list(ROWS),
        help="the rows to measure (default: all)",
    )
    parser.add_argument("--runs", type=int, default=7, help="runs per cold measurement")
    parser.add_argument("--claims", type=int, help="instead: one generated project this big")
    parser.add_argument("--sources", type=int, default=1)
    parser.add_argument("--source-kb", type=int, default=100)
    args = parser.parse_args()
    # Byte-compile the package first, as an install does: a user's builds import .pyc
    # files, not sources compiled afresh on each run.
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(ROOT / "briefing")],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        print(
            f"Python {platform.python_version()} on {platform.system()}, "
            f"{os.cpu_count()} CPUs; LANG={os.environ.get('LANG', '')!r}, "
            f"PYTHONDONTWRITEBYTECODE={os.environ.get('PYTHONDONTWRITEBYTECODE', '')!r}"
        )
        if args.claims is not None:
            findings = generate(out / "gen", args.claims, args.source_kb, args.sources)
            t, mib = median_cold(build_argv(findings, out / "gen" / "report"), args.runs)
            print(
                f"{args.claims} claims, {args.sources} source(s), {args.source_kb} KiB: "
                f"{t:.2f} s median of {args.runs}, peak {mib:.0f} MiB"
            )
            return
        rows: dict[str, Callable[[int, Path], str]] = {
            "cold": cold,
            "warm": warm,
            "watch": watch,
            "large": large,
            "linear": linear,
            "hostile": hostile,
            "watch1k": watch1k,
            "watch10k": watch10k,
            "find": find,
            "addsrc": addsrc,
            "check": check,
        }
        for name in args.only:
            print(rows[name](args.runs, out), flush=True)


if __name__ == "__main__":
    main()
