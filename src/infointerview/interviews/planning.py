"""Fitting questions to an interview: the user's purposes, the time agreed, O*NET's data."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from infointerview.accounts.validation import validate
from infointerview.careers.models import Occupation
from infointerview.interviews.models import Interview, PlannedQuestion
from infointerview.interviews.question_bank import BANK, OPENING_AND_CLOSING_MINUTES, PURPOSES
from infointerview.interviews.research import for_occupation
from infointerview.lib.errors import NotFound, Refused

DEFAULT_PURPOSES = ["realities", "preparation", "referrals"]
OWN = "own"  # a question the user wrote or reworded: re-planning keeps it


@dataclass
class Plan:
    interview: Interview
    questions: list[PlannedQuestion]

    @property
    def question_minutes(self) -> float:
        return sum(q.minutes for q in self.questions)

    @property
    def total_minutes(self) -> float:
        return self.question_minutes + OPENING_AND_CLOSING_MINUTES

    @property
    def fits(self) -> bool:
        return self.total_minutes <= self.interview.minutes

    def to_dict(self) -> dict:
        return {
            "interview": self.interview.to_dict(),
            "purposes": self.interview.purposes,
            "minutes_agreed": self.interview.minutes,
            "minutes_planned": round(self.total_minutes, 1),
            "fits": self.fits,
            "questions": [
                {
                    "id": str(q.public_id),
                    "text": q.text,
                    "minutes": q.minutes,
                    "purpose": q.purpose,
                    "source": q.source,
                    "notes": q.notes,
                }
                for q in self.questions
            ],
        }


def parse_purposes(purposes: list[str]) -> list[str]:
    unknown = [p for p in purposes if p not in PURPOSES]
    if unknown:
        raise Refused(f"unknown purpose {unknown[0]!r}: use one of {', '.join(PURPOSES)}")
    return list(dict.fromkeys(purposes))


def onet_questions(onet_code: str) -> list[tuple[str, str, str, float]]:
    """Questions drawn from the occupation's O*NET tasks and technology, when known."""
    occupation = Occupation.objects.filter(code=onet_code).first() if onet_code else None
    if occupation is None:
        return []
    found = []
    task = occupation.tasks.order_by("-importance", "task_type", "task_id").first()
    if task:
        text = task.text.rstrip(".")
        found.append(("onet", "realities", f"How much of your week goes to this: “{text}”?", 2.0))
    tools = list(occupation.technology.values_list("example", flat=True)[:3])
    if tools:
        found.append(
            ("onet", "preparation", f"Which of these do you use daily: {', '.join(tools)}?", 1.5)
        )
    return found


def research_questions(owner, interview: Interview) -> list[tuple[str, str, str, float]]:
    """A question checking what the user read, so the research shows and gets tested."""
    for entry in for_occupation(owner, _occupation_code(interview), interview.person.target):
        point = entry.notes.strip().split("\n")[0].split(". ")[0].rstrip(".")
        if point:
            question = f"I read in {entry.title} that {point} — is that your experience?"
            return [("research", "realities", question, 2.0)]
    return []


def _occupation_code(interview: Interview) -> str:
    person = interview.person
    return person.onet_code or (person.target.onet_code if person.target else "")


@transaction.atomic
def build_plan(owner, interview: Interview, purposes: list[str] | None = None) -> Plan:
    """Replace the questions chosen for the last purposes with ones for these, within the time.

    The user's own and edited questions, and any holding notes, are kept in their order,
    so re-planning never loses an answer or the user's wording.
    """
    chosen = parse_purposes(purposes or interview.purposes or DEFAULT_PURPOSES)
    if "referrals" not in chosen:
        chosen.append("referrals")
    interview.purposes = chosen
    interview.save(update_fields=["purposes", "updated_at"])
    interview.questions.filter(notes="").exclude(source=OWN).delete()
    kept = _renumbered(list(interview.questions.all()))
    budget = interview.minutes - OPENING_AND_CLOSING_MINUTES - sum(q.minutes for q in kept)
    texts = {q.text for q in kept}
    drawn = onet_questions(_occupation_code(interview)) + research_questions(owner, interview)
    candidates: list[tuple[str, str, str, float]] = [c for c in drawn if c[1] in chosen]
    queues = {p: [q for q in BANK if q.purpose == p] for p in chosen}
    while any(queues.values()):
        for purpose in chosen:
            if queues[purpose]:
                q = queues[purpose].pop(0)
                candidates.append((q.key, q.purpose, q.text, q.minutes))
    closing = next(c for c in candidates if c[0] == "refer-who")
    candidates.remove(closing)
    budget -= closing[3] if closing[2] not in texts else 0
    picked = []
    for candidate in candidates:
        if candidate[2] not in texts and candidate[3] <= budget:
            picked.append(candidate)
            budget -= candidate[3]
    if closing[2] not in texts:
        picked.append(closing)
    start = len(kept)
    PlannedQuestion.objects.bulk_create(
        PlannedQuestion(
            owner=owner,
            interview=interview,
            source=source,
            purpose=purpose,
            text=text,
            minutes=minutes,
            position=start + i,
        )
        for i, (source, purpose, text, minutes) in enumerate(picked)
    )
    return plan_for(interview)


def plan_for(interview: Interview) -> Plan:
    return Plan(interview, list(interview.questions.all()))


def needs_plan(interview: Interview) -> bool:
    """Never planned yet; a plan the user emptied question by question stays empty."""
    return not interview.purposes and not interview.questions.exists()


def _one_line(text: str) -> str:
    text = " ".join(text.split())
    if not text:
        raise Refused("write the question first")
    return text


def _renumbered(questions: list[PlannedQuestion]) -> list[PlannedQuestion]:
    """Positions 0, 1, 2… in this order, saving only the questions that moved."""
    for position, question in enumerate(questions):
        if question.position != position:
            question.position = position
            question.save(update_fields=["position", "updated_at"])
    return questions


def question_number(interview: Interview, number: int) -> PlannedQuestion:
    """The plan's question numbered as the user sees it, from 1."""
    questions = plan_for(interview).questions
    if not 1 <= number <= len(questions):
        raise Refused(f"no question {number}: the plan has {len(questions)}")
    return questions[number - 1]


def question_of(owner, interview: Interview, public_id) -> PlannedQuestion:
    """A question of this interview's plan; one of another plan is not found here."""
    question = PlannedQuestion.owned_by(owner, public_id, "question", "interview")
    if question.interview_id != interview.pk:
        raise NotFound("no such question in this plan")
    return question


@transaction.atomic
def add_own_question(
    owner, interview: Interview, text: str, minutes: float = 2.0
) -> PlannedQuestion:
    question = PlannedQuestion(
        owner=owner,
        interview=interview,
        source=OWN,
        text=_one_line(text),
        minutes=minutes,
        position=interview.questions.count(),
    )
    validate(question)
    question.save()
    _renumbered(list(interview.questions.all()))
    return question


@transaction.atomic
def edit_question(
    owner, question: PlannedQuestion, text: str, minutes: float | None = None
) -> PlannedQuestion:
    """The user's wording; from now on the question is theirs and survives re-planning."""
    question.text = _one_line(text)
    if minutes is not None:
        question.minutes = minutes
    question.source = OWN
    validate(question)
    question.save(update_fields=["text", "minutes", "source", "updated_at"])
    return question


@transaction.atomic
def remove_question(owner, question: PlannedQuestion) -> None:
    """Off the plan; a question already holding notes stays, so no answer is lost."""
    if question.notes.strip():
        raise Refused(
            f"“{question.text}” holds your notes from the interview; it stays in the plan"
        )
    interview = question.interview
    question.delete()
    _renumbered(list(interview.questions.all()))


@transaction.atomic
def move_question(owner, question: PlannedQuestion, to: int) -> None:
    """Put the question at number `to` (from 1), the others keeping their order."""
    questions = [q for q in question.interview.questions.all() if q.pk != question.pk]
    if not 1 <= to <= len(questions) + 1:
        raise Refused(f"no place {to} in the plan: give a number from 1 to {len(questions) + 1}")
    questions.insert(to - 1, question)
    _renumbered(questions)
