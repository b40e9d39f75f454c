"""The data behind bench_pages.py: one user after thirteen weeks of the method.

Everything is first planned from a seeded random generator (plain Python, no database),
then built through the project's services, one small function per stage. A service whose
signature changed, or that refuses a call, stops the build with one line naming it; the
counts are checked against the plan at the end, so nothing goes missing silently.
"""

from __future__ import annotations

import inspect
import random
import sys
import time
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

WEEKS = 13
TIME_ZONE = "America/Chicago"
OWNER = "bench"
# Full scale; --scale multiplies every count.
FULL = {"people": 3058, "requests": 4000, "interviews": 400, "leads": 60, "acquaintances": 120}
SHARES = {"referred": 0.06, "declined": 0.08, "open": 0.18}  # of requests; moved on: the rest
BUSY_CHANCE = 0.16  # a "busy, call back" before a call: gives about 10,714 attempts
RECORDED = 0.87  # held interviews whose learning was written down: about 1,315 insights
UNCONTACTED = 0.08  # the bottom of each list, not reached yet
REFERRALS_CONTACTED = 0.4  # referrals that got a request of their own
WAIT = {"email": 3, "letter": 5}  # business days a draft promises before the call
INSIGHT_KINDS = ["pros", "cons", "typical_day", "ways_in", "opportunities", "advice"]

TARGETS = [  # O*NET 30.0 codes and titles, so the occupation page has data when imported
    ("27-1024.00", "Graphic Designers"),
    ("29-1141.00", "Registered Nurses"),
    ("15-1252.00", "Software Developers"),
    ("25-4022.00", "Librarians and Media Collections Specialists"),
    ("17-1012.00", "Landscape Architects"),
    ("29-1123.00", "Physical Therapists"),
    ("13-1161.00", "Market Research Analysts and Marketing Specialists"),
    ("19-3051.00", "Urban and Regional Planners"),
    ("29-1292.00", "Dental Hygienists"),
    ("47-2111.00", "Electricians"),
    ("35-1011.00", "Chefs and Head Cooks"),
    ("29-2056.00", "Veterinary Technologists and Technicians"),
    ("15-2051.00", "Data Scientists"),
    ("17-2081.00", "Environmental Engineers"),
    ("29-1122.00", "Occupational Therapists"),
    ("27-3042.00", "Technical Writers"),
    ("27-1025.00", "Interior Designers"),
    ("21-1093.00", "Social and Human Service Assistants"),
    ("27-4032.00", "Film and Video Editors"),
    ("13-2011.00", "Accountants and Auditors"),
]
FIRST = (  # noqa: SIM905 (a word list reads best as one string)
    "Aaliyah Ada Adrian Aiko Alan Alejandro Amara Amir Ana Andre Anika Ari Ava Beatriz Ben "
    "Bianca Caleb Camila Chen Chloe Dana Daniel Deepa Diego Elena Eli Emeka Emma Farah Felix "
    "Fatima Gabriel Grace Hana Hugo Imani Isaac Ivy Jamal Jin Jonah Julia Kai Kareem Keiko "
    "Lara Leo Lina Luis Maya Mei Mateo Nadia Nia Noah Olga Omar Priya Rafael Rosa Ruth Sam "
    "Sara Tariq Tess Theo Uma Victor Wen Yara Yusuf Zoe"
).split()
LAST = (  # noqa: SIM905 (a word list reads best as one string)
    "Abbott Acosta Adeyemi Alvarez Bauer Becker Bennett Brooks Castillo Chandra Cohen Costa "
    "Dawson Diaz Dubois Edwards Fischer Flores Fujita Garcia Gupta Haddad Hansen Herrera "
    "Hughes Ito Jensen Kaplan Khan Kim Kowalski Larsen Lee Lopez Mbeki Meyer Moreau Murphy "
    "Nakamura Nguyen Novak Okafor Olsen Ortiz Park Patel Perez Quinn Ramos Reyes Rossi Sato "
    "Schmidt Silva Singh Sousa Suzuki Tanaka Torres Vargas Wagner Walsh Wang Weber Yilmaz"
).split()
ORGANIZATIONS = (  # noqa: SIM905 (a word list reads best as one string)
    "Northwind Health|Riverside Clinic|Civic Design Co|Lakeview Hospital|Maple County Library|"
    "Bright Path Schools|Harbor Engineering|Summit Analytics|Greenway Planning|Pioneer Electric|"
    "Blue Fern Studio|Cedar Dental|Metro Transit|Oak & Iron Kitchen|Prairie Vet Hospital|"
    "Atlas Software|Juniper Films|Keystone Accounting|Willow Therapy|Quarry Labs|"
    "City of Springfield|State University|Copperleaf Interiors|Beacon Community Services|"
    "Northstar Media|Redwood Environmental|Lakeside College|Granite Builders|Sunrise Rehab|"
    "Open Shelf Press"
).split("|")
JOB_TITLES = ["Associate", "Senior associate", "Team lead", "Coordinator", "Specialist"]
JOB_TITLES += ["Manager", "Consultant", "Technician", "", "", "Recruiter", "HR generalist"]
SOURCES = ["family", "friend", "teacher", "coworker", "alumni", "association", "publication"]
TAGS = ["met at a fair", "alumni", "priority", "works remotely", "downtown", "volunteer"]
PHRASES = [
    "the projects change every few months",
    "a portfolio matters more than the degree",
    "most of the day is spent with clients",
    "the first two years are the hardest",
    "part-time work is a common way in",
    "the professional association runs a mentoring scheme",
    "evening shifts are usual at the start",
    "my writing is a strength; my statistics need work",
]


class PlanError(RuntimeError):
    """The plan cannot fit the counts asked for."""


class BuildError(RuntimeError):
    """A service could not be called as the plan needs; the message names it."""


@dataclass
class PersonPlan:
    name: str
    details: dict = field(default_factory=dict)  # keywords for add_person
    introducer: int | None = None  # index into Plan.people
    referral: bool = False  # created by log_outcome(referred), not by add_person


@dataclass
class Step:
    kind: str  # draft, sent, introduced, log, meet
    day: date
    outcome: str = ""
    call_back_on: date | None = None


@dataclass
class Meeting:
    starts_at: datetime
    mode: str
    place: str
    learning: dict | None  # keywords for record_learning, None when not written down
    thanks: list[tuple[bool, date | None]]  # (to the introducer?, sent on or None)


@dataclass
class RequestPlan:
    person: int
    channel: str
    final: str  # moved_on, declined, referred, agreed, open
    steps: list[Step] = field(default_factory=list)
    meeting: Meeting | None = None
    referral: int | None = None  # index of the person a referral creates


@dataclass
class Plan:
    today: date
    now: datetime  # the real moment of the run: interviews before it have happened
    people: list[PersonPlan]
    targets: list[tuple[str, str]]
    leads: list[dict]
    requests: list[RequestPlan]

    def expected(self) -> dict:
        steps = Counter(s.kind for r in self.requests for s in r.steps)
        meetings = [r.meeting for r in self.requests if r.meeting]
        thanks = [t for m in meetings for t in m.thanks]
        return {
            "targets": len(self.targets),
            "people": len(self.people),
            "leads": len(self.leads),
            "requests": len(self.requests),
            "attempts": steps["log"],
            "interviews": len(meetings),
            "insights": sum(len(m.learning["insights"]) for m in meetings if m.learning),
            "thanks_sent": sum(1 for _, on in thanks if on),
            "thanks_unsent": sum(1 for _, on in thanks if not on),
            **{f"ended_{k}": sum(r.final == k for r in self.requests) for k in SHARES},
            "ended_moved_on": sum(r.final == "moved_on" for r in self.requests),
        }


def weekday(day: date) -> date:
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def business(day: date, days: int) -> date:
    """Same rule as lib.business_days.add_business_days (kept here so the plan has no Django)."""
    while days > 0:
        day += timedelta(days=1)
        days -= day.weekday() < 5
    return day


def _person(rng: random.Random, occupation: str, introducer: int | None) -> PersonPlan:
    first, last = rng.choice(FIRST), rng.choice(LAST)
    details = {
        "occupation": occupation,
        "level": rng.choices(["entry", "experienced", "supervisor"], [55, 35, 10])[0],
        "source": "friend" if introducer is not None else rng.choice(SOURCES),
        "organization": rng.choice(ORGANIZATIONS),
        "job_title": rng.choice(JOB_TITLES) if occupation else "",
    }
    if rng.random() < 0.75:
        details["emails"] = [f"{first}.{last}{rng.randrange(100)}@example.org".lower()]
    if rng.random() < 0.85:
        details["phones"] = [f"+1 312 555 {rng.randrange(10000):04d}"]
    if rng.random() < 0.2:
        details["notes"] = f"Said {rng.choice(PHRASES)}."
    if rng.random() < 0.3:
        details["tags"] = rng.sample(TAGS, rng.randint(1, 2))
    return PersonPlan(f"{first} {last}", details, introducer)


def _meeting(rng: random.Random, agreed: date, now: datetime, today: date, introduced: bool):
    draws = [rng.random() for _ in range(6)]
    day = weekday(agreed + timedelta(days=rng.randint(2, 10)))
    hour, minute = rng.randint(8, 16), rng.choice((0, 30))
    starts_at = datetime(day.year, day.month, day.day, hour, minute, tzinfo=ZoneInfo(TIME_ZONE))
    mode = rng.choices(["in-person", "phone", "video"], [50, 25, 25])[0]
    kinds = rng.sample(INSIGHT_KINDS, rng.randint(2, 6))
    insights = {kind: f"They said {rng.choice(PHRASES)}." for kind in kinds}
    learning = {
        "learned": f"Learned that {rng.choice(PHRASES)}.",
        "fit_rating": rng.randint(1, 5),
        "insights": insights,
        "keep_in_touch_on": day + timedelta(days=rng.randint(21, 60)) if draws[0] < 0.3 else None,
    }
    held = starts_at + timedelta(hours=1) < now
    thanks = []
    for to_introducer, chance in ((False, draws[1]), (True, draws[2])):
        sent_on = day + timedelta(days=1 + (draws[3] < 0.5))
        if held and chance < 0.9 and (introduced or not to_introducer):
            thanks.append((to_introducer, sent_on if draws[4] < 0.8 and sent_on <= today else None))
    place = rng.choice(ORGANIZATIONS) if mode == "in-person" else ""
    written = held and draws[5] < RECORDED
    return Meeting(starts_at, mode, place, learning if written else None, thanks)


def _request(rp: RequestPlan, seed: int, start: date, plan_now: tuple, introduced: bool) -> date:
    """Fill rp.steps from `start`; the same seed gives the same story whatever the start."""
    rng = random.Random(seed)
    now, today = plan_now
    drafted_only, asked_only = rng.random() < 0.12, rng.random() < 0.4
    counted = 3 if rp.final == "moved_on" else rng.choice((0, 1, 1, 2))
    busy = [rng.random() < BUSY_CHANCE for _ in range(4)]
    kinds = [rng.choice(("no-answer", "message")) for _ in range(3)]
    gaps = [rng.randint(1, 2) for _ in range(8)]
    late, intro_wait, meet_seed = rng.choice((0, 0, 1)), rng.randint(3, 6), rng.random()
    day = weekday(start)
    rp.steps = [Step("draft", day)]
    if rp.final == "open" and drafted_only:
        return day
    if rp.channel != "phone":
        rp.steps.append(Step("sent", day))
        if rp.channel == "introduction":
            if rp.final == "open" and asked_only and counted == 0:
                return day
            day = business(day, intro_wait)
            rp.steps.append(Step("introduced", day))
        else:
            day = business(day, WAIT[rp.channel] + late)
            kinds[0] = "no-reply"
    outcomes = []
    for i in range(counted):
        outcomes += ["busy"] * busy[i] + [kinds[i]]
    if rp.final in ("declined", "referred"):
        outcomes += ["busy"] * busy[3] + [rp.final]
    elif busy[3] and rp.final != "moved_on":  # a request moved on takes no more calls
        outcomes.append("busy")
    for i, outcome in enumerate(outcomes):
        following = business(day, gaps[i])
        back = following if outcome == "busy" else None
        rp.steps.append(Step("log", day, outcome, back))
        if i < len(outcomes) - 1 or rp.final == "agreed":
            day = following
    if rp.final == "agreed":
        rp.steps.append(Step("meet", day))
        rp.meeting = _meeting(random.Random(meet_seed), day, now, today, introduced)
    return rp.steps[-1].day


def _place(chain, people, earliest: date, plan_now: tuple, rng: random.Random) -> None:
    """Put a person's requests one after another, all within the thirteen weeks."""
    today = plan_now[1]
    seeds = [(rng.randrange(2**32), rng.randint(1, 5)) for _ in chain]

    def run(start: date) -> date:
        day = start
        for rp, (seed, pause) in zip(chain, seeds, strict=True):
            introduced = people[rp.person].introducer is not None
            end = _request(rp, seed, day, plan_now, introduced)
            day = end + timedelta(days=pause)
        return end

    length = (run(earliest) - earliest).days
    if chain[-1].final == "open":
        start = today - timedelta(days=length + rng.randint(0, 6))
    else:
        room = max(0, (today - earliest).days - length - 1)
        start = earliest + timedelta(days=rng.randint(0, room))
    start = max(start, earliest)
    for _ in range(6):
        end = run(start)
        if end <= today:
            return
        start -= timedelta(days=(end - today).days)
        if start < earliest:
            break
    raise PlanError(f"a chain of {len(chain)} requests does not fit after {earliest}")


def counts_for(scale: float) -> dict:
    wanted = {name: max(1, round(value * scale)) for name, value in FULL.items()}
    for name, share in SHARES.items():
        wanted[name] = max(1, round(share * wanted["requests"]))
    return wanted


def make_plan(scale: float, seed: int, today: date, now: datetime) -> Plan:
    rng, wanted = random.Random(seed), counts_for(scale)
    plan_now, first_day = (now, today), today - timedelta(weeks=WEEKS)
    people = [_person(rng, "", None) for _ in range(wanted["acquaintances"])]
    listed = wanted["people"] - wanted["acquaintances"] - wanted["referred"]
    names = [t for _, t in TARGETS]
    weights = [rng.uniform(0.5, 1.5) for _ in names]
    by_occupation: dict[str, list[int]] = {}
    for _ in range(listed):
        occupation = rng.choices(names, weights)[0]
        introducer = rng.randrange(wanted["acquaintances"]) if rng.random() < 0.15 else None
        by_occupation.setdefault(occupation, []).append(len(people))
        people.append(_person(rng, occupation, introducer))
    reached = 1 - UNCONTACTED
    contacted = [i for ids in by_occupation.values() for i in ids[: round(len(ids) * reached)]]
    rng.shuffle(contacted)
    finals = ["agreed"] * wanted["interviews"] + ["declined"] * wanted["declined"]
    finals += ["referred"] * wanted["referred"] + ["open"] * wanted["open"]
    rng.shuffle(finals)
    to_referrals = round(REFERRALS_CONTACTED * wanted["referred"])
    later = [f for f in finals if f != "referred"][:to_referrals]
    for final in later:
        finals.remove(final)
    first_pass = wanted["requests"] - len(later)
    extra = first_pass - len(contacted)  # second and third requests to the same person
    if not 0 <= extra <= 2 * len(contacted) or len(finals) > len(contacted):
        raise PlanError(f"{len(contacted)} people cannot take {first_pass} requests: change FULL")
    finals += ["moved_on"] * (len(contacted) - len(finals))
    rng.shuffle(finals)
    lengths = [1] * len(contacted)
    for _ in range(extra):
        lengths[rng.choice([i for i, n in enumerate(lengths) if n < 3])] += 1
    requests: list[RequestPlan] = []
    for person, final, length in zip(contacted, finals, lengths, strict=True):
        channels = ["phone", "email", "letter"]
        first = "introduction" if people[person].introducer is not None else None
        chain = [RequestPlan(person, rng.choices(channels, [45, 35, 20])[0], "moved_on")]
        chain += [RequestPlan(person, rng.choice(channels), "moved_on") for _ in range(length - 1)]
        chain[0].channel = first if first and rng.random() < 0.6 else chain[0].channel
        chain[-1].final = final
        _place(chain, people, first_day, plan_now, rng)
        requests += chain
    _add_referrals(requests, people, later, plan_now, rng)
    leads = [
        {
            "organization": rng.choice(ORGANIZATIONS),
            "occupation": names[i % len(names)],
            "department": rng.choice(["", "design team", "nursing office", "planning department"]),
            "phone": f"+1 312 555 {rng.randrange(10000):04d}",
        }
        for i in range(wanted["leads"])
    ]
    requests.sort(key=lambda r: r.steps[0].day)
    return Plan(today, now, people, TARGETS, leads, requests)


def _add_referrals(requests, people, later: list[str], plan_now: tuple, rng) -> None:
    """Referred names join the people; the earliest get a request of their own."""
    made = [(s.day, r) for r in requests for s in r.steps if s.outcome == "referred"]
    made.sort(key=lambda pair: pair[0])
    taken = {p.name.casefold() for p in people}
    for _, rp in made:
        rp.referral = len(people)
        person = _person(rng, people[rp.person].details["occupation"], rp.person)
        person.referral = True
        person.name = _unlisted(person.name, taken)
        people.append(person)
    later = sorted(later, key=lambda final: final == "open")
    if len(made) < len(later):
        raise PlanError(f"only {len(made)} referrals for {len(later)} requests to referrals")
    for final, (day, rp) in zip(later, made, strict=False):
        chain = [RequestPlan(rp.referral, rng.choice(["phone", "phone", "email"]), final)]
        _place(chain, people, day + timedelta(days=1), plan_now, rng)
        requests += chain


def _unlisted(name: str, taken: set[str]) -> str:
    """A referred name nobody listed has: a name already listed is that person to
    `add_referral`, which would fold two planned people into one. A middle initial
    keeps the other draws of the plan as they were."""
    first, last = name.split(" ", 1)
    for initial in "ABCDEFGHJKLMNPRSTW":
        if name.casefold() not in taken:
            break
        name = f"{first} {initial}. {last}"
    taken.add(name.casefold())
    return name


# ---- building through the services -------------------------------------------------------


def call(service, *args, **kwargs):
    """Call a service; a changed signature or a refusal stops the build with one clear line.

    Services take the moment as `now` rather than read the clock; the benchmark is the edge,
    so it reads the clock for any service that asks for `now`.
    """
    name = f"{service.__module__}.{service.__qualname__}"
    if "now" in inspect.signature(service).parameters and "now" not in kwargs:
        kwargs["now"] = datetime.now(UTC)
    try:
        inspect.signature(service).bind(*args, **kwargs)
    except TypeError as error:
        raise BuildError(
            f"{name}{inspect.signature(service)} no longer takes what the benchmark passes "
            f"({error}); adjust bench/_pages_data.py"
        ) from None
    try:
        return service(*args, **kwargs)
    except Exception as error:
        shown = ", ".join([repr(a) for a in args[1:]] + [f"{k}={v!r}" for k, v in kwargs.items()])
        raise BuildError(f"{name}({shown[:300]}) failed: {error!r}") from error


@contextmanager
def stage(name: str, total: int, timings: dict):
    """A rich progress bar in a terminal, else a line every tenth of the stage."""
    start = time.perf_counter()
    if sys.stdout.isatty():
        from rich.progress import Progress, TimeElapsedColumn

        with Progress(*Progress.get_default_columns(), TimeElapsedColumn()) as bar:
            task = bar.add_task(name, total=total)
            yield lambda: bar.advance(task)
    else:
        done, every = 0, max(1, total // 10)

        def tick() -> None:
            nonlocal done
            done += 1
            if done % every == 0 or done == total:
                took = time.perf_counter() - start
                print(f"  {name}: {done:,}/{total:,} ({took:.0f} s)", flush=True)

        yield tick
    timings[name] = round(time.perf_counter() - start, 1)


def build_owner(username: str):
    from infointerview.accounts.services import create_owner, profile_for

    owner = call(create_owner, username, "Alex Bench", TIME_ZONE)
    if call(profile_for, owner).time_zone != TIME_ZONE:
        raise BuildError("accounts.services.create_owner did not keep the time zone")
    return owner


def build_targets(owner, plan: Plan) -> dict:
    from infointerview.careers.services import add_target

    why = "Came up in my career-centre assessment."
    return {title: call(add_target, owner, title, "entry", why) for _, title in plan.targets}


def build_people(owner, plan: Plan, persons: list, tick) -> None:
    from infointerview.people.services import add_person

    for index, person in enumerate(plan.people):
        if person.referral:
            continue
        introducer = persons[person.introducer] if person.introducer is not None else None
        extra = {"introduced_by": introducer} if introducer is not None else {}
        extra["allow_duplicate"] = True  # common names repeat in three months of contacts
        persons[index] = call(add_person, owner, person.name, **person.details, **extra)
        tick()


def build_leads(owner, plan: Plan, tick) -> None:
    from infointerview.people.leads import add_lead

    for lead in plan.leads:
        call(add_lead, owner, lead["organization"], lead["occupation"], **_without(lead))
        tick()


def _without(lead: dict) -> dict:
    return {k: v for k, v in lead.items() if k not in ("organization", "occupation")}


def build_request(owner, plan: Plan, rp: RequestPlan, persons: list):
    """One request's story: draft, send, calls, and the meeting when they agreed."""
    from infointerview.agenda.outcomes import record_outcome
    from infointerview.outreach.services import draft, log_outcome, mark_introduced, mark_sent

    person, interview = persons[rp.person], None
    if person is None:
        raise BuildError(f"person #{rp.person} was never created (a referral went missing?)")
    for step in rp.steps:
        if step.kind == "draft":
            call(draft, owner, person, rp.channel, today=step.day)
        elif step.kind == "sent":
            call(mark_sent, owner, person, on=step.day)
        elif step.kind == "introduced":
            call(mark_introduced, owner, person, on=step.day)
        elif step.kind == "log":
            extra = {"call_back_on": step.call_back_on} if step.call_back_on else {}
            if step.outcome == "referred":
                extra["referred_name"] = plan.people[rp.referral].name
            result = call(log_outcome, owner, person, step.outcome, on=step.day, **extra)
            if step.outcome == "referred":
                if getattr(result, "referral", None) is None:
                    raise BuildError("outreach.services.log_outcome(referred) made no person")
                persons[rp.referral] = result.referral
        else:
            m = rp.meeting  # "agreed" ends the request and schedules the meeting, as on the web
            result = call(
                record_outcome,
                owner,
                person,
                "agreed",
                on=step.day,
                interview_at=m.starts_at,
                mode=m.mode,
                place=m.place,
            )
            interview = result.interview
    return interview


def build_afterwards(owner, plan: Plan, rp: RequestPlan, interview, persons: list) -> None:
    from infointerview.interviews.afterwards import mark_thanks_sent, record_learning, thank_you

    if rp.meeting.learning:
        call(record_learning, owner, interview, **rp.meeting.learning)
    for to_introducer, sent_on in rp.meeting.thanks:
        recipient = persons[plan.people[rp.person].introducer] if to_introducer else None
        extra = {"recipient": recipient} if recipient is not None else {}
        thanks = call(thank_you, owner, interview, **extra)
        if sent_on:
            call(mark_thanks_sent, owner, thanks, on=sent_on)


def build(plan: Plan, username: str = OWNER) -> tuple[object, dict, dict]:
    """Make the owner and everything in the plan: the owner, seconds per stage, counts."""
    timings: dict = {}
    persons: list = [None] * len(plan.people)
    owner = build_owner(username)
    targets = build_targets(owner, plan)
    with stage("people", sum(not p.referral for p in plan.people), timings) as tick:
        build_people(owner, plan, persons, tick)
    with stage("leads", len(plan.leads), timings) as tick:
        build_leads(owner, plan, tick)
    met = []
    with stage("requests", len(plan.requests), timings) as tick:
        for rp in plan.requests:
            interview = build_request(owner, plan, rp, persons)
            if interview is not None:
                met.append((rp, interview))
            tick()
    with stage("afterwards", len(met), timings) as tick:
        for rp, interview in met:
            build_afterwards(owner, plan, rp, interview, persons)
            tick()
    return owner, timings, check(owner, plan, len(targets))


def check(owner, plan: Plan, targets: int) -> dict:
    """Count what the services stored and compare it with the plan."""
    from infointerview.interviews.models import Insight, Interview, ThankYou
    from infointerview.outreach.models import Attempt, ContactRequest
    from infointerview.people.models import OrganizationLead, Person

    statuses = Counter(ContactRequest.objects.filter(owner=owner).values_list("status", flat=True))
    thanks = ThankYou.objects.filter(owner=owner)
    found = {
        "targets": targets,
        "people": Person.objects.filter(owner=owner).count(),
        "leads": OrganizationLead.objects.filter(owner=owner).count(),
        "requests": sum(statuses.values()),
        "attempts": Attempt.objects.filter(owner=owner).count(),
        "interviews": Interview.objects.filter(owner=owner).count(),
        "insights": Insight.objects.filter(owner=owner).count(),
        "thanks_sent": thanks.filter(sent_on__isnull=False).count(),
        "thanks_unsent": thanks.filter(sent_on__isnull=True).count(),
        **{f"ended_{k}": statuses[k] for k in SHARES if k != "open"},
        "ended_moved_on": statuses["moved_on"],
        "open": statuses["open"],
    }
    expected = plan.expected()
    expected["open"] = expected.pop("ended_open")
    expected["attempts"] += expected["interviews"]  # each meeting was agreed on a call
    found["ended_agreed"] = statuses["agreed"]
    expected["ended_agreed"] = expected["interviews"]
    wrong = [f"{k}: {found[k]} (plan: {v})" for k, v in expected.items() if found[k] != v]
    if wrong:
        raise BuildError("the services stored other counts than planned: " + "; ".join(wrong))
    return found
