from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from infointerview.accounts.services import profile_for
from infointerview.agenda.forms import LogForm
from infointerview.agenda.lists import lists_with_status
from infointerview.agenda.outcomes import record_outcome
from infointerview.careers import services as careers
from infointerview.outreach import services as outreach
from infointerview.outreach.forms import DraftForm, SentForm
from infointerview.people import services as people


@login_required
def people_page(request: HttpRequest) -> HttpResponse:
    owner = request.user
    return render(
        request,
        "agenda/people.html",
        {"lists": lists_with_status(owner), "others": people.people_without_occupation(owner)},
    )


@login_required
@require_POST
def move(request: HttpRequest, public_id: str, direction: str) -> HttpResponse:
    person = people.get_person(request.user, public_id)
    people.move(request.user, person, -1 if direction == "up" else 1)
    if request.htmx and person.target is not None:
        (occupation_list,) = lists_with_status(request.user, person.target)
        return render(request, "agenda/_list.html", {"list": occupation_list})
    return redirect("agenda:people")


@login_required
def person_page(request: HttpRequest, public_id: str) -> HttpResponse:
    owner = request.user
    person = people.get_person(owner, public_id)
    today = profile_for(owner).today()
    context = {
        "person": person,
        "open_request": outreach.open_request(owner, person),
        "requests": person.contact_requests.prefetch_related("attempts"),
        "interviews": person.interviews.all(),
        "draft_form": DraftForm(initial={"channel": "email"}),
        "sent_form": SentForm(initial={"on": today}),
        "warnings": people.warnings_for_person(owner, person),
        "introduced": person.introduced.all(),
        "proposed": careers.occupation_titled(person.proposed_onet_code),
    }
    return render(request, "agenda/person.html", context)


def _form_errors(form) -> str:
    return "; ".join(f"{name}: {' '.join(errors)}" for name, errors in form.errors.items())


@login_required
@require_POST
def log_outcome(request: HttpRequest, public_id: str) -> HttpResponse:
    person = people.get_person(request.user, public_id)
    form = LogForm(request.POST)
    if not form.is_valid():
        messages.error(request, _form_errors(form))
        return redirect("agenda:person", public_id=person.public_id)
    result = record_outcome(request.user, person, **form.cleaned_data)
    messages.success(request, result.summary())
    return redirect("agenda:person", public_id=person.public_id)
