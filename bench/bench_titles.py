"""Accuracy and speed of the title matcher, beside today's search and a public classifier.

    .venv/bin/python bench/bench_titles.py [--held-out 2000] [--seed 7] [--sockit PYTHON]

Reads the real O*NET 30.0 titles from ../shared (never copied into the project) and
measures, on two sets:
(a) alternate titles held out of every index, chosen at run time with the seed: only
    titles whose words O*NET gives to a single occupation, so each has one right answer;
(b) bench/data/messy_titles.tsv: realistic titles written and labelled for this project.
Rows: the title matcher (`careers.title_matcher`), today's occupation search
(`careers.search.SearchIndex`, titles, alternate titles and descriptions) as the
baseline, and `sockit` when a Python that has it is given (its own virtual environment:
its licence is non-commercial, so it is never a dependency). sockit answers 6-digit SOC
2018 codes only, and its model was built from O*NET titles, so set (a) is not held out
for it.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import django

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("INFOINTERVIEW_SHARED_DATA", ROOT.parent / "shared"))
MESSY = ROOT / "bench" / "data" / "messy_titles.tsv"
SOCKIT_CHILD = """
import json, sys, time
from sockit.title import clean, search, sort
titles = json.load(sys.stdin)
start = time.perf_counter()
answers = []
for title in titles:
    found = sort(search(clean(title)))
    answers.append([hit["soc"] for hit in found[:5]] if found else [])
elapsed = time.perf_counter() - start
print(json.dumps({"answers": answers, "seconds": elapsed}))
"""


def rows(name: str) -> list[list[str]]:
    path = SHARED / "onet" / "30.0" / name
    with open(path, encoding="utf-8") as file:
        reader = csv.reader(file, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(reader)
        return [[field.strip() for field in row] for row in reader]


def six(code: str) -> str:
    return code.replace("-", "").split(".")[0]


def score(answers: list[list[str]], truth: list[str]) -> dict:
    """Top-1 and top-5 at the 8-digit O*NET-SOC and the 6-digit SOC level."""
    n = len(truth)
    top1 = sum(bool(a) and a[0] == t for a, t in zip(answers, truth, strict=True)) / n
    top5 = sum(t in a[:5] for a, t in zip(answers, truth, strict=True)) / n
    six1 = sum(bool(a) and six(a[0]) == six(t) for a, t in zip(answers, truth, strict=True)) / n
    six5 = sum(six(t) in {six(c) for c in a[:5]} for a, t in zip(answers, truth, strict=True)) / n
    return {"top1": top1, "top5": top5, "soc_top1": six1, "soc_top5": six5}


def held_out_set(alternates, titles: dict[str, str], size: int, seed: int) -> set[int]:
    """Alternate titles whose words name one occupation only (in its title, alternate
    titles and their short forms), sampled with the seed: each has one right answer."""
    from infointerview.careers.title_words import parenthesised, read

    codes_of: dict[str, set[str]] = {}
    texts = [(c, t) for c, t in titles.items()]
    texts += [(c, v) for c, t, short in alternates for v in (t, short, *parenthesised(t))]
    for code, text in texts:
        if text and text != "n/a":
            codes_of.setdefault(read(text, cut=False).text, set()).add(code)
    single = [
        i for i, (_, t, _) in enumerate(alternates) if len(codes_of[read(t, cut=False).text]) == 1
    ]
    return set(random.Random(seed).sample(single, size))


def ours(index, titles, organizations=None):
    index.memo.clear()
    start = time.perf_counter()
    found = index.match_in_context(titles, organizations)
    seconds = time.perf_counter() - start
    answers = [[c.code for c in m.candidates] if m.code else [] for m in found]
    return answers, found, seconds


def baseline(search_index, titles):
    start = time.perf_counter()
    hits = [search_index.search(t, 5) for t in titles]
    seconds = time.perf_counter() - start
    return [[h.code for h in found] for found in hits], seconds


def sockit(python: str | None, titles):
    if not python:
        return None, None
    done = subprocess.run(
        [python, "-c", SOCKIT_CHILD], input=json.dumps(titles), capture_output=True, text=True
    )
    if done.returncode:
        print(f"sockit failed: {done.stderr.strip()[-300:]}", file=sys.stderr)
        return None, None
    out = json.loads(done.stdout)
    return [[f"{s[:2]}-{s[2:]}.00" for s in a] for a in out["answers"]], out["seconds"]


def applied_precision(found, truth) -> tuple[float, float]:
    applied = [(m.code == t) for m, t in zip(found, truth, strict=True) if m.applied]
    share = len(applied) / len(truth)
    return share, (sum(applied) / len(applied) if applied else float("nan"))


def line(name: str, scores: dict | None, rate: float | None, extra: str = "") -> str:
    if scores is None:
        return f"| {name} | not run | | | | | {extra} |"
    cells = " | ".join(
        "—" if scores[k] != scores[k] else f"{scores[k]:.3f}"  # NaN: not answered at that level
        for k in ("top1", "top5", "soc_top1", "soc_top5")
    )
    speed = f"{rate:,.0f}" if rate else "—"
    return f"| {name} | {cells} | {speed} | {extra} |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--held-out", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--throughput", type=int, default=20000)
    parser.add_argument(
        "--sockit", default=os.environ.get("SOCKIT_PYTHON", "/tmp/sockit-venv/bin/python")
    )
    parser.add_argument("--speed-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "infointerview.settings")
    os.environ.setdefault("INFOINTERVIEW_HOME", tempfile.mkdtemp(prefix="bench-titles-"))
    django.setup()
    if args.speed_only:
        speed_only(args.throughput, args.seed)
        return
    from infointerview.careers.search import SearchIndex
    from infointerview.careers.title_matcher import THRESHOLD, TitleIndex

    occupations = {r[0]: (r[1], r[2]) for r in rows("Occupation Data.txt")}
    titles = {code: title for code, (title, _) in occupations.items()}
    alternates = [(r[0], r[1], r[2]) for r in rows("Alternate Titles.txt")]
    held = held_out_set(alternates, titles, args.held_out, args.seed)
    kept = [a for i, a in enumerate(alternates) if i not in held]
    set_a = [alternates[i] for i in sorted(held)]

    start = time.perf_counter()
    entries = [(c, t, "title") for c, t in titles.items()]
    entries += [(c, t, "alternate") for c, t, _ in kept]
    entries += [(c, s, "short") for c, _, s in kept if s and s != "n/a"]
    index = TitleIndex(entries, titles)
    built = time.perf_counter() - start
    by_code: dict[str, list[str]] = {}
    for code, title, _ in kept:
        by_code.setdefault(code, []).append(title)
    search_entries = []
    for number, (code, (title, description)) in enumerate(occupations.items()):
        search_entries.append((number, code, title, "", "title", title))
        search_entries += [(number, code, title, "", "alternate", t) for t in by_code.get(code, [])]
        search_entries.append((number, code, title, "", "description", description))
    search_index = SearchIndex.from_entries(search_entries)

    with open(MESSY, encoding="utf-8") as file:
        messy = list(csv.DictReader(file, delimiter="\t"))
    sets = {
        "a": ([t for _, t, _ in set_a], [c for c, _, _ in set_a], None),
        "b": (
            [r["title"] for r in messy],
            [r["onet_code"] for r in messy],
            [r["organization"] for r in messy],
        ),
    }
    print(
        f"O*NET 30.0: {len(titles):,} occupations, {len(alternates):,} alternate titles; "
        f"matcher index built in {built:.1f} s; threshold {THRESHOLD}"
    )
    for name, (asked, truth, organizations) in sets.items():
        print(f"\nSet ({name}): {len(asked):,} titles\n")
        print("| matcher | top-1 | top-5 | SOC top-1 | SOC top-5 | titles/s | note |")
        print("|---|---|---|---|---|---|---|")
        answers, found, seconds = ours(index, asked, organizations)
        share, precision = applied_precision(found, truth)
        print(
            line(
                "title matcher",
                score(answers, truth),
                len(asked) / seconds,
                f"applied {share:.0%}, precision of applied {precision:.3f}",
            )
        )
        answers, seconds = baseline(search_index, asked)
        print(line("today's search (baseline)", score(answers, truth), len(asked) / seconds))
        answers, seconds = sockit(args.sockit, asked)
        if answers is None:
            print(line("sockit", None, None, "not installed"))
        else:
            soc = score(answers, truth)
            soc["top1"] = soc["top5"] = float("nan")
            note = "6-digit SOC only" + (
                "; trained on O*NET titles: not held out" if name == "a" else ""
            )
            print(line("sockit 0.3.1", soc, len(asked) / seconds, note))

    index.memo.clear()
    start = time.perf_counter()
    index.match([t for _, t, _ in set_a])
    ranked = time.perf_counter() - start
    child = subprocess.run(
        [sys.executable, __file__, "--speed-only", "--throughput", str(args.throughput)],
        capture_output=True,
        text=True,
        check=True,
    )
    print(
        f"\nThroughput, one fresh process, cold cache: {child.stdout.strip()}; "
        f"set (a), ranked (none exact): {len(set_a) / ranked:,.0f} titles/s"
    )


def speed_only(count: int, seed: int) -> None:
    """Distinct titles per second in a process that holds only the matcher."""
    from infointerview.careers.title_matcher import TitleIndex

    titles = {r[0]: r[1] for r in rows("Occupation Data.txt")}
    alternates = [(r[0], r[1], r[2]) for r in rows("Alternate Titles.txt")]
    entries = [(c, t, "title") for c, t in titles.items()]
    entries += [(c, t, "alternate") for c, t, _ in alternates]
    entries += [(c, s, "short") for c, _, s in alternates if s and s != "n/a"]
    index = TitleIndex(entries, titles)
    population = [t for _, t, _ in alternates]
    random.Random(seed).shuffle(population)
    distinct = list(dict.fromkeys(population))[:count]
    start = time.perf_counter()
    index.match(distinct)
    seconds = time.perf_counter() - start
    print(
        f"{len(distinct):,} distinct O*NET alternate titles in {seconds:.2f} s = "
        f"{len(distinct) / seconds:,.0f} titles/s"
    )


if __name__ == "__main__":
    main()
