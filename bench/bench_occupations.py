"""Benchmarks for O*NET import and occupation search, on the real files in ../shared.

    .venv/bin/python bench/bench_occupations.py [--queries 1000] [--home DIR]

Imports O*NET 27.0 then 30.0 into a fresh SQLite home (time and peak memory of each
import, measured in a child process), then times searches in-process and through the
web endpoint of a running `infointerview serve`, and whole `infointerview occupations
search` commands, each in a new process, with and without the stored search index.
Every figure is also given as a ratio to a baseline run the same way in the same run
(an exact O*NET code in-process and on the web, `infointerview --help` for commands),
since these machines are noisy.
"""

from __future__ import annotations

import argparse
import http.cookiejar
import json
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("INFOINTERVIEW_SHARED_DATA", ROOT.parent / "shared"))
CLI = Path(sys.executable).parent / "infointerview"


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def timed_import(env: dict, path: Path, release: str) -> tuple[float, float]:
    """Seconds and peak resident memory (MB) of one import, in a process of its own."""
    child = (
        "import resource, sys\n"
        "from infointerview.cli import main\n"
        f"code = main(['occupations', 'import', {str(path)!r}, '--release', {release!r}, "
        "'--json'])\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\n"
        "sys.exit(code)\n"
    )
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", child],
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    seconds = time.perf_counter() - start
    peak_kb = int(done.stderr.strip().splitlines()[-1])
    return round(seconds, 2), round(peak_kb / 1024, 1)


# Starts the command from a small process: a child's peak memory counts what it
# inherited at fork, and this benchmark's own process holds Django and an index by then.
LAUNCHER = """
import os, sys, time
start = time.perf_counter()
pid = os.fork()
if pid == 0:
    quiet = os.open(os.devnull, os.O_WRONLY)
    os.dup2(quiet, 1)
    os.dup2(quiet, 2)
    os.execv(sys.argv[1], sys.argv[1:])
_, status, usage = os.wait4(pid, 0)
print(time.perf_counter() - start, usage.ru_maxrss, os.waitstatus_to_exitcode(status))
"""


def fresh_process(env: dict, argv: list[str]) -> tuple[float, float]:
    """Wall seconds and peak resident memory (MB) of one command, from start to exit."""
    done = subprocess.run(
        [sys.executable, "-c", LAUNCHER, str(CLI), *argv],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    seconds, peak_kb, code = done.stdout.split()
    if code != "0":
        raise RuntimeError(f"infointerview {' '.join(argv)} exited with {code}")
    return float(seconds), int(peak_kb) / 1024


COMMANDS = {
    "help": ["--help"],
    "exact_code": ["occupations", "search", "27-1024.00", "--json"],
    "exact_title": ["occupations", "search", "Graphic Designers", "--json"],
    "fuzzy_stored_index": ["occupations", "search", "grafic desiner", "--json"],
    "fuzzy_no_stored_index": ["occupations", "search", "grafic desiner", "--json"],
}


def fresh_processes(env: dict, stored_index: Path, rounds: int) -> dict:
    """Each command in a new process, interleaved round by round after one warm-up round.

    The stored index is deleted before each run without it (that run stores it again).
    The fastest run shows the cost itself; the median, what other work on the machine adds.
    """
    samples: dict[str, list[tuple[float, float]]] = {name: [] for name in COMMANDS}
    for round_ in range(rounds + 1):
        for name, argv in COMMANDS.items():
            if name == "fuzzy_no_stored_index":
                stored_index.unlink(missing_ok=True)
            sample = fresh_process(env, argv)
            if round_:
                samples[name].append(sample)
    fastest = {name: min(s for s, _ in runs) for name, runs in samples.items()}
    median = {name: statistics.median(s for s, _ in runs) for name, runs in samples.items()}
    peak = {name: statistics.median(m for _, m in runs) for name, runs in samples.items()}
    return {
        name: {
            "min_seconds": round(fastest[name], 3),
            "median_seconds": round(median[name], 3),
            "min_ratio": round(fastest[name] / fastest["help"], 2),
            "median_ratio": round(median[name] / median["help"], 2),
            "peak_mb": round(peak[name], 1),
            "extra_mb": round(peak[name] - peak["help"], 1),
        }
        for name in COMMANDS
    } | {"rounds": rounds}


def stored_index_costs(stored_index: Path) -> dict:
    """Build, store and load the index once each, in this process."""
    from infointerview.careers import search_file
    from infointerview.careers.search import SearchIndex, build_index

    start = time.perf_counter()
    index = build_index()
    built = time.perf_counter()
    search_file.save(stored_index, "bench", index.parts)
    saved = time.perf_counter()
    SearchIndex(search_file.load(stored_index, "bench"))
    loaded = time.perf_counter()
    size = stored_index.stat().st_size
    stored_index.unlink()
    return {
        "build_seconds": round(built - start, 3),
        "save_seconds": round(saved - built, 3),
        "load_seconds": round(loaded - saved, 3),
        "load_ratio": round((loaded - saved) / (built - start), 3),
        "file_mb": round(size / 2**20, 1),
    }


def make_queries(titles: list[tuple[str, str]], alternates: list[str], count: int) -> list[str]:
    rng = random.Random(42)

    def typo(word: str) -> str:
        if len(word) < 4:
            return word
        i = rng.randrange(1, len(word) - 1)
        return word[:i] + word[i + 1 :] if rng.random() < 0.5 else word[:i] + word[i] + word[i:]

    queries = []
    while len(queries) < count:
        kind = len(queries) % 5
        code, title = rng.choice(titles)
        if kind == 0:
            queries.append(title)
        elif kind == 1:
            queries.append(" ".join(typo(w) for w in title.split()))
        elif kind == 2:
            queries.append(rng.choice(alternates))
        elif kind == 3:
            word = rng.choice(title.split())
            queries.append(word[: max(3, len(word) - 2)])
        else:
            queries.append(code[:7])
    return queries


def in_process(queries: list[str], trivial: str) -> dict:
    import django

    django.setup()
    from infointerview.careers.search import search

    start = time.perf_counter()
    search("warm up the index")
    build = time.perf_counter() - start
    for query in queries[:50]:
        search(query)
    timings = []
    for query in queries:
        start = time.perf_counter()
        search(query)
        timings.append((time.perf_counter() - start) * 1000)
    baseline = []
    for _ in range(len(queries)):
        start = time.perf_counter()
        search(trivial)
        baseline.append((time.perf_counter() - start) * 1000)
    return summary(timings, baseline, build_seconds=round(build, 2))


def summary(timings: list[float], baseline: list[float], **extra) -> dict:
    p50, p99 = percentile(timings, 0.5), percentile(timings, 0.99)
    b50, b99 = percentile(baseline, 0.5), percentile(baseline, 0.99)
    return {
        "queries": len(timings),
        "p50_ms": round(p50, 3),
        "p99_ms": round(p99, 3),
        "trivial_p50_ms": round(b50, 3),
        "trivial_p99_ms": round(b99, 3),
        "p50_ratio": round(p50 / b50, 2),
        "p99_ratio": round(p99 / b99, 2),
        "mean_ms": round(statistics.mean(timings), 3),
        **extra,
    }


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def through_the_web(env: dict, queries: list[str], trivial: str) -> dict:
    port = free_port()
    server = subprocess.Popen(
        [str(CLI), "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        link = ""
        while not link:
            line = server.stdout.readline()
            if not line:
                raise RuntimeError("the server stopped before printing its sign-in link")
            if "/accounts/sign-in/" in line:
                link = line.strip()
        jar = http.cookiejar.CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        for _ in range(100):
            try:
                page = opener.open(link).read().decode()
                break
            except OSError:
                time.sleep(0.1)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        request = urllib.request.Request(
            link,
            data=urllib.parse.urlencode({"csrfmiddlewaretoken": token}).encode(),
            headers={"Referer": link},
        )
        opener.open(request).read()

        def fetch(query: str) -> float:
            url = f"http://127.0.0.1:{port}/occupations/explore/?" + urllib.parse.urlencode(
                {"q": query}
            )
            request = urllib.request.Request(url, headers={"HX-Request": "true"})
            start = time.perf_counter()
            opener.open(request).read()
            return (time.perf_counter() - start) * 1000

        for query in queries[:50]:
            fetch(query)
        timings = [fetch(q) for q in queries]
        baseline = [fetch(trivial) for _ in queries]
        return summary(timings, baseline)
    finally:
        server.terminate()
        server.wait(timeout=20)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--queries", type=int, default=1000)
    parser.add_argument("--home", type=Path, default=None)
    parser.add_argument("--rounds", type=int, default=7, help="of fresh-process commands")
    args = parser.parse_args()
    home = args.home or Path(tempfile.mkdtemp(prefix="infointerview-bench-"))
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["INFOINTERVIEW_HOME"] = str(home)
    os.environ.update(
        {"INFOINTERVIEW_HOME": str(home), "DJANGO_SETTINGS_MODULE": "infointerview.settings"}
    )
    os.environ.pop("DATABASE_URL", None)
    results: dict = {"home": str(home)}
    results["import_27_0"] = dict(
        zip(
            ("seconds", "peak_mb"), timed_import(env, SHARED / "onet" / "27.0", "27.0"), strict=True
        )
    )
    results["import_30_0"] = dict(
        zip(
            ("seconds", "peak_mb"), timed_import(env, SHARED / "onet" / "30.0", "30.0"), strict=True
        )
    )
    import django

    django.setup()
    from infointerview.careers.models import AlternateTitle, Occupation

    titles = list(Occupation.objects.values_list("code", "title"))
    alternates = list(AlternateTitle.objects.values_list("title", flat=True)[:5000])
    queries = make_queries(titles, alternates, args.queries)
    trivial = "15-1252.00"
    results["search_in_process"] = in_process(queries, trivial)
    results["search_via_web"] = through_the_web(env, queries, trivial)
    from infointerview.careers import search_file

    stored_index = search_file.path_in(home)
    results["stored_index"] = stored_index_costs(home / "bench-index.npz")
    results["fresh_process"] = fresh_processes(env, stored_index, args.rounds)
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
