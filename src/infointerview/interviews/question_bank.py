"""Questions for an informational interview, grouped by what the user wants to learn.

Minutes are a rough share of the conversation one answer takes, so a plan can be
fitted to the 20–30 minutes the person agreed to.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Question:
    key: str
    purpose: str
    text: str
    minutes: float


PURPOSES = {
    "realities": "The realities of the work",
    "choosing": "Choosing among occupations or a specialty",
    "focusing": "Focusing my goals",
    "unknown": "Careers I never knew existed",
    "strengths": "My strengths and weaknesses",
    "preparation": "Ways to prepare: education, training, experience",
    "opportunities": "Volunteer, seasonal, part-time and internship openings",
    "organization": "The organization",
    "referrals": "Whom else to talk to",
}

BANK = [
    Question("real-day", "realities", "What does a usual day or week look like for you?", 3),
    Question("real-like", "realities", "What do you enjoy most about this work?", 2),
    Question("real-hard", "realities", "What is hardest about it, or what surprised you?", 2),
    Question("real-hours", "realities", "How predictable are the hours and the workload?", 1.5),
    Question(
        "real-change",
        "realities",
        "How is the work changing, and what will it look like in five years?",
        2,
    ),
    Question(
        "choose-path", "choosing", "How did you come to choose this occupation over others?", 2
    ),
    Question(
        "choose-special",
        "choosing",
        "Which specialties are there, and how do people end up in one?",
        2.5,
    ),
    Question(
        "choose-compare",
        "choosing",
        "If you were starting again, which related work would you also consider?",
        2,
    ),
    Question(
        "focus-entry", "focusing", "What do people starting out actually do in their first year?", 2
    ),
    Question(
        "focus-level",
        "focusing",
        "What does it take to move from entry level to more responsibility?",
        2,
    ),
    Question(
        "focus-fit", "focusing", "What kind of person thrives here, and who tends to leave?", 2
    ),
    Question(
        "unknown-nearby",
        "unknown",
        "What jobs near yours do people outside the field rarely hear of?",
        2,
    ),
    Question(
        "unknown-emerging", "unknown", "Are there new kinds of roles appearing around this work?", 2
    ),
    Question(
        "strength-matter",
        "strengths",
        "Which skills matter most, and which can be learned on the job?",
        2,
    ),
    Question(
        "strength-mine",
        "strengths",
        "Given what I have told you about myself, where would I be strong, and what would I need to work on?",
        3,
    ),
    Question(
        "prep-education",
        "preparation",
        "What education or training would you recommend, and what is overrated?",
        2,
    ),
    Question(
        "prep-experience", "preparation", "What experience would make an applicant stand out?", 2
    ),
    Question(
        "prep-read",
        "preparation",
        "Which publications, associations or events should I follow?",
        1.5,
    ),
    Question(
        "opp-volunteer",
        "opportunities",
        "Are there volunteer, part-time or seasonal ways to try this work?",
        2,
    ),
    Question(
        "opp-intern",
        "opportunities",
        "Do organizations like yours take interns, and how do people find those places?",
        2,
    ),
    Question(
        "org-culture",
        "organization",
        "What is it like to work here compared with similar organizations?",
        2,
    ),
    Question("org-hiring", "organization", "How do people usually join this organization?", 1.5),
    Question(
        "refer-who",
        "referrals",
        "Whom else would you suggest I talk to, and may I mention your name?",
        1.5,
    ),
]

OPENING_AND_CLOSING_MINUTES = 4.0
