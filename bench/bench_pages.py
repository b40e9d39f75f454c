"""Page latency for one realistic user: thirteen weeks of the method, built through the services.

    .venv/bin/python bench/bench_pages.py [--scale 1.0] [--requests 20] [--clients 20]

Builds, in a fresh data folder, one user after three months of work (3,058 people over 20
target occupations, 4,000 contact requests, about 10,700 attempts, 400 interviews, about
1,300 insights; see _pages_data.py), starts `infointerview serve` on a free local port,
signs in with a one-time link and times Today, People, Progress, one person's page, the
shortlist, the occupation pages and the calendar feed at 1 client and at 20 concurrent
clients, with three light pages (the outreach templates, Settings, the calendar page)
beside them. Each p50 is also given as a ratio to the cheapest signed-in page of the run
at the same number of clients, named in the output, since these machines are noisy. Then
it times `infointerview today --json` against `infointerview --help`.

A second user, a newcomer with a hundredth of that (31 people, `--newcomer-scale`), lives in
the same database; each page is timed for them right after the same page of the main user,
and the ratio of the two says what three months of history add to a page.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from datetime import date, datetime
from http.cookies import SimpleCookie
from pathlib import Path
from zoneinfo import ZoneInfo

import _pages_data as data

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("INFOINTERVIEW_SHARED_DATA", ROOT.parent / "shared"))
CLI = Path(sys.executable).parent / "infointerview"
PAGE_TARGET, CLI_TARGET = 3.0, 2.0
NEWCOMER = "newcomer"
EXAMPLES = """examples:
  .venv/bin/python bench/bench_pages.py --scale 0.1     # about a minute
  .venv/bin/python bench/bench_pages.py                 # full scale: 2 to 4 minutes
  PYTHONPATH=/elsewhere/src .venv/bin/python bench/bench_pages.py   # another copy of src/
"""


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[2],
        epilog=EXAMPLES,
        formatter_class=argparse.RawTextHelpFormatter,
    )
    parser.add_argument(
        "--scale", type=float, default=1.0, help="multiply every count (0.1: quick)"
    )
    parser.add_argument("--seed", type=int, default=42, help="random seed of the data (42)")
    parser.add_argument(
        "--newcomer-scale",
        type=float,
        default=0.01,
        help="a second user with this share of the full data, as after a week or two\n"
        "(0.01; below --scale); each page is timed for them too, which shows what\n"
        "history adds (0: none)",
    )
    parser.add_argument(
        "--today",
        type=date.fromisoformat,
        default=None,
        help="last day of the thirteen weeks (default: the real date in America/Chicago;\n"
        "the pages read the clock, so another day makes Today look stale or early)",
    )
    parser.add_argument(
        "--home", type=Path, help="data folder to use; must be empty (default: temp)"
    )
    parser.add_argument("--keep-home", action="store_true", help="keep the temporary data folder")
    parser.add_argument(
        "--database-url", help="an EMPTY PostgreSQL database to build in (default: SQLite in home)"
    )
    onet = SHARED / "onet" / "30.0"
    parser.add_argument(
        "--onet", type=Path, default=onet, help=f"O*NET release to import first (default: {onet})"
    )
    parser.add_argument(
        "--no-onet", action="store_true", help="skip O*NET; the shortlist stands in for it"
    )
    parser.add_argument(
        "--requests", type=int, default=20, help="timed requests per page, 1 client"
    )
    parser.add_argument("--clients", type=int, default=20, help="concurrent clients (20)")
    parser.add_argument("--rounds", type=int, default=2, help="requests per concurrent client (2)")
    parser.add_argument("--warmup", type=int, default=2, help="untimed requests per page first")
    parser.add_argument("--cli-runs", type=int, default=5, help="runs of each command, median")
    parser.add_argument("--json", type=Path, help="also write all figures to this JSON file")
    return parser.parse_args()


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def prepare(args: argparse.Namespace) -> tuple[Path, dict]:
    """A fresh data folder, the same for this process and every child it starts."""
    home = args.home or Path(tempfile.mkdtemp(prefix="infointerview-pages-"))
    if home.exists() and any(home.iterdir()):
        sys.exit(f"error: {home} is not empty; give an empty or new folder")
    home.mkdir(parents=True, exist_ok=True)
    for name in ("DATABASE_URL", "INFOINTERVIEW_DEBUG", "INFOINTERVIEW_USER"):
        os.environ.pop(name, None)
    if args.database_url:
        os.environ["DATABASE_URL"] = args.database_url
    os.environ.update(
        {
            "INFOINTERVIEW_HOME": str(home),
            "INFOINTERVIEW_USER": data.OWNER,
            "DJANGO_SETTINGS_MODULE": "infointerview.settings",
        }
    )
    return home, dict(os.environ)


def start_django() -> None:
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0, interactive=False)


def import_onet(env: dict, path: Path) -> float:
    """Through the command a user runs, so the occupation page has real data."""
    command = [str(CLI), "occupations", "import", str(path), "--release", path.name, "--json"]
    start = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode:
        sys.exit(f"error: O*NET import failed: {done.stderr.strip()[-500:]}")
    return round(time.perf_counter() - start, 1)


def pages_to_time(owner, onet: bool) -> list[tuple[str, str, bool]]:
    """(label, path, signed in?): the light pages first, the rest in menu order.

    Every signed-in page may turn out the cheapest of the run, which is the baseline; the
    light ones are there so that the baseline is a page with little on it.
    """
    from django.db.models import Count

    from infointerview.agenda.calendar import new_feed_token
    from infointerview.people.models import Person

    person = (
        Person.objects.filter(owner=owner, interviews__isnull=False)
        .annotate(attempts=Count("contact_requests__attempts", distinct=True))
        .order_by("-attempts", "id")
        .first()
    )
    code = data.TARGETS[0][0]
    with_onet = [
        ("Explore (search)", "/occupations/explore/?q=designer", True),
        (f"Occupation {code}", f"/occupations/explore/{code}/", True),
        ("Fields", "/occupations/fields/", True),
        ("Compare shortlist", "/occupations/compare/", True),
    ]
    return [
        ("Templates", "/outreach/templates/", True),
        ("Settings", "/accounts/settings/", True),
        ("Calendar page", "/calendar/", True),
        ("Today", "/", True),
        ("People", "/people/", True),
        ("Duplicates", "/people/duplicates/", True),
        ("Progress", "/progress/", True),
        *(
            [(f"Person ({person.attempts} attempts)", f"/people/{person.public_id}/", True)]
            if person
            else []
        ),
        ("Shortlist", "/occupations/", True),
        *(with_onet if onet else []),
        ("Calendar feed", f"/calendar/feed/{data.call(new_feed_token, owner)}.ics", False),
    ]


def page_kind(label: str) -> str:
    """'Person (12 attempts)' → 'Person': the same page of two users has one kind."""
    return label.split(" (")[0]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def serving(env: dict, home: Path):
    """`infointerview serve` (gunicorn, as users run it) on a free port of 127.0.0.1."""
    port, log_path = free_port(), home / "serve.log"
    with open(log_path, "w") as log:
        command = [str(CLI), "serve", "--host", "127.0.0.1", "--port", str(port)]
        server = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        for _ in range(600):
            if server.poll() is not None:
                raise RuntimeError(f"the server stopped: {log_path.read_text()[-800:]}")
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        yield port
    except Exception:
        print(f"The server's log, {log_path}, ends with:\n{log_path.read_text()[-1500:]}")
        raise
    finally:
        server.terminate()
        server.wait(timeout=30)


def request(port: int, method: str, path: str, headers: dict, body: str = ""):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=900)
    try:
        connection.request(method, path, body=body or None, headers=headers)
        response = connection.getresponse()
        return response, response.read()
    finally:
        connection.close()


def sign_in(port: int, token: str) -> str:
    """Redeem a one-time link as a browser does: GET shows a form, POST it with the CSRF token."""
    path = f"/accounts/sign-in/{token}/"
    response, page = request(port, "GET", path, {})
    cookies = SimpleCookie()
    for header in response.headers.get_all("Set-Cookie") or []:
        cookies.load(header)
    found = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    if response.status != 200 or not found or "csrftoken" not in cookies:
        raise RuntimeError(f"the sign-in page answered {response.status} without a form")
    form = urllib.parse.urlencode({"csrfmiddlewaretoken": found.group(1).decode()})
    headers = {
        "Cookie": f"csrftoken={cookies['csrftoken'].value}",
        "Content-Type": "application/x-www-form-urlencoded",
        "Referer": f"http://127.0.0.1:{port}{path}",
    }
    response, _ = request(port, "POST", path, headers, form)
    for header in response.headers.get_all("Set-Cookie") or []:
        cookies.load(header)
    if response.status != 302 or "sessionid" not in cookies:
        raise RuntimeError(f"signing in answered {response.status} and no session cookie")
    return f"sessionid={cookies['sessionid'].value}"


def timed_get(port: int, path: str, cookie: str) -> float:
    start = time.perf_counter()
    response, _ = request(port, "GET", path, {"Cookie": cookie} if cookie else {})
    seconds = time.perf_counter() - start
    if response.status != 200:
        hint = " (signed out?)" if 300 <= response.status < 400 else ""
        if response.status >= 500:
            hint = " (keep the data with --keep-home and open it with INFOINTERVIEW_DEBUG=1)"
        raise RuntimeError(f"GET {path} answered {response.status}{hint}")
    return seconds * 1000


def measure(port: int, path: str, cookie: str, clients: int, each: int) -> list[float]:
    """Milliseconds per request; with several clients they start together, one thread each."""
    if clients == 1:
        return [timed_get(port, path, cookie) for _ in range(each)]
    barrier = threading.Barrier(clients)

    def client() -> list[float]:
        barrier.wait()
        return [timed_get(port, path, cookie) for _ in range(each)]

    with ThreadPoolExecutor(clients) as pool:
        futures = [pool.submit(client) for _ in range(clients)]
        return [ms for future in futures for ms in future.result()]


def time_pages(args, port: int, cookie: str, pages: list, newcomer: tuple | None) -> dict:
    """p50 and p99 of each page at 1 client, then at many; ratios to that level's cheapest.

    With a newcomer (their cookie and pages), each page is also timed for them at 1 client
    right after the same page of the main user, so that both meet the same moment's noise.
    """
    results: dict = {"newcomer": {}}
    theirs = {page_kind(label): page for label, *page in newcomer[1]} if newcomer else {}
    for clients, each in ((1, args.requests), (args.clients, args.rounds)):
        level = results.setdefault(clients, {})
        for label, path, signed_in in pages:
            jar = cookie if signed_in else ""
            if clients == 1:
                measure(port, path, jar, 1, args.warmup)
            timings = measure(port, path, jar, clients, each)
            level[label] = {
                "path": path,
                "signed_in": signed_in,
                "samples": len(timings),
                "p50_ms": round(percentile(timings, 0.5), 1),
                "p99_ms": round(percentile(timings, 0.99), 1),
            }
            print(f"  {clients:>2} client(s)  {label:<26} p50 {level[label]['p50_ms']:>8.1f} ms")
            if clients == 1 and page_kind(label) in theirs:
                their_path, their_signed_in = theirs[page_kind(label)]
                jar = newcomer[0] if their_signed_in else ""
                measure(port, their_path, jar, 1, args.warmup)
                p50 = round(percentile(measure(port, their_path, jar, 1, each), 0.5), 1)
                results["newcomer"][label] = p50
                print(f"  {'':>2}            {'the same, newcomer':<26} p50 {p50:>8.1f} ms")
        base = cheapest(level)
        for row in level.values():
            row["ratio"] = round(row["p50_ms"] / level[base]["p50_ms"], 2)
    return results


def cheapest(level: dict) -> str:
    """The signed-in page with the lowest p50 at this number of clients: the baseline."""
    signed_in = [label for label, row in level.items() if row["signed_in"]]
    return min(signed_in, key=lambda label: level[label]["p50_ms"])


def time_cli(env: dict, runs: int) -> dict:
    """`today --json` against `--help`, both started afresh as a user would; medians."""

    def once(arguments: list[str]) -> float:
        start = time.perf_counter()
        done = subprocess.run([str(CLI), *arguments], env=env, capture_output=True, check=False)
        if done.returncode:
            raise RuntimeError(f"infointerview {' '.join(arguments)}: {done.stderr[-400:]!r}")
        return (time.perf_counter() - start) * 1000

    once(["--help"]), once(["today", "--json"])  # warm the file cache
    helps, todays = [], []
    for _ in range(runs):
        helps.append(once(["--help"]))
        todays.append(once(["today", "--json"]))
    help_ms, today_ms = statistics.median(helps), statistics.median(todays)
    return {
        "help_ms": round(help_ms),
        "today_json_ms": round(today_ms),
        "ratio": round(today_ms / help_ms, 2),
        "runs": runs,
    }


def in_words(counts: dict) -> str:
    """{'ended_moved_on': 2320, ...} → '2,320 ended moved on, ...'"""
    return ", ".join(f"{v:,} {k.replace('_', ' ')}" for k, v in counts.items())


def report(args, meta: dict, pages: dict, cli: dict) -> None:
    many = args.clients
    print(f"\n## Pages ({meta['database']}, {meta['cores']} cores, {meta['date']})\n")
    print(f"Data (scale {args.scale:g}, seed {args.seed}): {in_words(meta['counts'])}.")
    print(f"Built through the services in {meta['build_seconds']} s ({meta['stages']}).")
    onet = meta["onet_import_seconds"]
    print(f"O*NET imported first in {onet} s." if onet else "No O*NET data: shortlist page timed.")
    print(f"Code under test: {meta['source']}\n")
    print(
        f"| page | 1 client p50 | p99 | p50 / cheapest | {many} clients p50 | p99 "
        f"| p50 / cheapest | within {PAGE_TARGET:g}× at 1 client |"
    )
    print("|---|---|---|---|---|---|---|---|")
    base, crowd_base = cheapest(pages[1]), cheapest(pages[many])
    missed = []
    for label, one in pages[1].items():
        crowd = pages[many][label]
        ok = one["ratio"] <= PAGE_TARGET
        missed += [] if ok else [f"{label} ({one['ratio']:.1f}×)"]
        name = f"{label} (baseline)" if label == base else label
        print(
            f"| {name} | {one['p50_ms']:,.1f} ms | {one['p99_ms']:,.1f} ms | {one['ratio']:.1f}× "
            f"| {crowd['p50_ms']:,.1f} ms | {crowd['p99_ms']:,.1f} ms | {crowd['ratio']:.1f}× "
            f"| {'yes' if ok else 'no'} |"
        )
    print(
        f"\nTarget: every page's p50 within {PAGE_TARGET:g}× the cheapest page's p50 at 1 client"
        f" — {'met' if not missed else 'missed by ' + ', '.join(missed)}."
    )
    print(f"Baseline: the cheapest signed-in page of this run, {base} at 1 client", end="")
    print(f" and {crowd_base} at {many} clients; each level's ratios are to its own.")
    print(
        f"\n`infointerview today --json` {cli['today_json_ms']:,} ms, `infointerview --help` "
        f"{cli['help_ms']:,} ms (medians of {cli['runs']}): {cli['ratio']:.1f}× "
        f"(target {CLI_TARGET:g}× — {'met' if cli['ratio'] <= CLI_TARGET else 'missed'})."
    )
    if pages["newcomer"]:
        report_history(args, meta, pages)


def report_history(args, meta: dict, pages: dict) -> None:
    """Each page of the main user against the same page of a newcomer: what history adds."""
    print(
        f"\n### What history adds: the same pages for a newcomer (scale {args.newcomer_scale:g},"
        f" 1 client)\n\nNewcomer's data: {in_words(meta['newcomer_counts'])}.\n"
    )
    print(f"| page | scale {args.scale:g} p50 | newcomer p50 | ratio |")
    print("|---|---|---|---|")
    ratios = {}
    for label, p50 in pages["newcomer"].items():
        ours = pages[1][label]["p50_ms"]
        ratios[label] = ours / p50
        print(f"| {label} | {ours:,.1f} ms | {p50:,.1f} ms | {ratios[label]:.2f}× |")
    most = max(ratios, key=ratios.get)
    print(f"\nThe most history costs: {most}, {ratios[most]:.2f}× its newcomer's time.")


def main() -> None:
    args = parse_args()
    if args.newcomer_scale >= args.scale:
        sys.exit(
            f"error: --newcomer-scale {args.newcomer_scale:g} is not below --scale {args.scale:g};"
            " the newcomer has less history than the main user (0 leaves them out)"
        )
    if not CLI.exists():
        sys.exit(f"error: no {CLI}; run with the virtualenv: .venv/bin/python bench/bench_pages.py")
    home, env = prepare(args)
    began = time.perf_counter()
    now = datetime.now(ZoneInfo(data.TIME_ZONE))
    today = args.today or now.date()
    try:
        start_django()
        onet = not args.no_onet and args.onet.is_dir()
        onet_seconds = import_onet(env, args.onet) if onet else None
        start = time.perf_counter()
        try:
            plan = data.make_plan(args.scale, args.seed, today, now)
            print(f"Building in {home} (today {today}, seed {args.seed}): {plan.expected()}")
            owner, stages, counts = data.build(plan)
        except (data.BuildError, data.PlanError) as error:
            sys.exit(f"error: {error}")
        build_seconds = round(time.perf_counter() - start, 1)
        newcomer = None
        if args.newcomer_scale:
            try:
                small = data.make_plan(args.newcomer_scale, args.seed, today, now)
                print(f"And a newcomer, {NEWCOMER}: {small.expected()}")
                newcomer, _, newcomer_counts = data.build(small, NEWCOMER)
            except (data.BuildError, data.PlanError) as error:
                sys.exit(f"error: the newcomer's data (--newcomer-scale): {error}")
        from django.db import connections

        import infointerview
        from infointerview.accounts.services import issue_sign_in_link

        pages = pages_to_time(owner, onet)
        token = data.call(issue_sign_in_link, owner)
        if newcomer:
            their_pages = pages_to_time(newcomer, onet)
            their_token = data.call(issue_sign_in_link, newcomer)
        connections.close_all()
        print(f"Built in {build_seconds} s. Timing pages through `infointerview serve`:")
        with serving(env, home) as port:
            theirs = (sign_in(port, their_token), their_pages) if newcomer else None
            page_results = time_pages(args, port, sign_in(port, token), pages, theirs)
        cli = time_cli(env, args.cli_runs)
        meta = {
            "date": today.isoformat(),
            "cores": os.cpu_count(),
            "database": "PostgreSQL" if args.database_url else "SQLite",
            "counts": counts,
            "build_seconds": build_seconds,
            "stages": ", ".join(f"{k} {v} s" for k, v in stages.items()),
            "onet_import_seconds": onet_seconds,
            "source": str(Path(infointerview.__file__).parent),
            "newcomer_counts": newcomer_counts if newcomer else None,
        }
        report(args, meta, page_results, cli)
        print(f"\nThe whole run took {(time.perf_counter() - began) / 60:.1f} minutes.")
        if args.json:
            everything = {"meta": meta, "pages": page_results, "cli": cli, "scale": args.scale}
            args.json.write_text(json.dumps(everything, indent=2))
    finally:
        if args.home is None and not args.keep_home:
            shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
