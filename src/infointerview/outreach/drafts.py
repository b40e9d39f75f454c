"""Built-in wording for each channel, what every draft must contain, and filling it in."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from infointerview.lib import placeholders
from infointerview.lib.day_words import long_day
from infointerview.lib.wording import career_phrase
from infointerview.outreach.models import Channel
from infointerview.people.models import Person, Source


@dataclass(frozen=True)
class Element:
    """Something the method says a request must say, found by placeholder or by wording."""

    label: str
    placeholder: str = ""
    wording: str = ""
    or_placeholder: str = ""

    def present_in(self, text: str) -> bool:
        if self.placeholder:
            names = placeholders.names_in(text)
            return self.placeholder in names or bool(self.or_placeholder in names)
        return bool(re.search(self.wording, text, re.IGNORECASE))


WHO = Element("who you are", placeholder="my_name")
WHY = Element("why you want to meet: to learn about their career, not a job", "purpose")
HOW_LONG = Element("how long it will take (20–30 minutes)", placeholder="minutes")
HOW_FOUND = Element("how you found their name", placeholder="how_found")
CALL_DAY = Element("the day you will telephone for an answer", placeholder="call_day")
GOOD_TIME = Element("asking whether this is a good time", wording=r"good time|convenient")
THEIR_NAME = Element("their name", placeholder="their_name")
INTRODUCER = Element(
    "the acquaintance's name", placeholder="introducer_name", or_placeholder="address_as"
)
FIRST_REQUEST = Element(
    "asking them to make the first request or let you mention their name",
    wording=r"mention your name|introduce",
)

REQUIRED: dict[str, list[Element]] = {
    Channel.EMAIL: [WHO, WHY, HOW_LONG, HOW_FOUND, CALL_DAY],
    Channel.LETTER: [WHO, WHY, HOW_LONG, HOW_FOUND, CALL_DAY],
    Channel.PHONE: [THEIR_NAME, GOOD_TIME, WHO, HOW_FOUND, WHY],
    Channel.INTRODUCTION: [INTRODUCER, THEIR_NAME, WHY, FIRST_REQUEST],
}

PLACEHOLDERS = {
    "my_name": "your name",
    "my_introduction": "the line about you in Settings, e.g. 'a design student at …'",
    "my_phone": "your telephone number",
    "my_email": "your e-mail address",
    "their_name": "the person's name",
    "address_as": "how to address whom you write to, as set on their page ('Dana', "
    "'Dr. Lee'); their full name unless you set it",
    "occupation": "the occupation's name, as on your list",
    "career": "'career as a graphic designer', from the occupation",
    "organization": "where they work",
    "how_found": "how you found their name, from where they came from",
    "purpose": "why you want to meet: their career, information not a job (to an "
    "introducer: 'their career')",
    "minutes": "how long: 20–30 minutes",
    "call_day": "the day you will telephone, e.g. Tuesday, December 1",
    "introducer_name": "who introduced you, or whom you ask for an introduction",
}

BUILT_IN_SUBJECT = {
    Channel.EMAIL: "Could I learn about your {{ career }}?",
}

BUILT_IN_BODY = {
    Channel.EMAIL: """Dear {{ address_as }},

My name is {{ my_name }}; I am {{ my_introduction }}. {{ how_found }}.

I would like to meet {{ purpose }}. It would take no more than {{ minutes }}, at a time and place that suit you, or by telephone if that is easier.

I will telephone you on {{ call_day }} to see whether we can find a time.

Thank you for considering it,
{{ my_name }}
{{ my_phone }}
""",
    Channel.LETTER: """Dear {{ address_as }},

My name is {{ my_name }}; I am {{ my_introduction }}. {{ how_found }}.

I am writing to ask whether you would meet me {{ purpose }}. The conversation would take {{ minutes }} at your convenience, and a telephone conversation would suit me just as well.

I will telephone you on {{ call_day }} to hear whether that is possible and, if so, to arrange a time.

Yours sincerely,
{{ my_name }}
{{ my_phone }} · {{ my_email }}
""",
    Channel.PHONE: """Hello, may I speak with {{ their_name }}?

Is this a good time to talk for a minute?

My name is {{ my_name }}; I am {{ my_introduction }}.

{{ how_found }}.

I would like to meet {{ purpose }}. It would take {{ minutes }}, whenever suits you.

Would one day next week work for you?
""",
    Channel.INTRODUCTION: """Dear {{ address_as }},

I am exploring a {{ career }} and would like to talk with {{ their_name }} {{ purpose }}.

Would you be willing to introduce me, or to ask {{ their_name }} whether they would take a call from me? If that is easier, may I mention your name when I get in touch myself?

Thank you,
{{ my_name }}
""",
}

VOICEMAIL = """Hello {{ address_as }}, this is {{ my_name }}; I am {{ my_introduction }}.

{{ how_found }}. I am calling to ask whether you would meet me {{ purpose }}, for {{ minutes }}.

I will call again in a day or two. If it is easier, you can reach me at {{ my_phone }}; that is {{ my_phone }}.

Thank you.
"""

FOLLOW_UP_SUBJECT = "Following up: learning about your {{ career }}"

FOLLOW_UP_NOTE = """Dear {{ address_as }},

I wrote a few days ago to ask whether you would meet me {{ purpose }}, and said I would telephone on {{ call_day }}; I have not been able to reach you.

I know how busy you are. {{ minutes }} at any time that suits you, or a telephone call, would help me a great deal. I will try you once more in a few days.

Thank you,
{{ my_name }}
{{ my_phone }}
"""

RESISTANCE_ANSWERS = [
    (
        "“We aren't hiring.”",
        "I'm not looking for a job — I'm gathering information to decide about my own "
        "career, and your experience would help a great deal.",
    ),
    (
        "“I'm very busy right now.”",
        "I understand. Is there a better time this week or next when I could call back?",
    ),
    (
        "“I can't get away for a meeting.”",
        "Could we talk by telephone instead, for {{ minutes }}, whenever suits you?",
    ),
    (
        "“I'm not the right person.”",
        "Thank you for telling me. Whom else would you suggest I talk with about a {{ career }}?",
    ),
]


def missing_elements(channel: str, subject: str, body: str) -> list[Element]:
    text = f"{subject}\n{body}"
    return [element for element in REQUIRED[channel] if not element.present_in(text)]


def unknown_placeholders(subject: str, body: str) -> set[str]:
    return placeholders.names_in(f"{subject}\n{body}") - PLACEHOLDERS.keys()


def how_found(person: Person) -> str:
    introducer = person.introduced_by.name if person.introduced_by else ""
    detail = person.source_detail
    if introducer:
        return f"{introducer} suggested I get in touch with you"
    phrases = {
        Source.FAMILY: "A member of my family gave me your name",
        Source.FRIEND: "A friend gave me your name",
        Source.TEACHER: "One of my teachers gave me your name",
        Source.COWORKER: "A former coworker gave me your name",
        Source.ALUMNI: "I found your name on the list of graduates who offer informational "
        "interviews",
        Source.ASSOCIATION: "I found your name in the professional association's directory",
        Source.PUBLICATION: "I read about your work in a trade publication",
        Source.ORGANIZATION: "Your organization kindly gave me your name",
        Source.REFERRAL: "You were recommended to me",
    }
    with_detail = {
        Source.ALUMNI: "I found your name on {listing}",
        Source.ASSOCIATION: "I found your name in {listing}",
        Source.PUBLICATION: "I read about your work in {title}",
    }
    if detail and person.source in with_detail:
        return with_detail[person.source].format(listing=a_listing(detail), title=detail)
    return phrases[person.source]


DETERMINERS = {"the", "a", "an", "my", "our", "their", "his", "her", "your", "its", "this"}


def a_listing(detail: str) -> str:
    """'AIGA Seattle member directory' reads as 'the AIGA Seattle member directory'.

    Lists and directories take an article; a publication's title is left as typed.
    """
    first_word = detail.split(maxsplit=1)[0].casefold() if detail.strip() else ""
    return detail if first_word in DETERMINERS else f"the {detail}"


def spoken_day(day: date | None) -> str:
    return long_day(day, with_year=False) if day else "{{ call_day }}"


def values_for(
    person: Person, profile, call_on: date | None, channel: str = Channel.PHONE
) -> dict[str, str]:
    """Every string a template may use, and nothing else.

    A request for an introduction is written to the acquaintance: it addresses them, and
    speaks of the person's career as "their" career.
    """
    career = career_phrase(person.occupation)
    introducer = person.introduced_by
    to_introducer = channel == Channel.INTRODUCTION and introducer is not None
    whose = "their" if channel == Channel.INTRODUCTION else "your"
    return {
        "my_name": profile.name_for_drafts(),
        "my_introduction": profile.introduction or "exploring a change of career",
        "my_phone": profile.phone,
        "my_email": profile.email,
        "their_name": person.name,
        "address_as": introducer.salutation if to_introducer else person.salutation,
        "occupation": person.occupation,
        "career": career,
        "organization": person.organization,
        "how_found": how_found(person),
        "purpose": f"to learn about {whose} {career} — I am looking for information, "
        "not asking for a job",
        "minutes": "20–30 minutes",
        "call_day": spoken_day(call_on),
        "introducer_name": person.introduced_by.name if person.introduced_by else "",
    }


def practice_steps(body: str) -> list[str]:
    """The phone script as steps to rehearse one at a time."""
    return [step.strip() for step in re.split(r"\n\s*\n", body) if step.strip()]
