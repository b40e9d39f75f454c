"""Benchmark: importing LinkedIn connections, with their titles matched to O*NET.

    .venv/bin/python bench/bench_imports.py [--people 10000] [--home DIR]

Imports O*NET 27.0 from ../shared into a fresh SQLite home (so titles have occupations
to match), writes a Connections.csv as LinkedIn exports it with --people rows (job
titles drawn from O*NET's alternate titles, a third without e-mail, some names
repeated at other companies), then times whole `infointerview people import`
commands, each in a process of its own: `infointerview --help` (the baseline), the
title matcher's first use (which builds and stores its index), a --dry-run, the import,
and the same file again (which must write nothing). Wall and CPU
seconds of each. The target is under 10 s for 10,000 connections.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("INFOINTERVIEW_SHARED_DATA", ROOT.parent / "shared"))
CLI = Path(sys.executable).parent / "infointerview"
FIRST = ["Dana", "José", "Zoë", "Priya", "Marcus", "Ngozi", "Hiroshi", "Amara", "Li", "Renée"]
LAST = ["Lee", "Núñez", "Ångström", "Raman", "O'Brien", "Okafor", "Tanaka", "Diallo", "Wei"]
COMPANIES = ["Brightline Studio", "Hartley, Stone & Co.", "Harbor Museum", "City Transit"]
COMPANIES += ["Estudio Sol", "Nordisk Tryck AB", "Lakeside College", "Kumo Design Office"]
NOTES = [
    "Notes:",
    '"When exporting your connection data, you may notice that some of the email '
    'addresses are missing."',
    "",
]


def titles() -> list[str]:
    """Job titles people write, from O*NET's alternate titles (or a few, without them)."""
    path = SHARED / "onet" / "27.0" / "Alternate Titles.txt"
    if not path.exists():
        return ["Graphic Designer", "Junior Designer", "UX Designer", "Art Director"]
    with open(path, encoding="utf-8") as file:
        rows = csv.DictReader(file, delimiter="\t")
        return sorted({row["Alternate Title"] for row in rows})


def write_connections(path: Path, count: int, seed: int = 7) -> None:
    pick = random.Random(seed)
    known = titles()
    with open(path, "w", encoding="utf-8", newline="") as out:
        out.write("\r\n".join(NOTES) + "\r\n")
        writer = csv.writer(out)
        writer.writerow(
            ["First Name", "Last Name", "URL", "Email Address", "Company", "Position"]
            + ["Connected On"]
        )
        for n in range(count):
            first, last = pick.choice(FIRST), f"{pick.choice(LAST)}-{n // 3}"
            email = f"{first.lower()}.{n}@example.com" if n % 3 else ""
            writer.writerow(
                [
                    first,
                    last,
                    f"https://www.linkedin.com/in/person-{n}-{seed}",
                    email,
                    pick.choice(COMPANIES),
                    pick.choice(known),
                    "14 Mar 2024",
                ]
            )


def timed(env: dict, *argv: str) -> tuple[float, float, dict]:
    """Wall seconds and CPU seconds (user + system) of one whole command, and its JSON.

    CPU time is what the command would take on an idle machine; these are seldom idle.
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([str(CLI), *argv], env=env, check=True, capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, json.loads(done.stdout) if done.stdout.startswith("{") else {}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--home", type=Path, default=None)
    options = parser.parse_args()
    home = options.home or Path(tempfile.mkdtemp(prefix="bench-imports-"))
    env = {**os.environ, "INFOINTERVIEW_HOME": str(home), "COLUMNS": "200"}
    env.pop("DATABASE_URL", None)
    subprocess.run([str(CLI), "init", "--full-name", "Bench"], env=env, check=True)
    release = SHARED / "onet" / "27.0"
    if release.exists():
        subprocess.run(
            [str(CLI), "occupations", "import", str(release), "--release", "27.0", "--json"],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
    connections = home / "Connections.csv"
    write_connections(connections, options.people)
    results = {"people": options.people, "titles_from_onet": release.exists()}
    file = str(connections)
    wall, cpu, _ = timed(env, "--help")
    results["help"] = {"seconds": round(wall, 2), "cpu_seconds": round(cpu, 2)}
    # The title matcher builds its index on first use after an O*NET import and stores it
    # in the data folder; every later import loads it.
    wall, cpu, _ = timed(env, "occupations", "classify", "Graphic Designer", "--json")
    results["title_index_first_use"] = {"seconds": round(wall, 2), "cpu_seconds": round(cpu, 2)}
    for name, argv in [
        ("dry_run", ("people", "import", file, "--dry-run", "--json")),
        ("import", ("people", "import", file, "--json")),
        ("again", ("people", "import", file, "--json")),
    ]:
        wall, cpu, printed = timed(env, *argv)
        results[name] = {
            "seconds": round(wall, 2),
            "cpu_seconds": round(cpu, 2),
            "over_help": round(wall / results["help"]["seconds"], 1),
            **printed["counts"],
            "imported": printed["imported"],
        }
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
