from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.text import slugify
from django.views.decorators.http import require_POST, require_safe
from django_htmx.http import HttpResponseClientRefresh, push_url

from infointerview.accounts.services import profile_for
from infointerview.agenda.forms import LogForm
from infointerview.agenda.outcomes import record_outcome
from infointerview.agenda.people_page import page_of_people, people_url
from infointerview.careers import services as careers
from infointerview.interviews import afterwards
from infointerview.lib.errors import UserError
from infointerview.outreach import services as outreach
from infointerview.outreach.forms import DraftForm, SentForm
from infointerview.people import services as people
from infointerview.web import refused_on_form


@login_required
@require_safe
def people_page(request: HttpRequest) -> HttpResponse:
    """Every list of names, a page at a time; htmx asks for the results alone as you filter."""
    listing = page_of_people(request.user, request.GET)
    if request.htmx and not request.htmx.history_restore_request:
        # Paging moves focus to the top of the new page; typing a name leaves it in the box.
        paged = (request.htmx.trigger or "").startswith("pager-")
        context = {"listing": listing, "focus_results": paged}
        response = render(request, "agenda/_people_update.html", context)
        push_url(response, listing.url)  # the tidy address: no empty fields, a page that exists
    else:
        response = render(request, "agenda/people.html", {"listing": listing})
    # The same address answers a whole page or a fragment: caches must tell them apart.
    patch_vary_headers(response, ["HX-Request"])
    return response


@login_required
@require_POST
def move(request: HttpRequest, public_id: str, direction: str) -> HttpResponse:
    """Swap a person with the name above or below; the page's filter rides in the query."""
    person = people.get_person(request.user, public_id)
    people.move(request.user, person, -1 if direction == "up" else 1)
    if person.target is None:
        return redirect(people_url(request.GET))
    if request.htmx:
        listing = page_of_people(request.user, request.GET)
        occupation_list = listing.list_for(person.target)
        if occupation_list is None:  # the page changed under the user: show it afresh
            return HttpResponseClientRefresh()
        return render(request, "agenda/_list.html", {"list": occupation_list, "listing": listing})
    return redirect(f"{people_url(request.GET)}#list-{slugify(person.target.name)}")


@login_required
@require_safe
def person_page(request: HttpRequest, public_id: str) -> HttpResponse:
    return _person_page(request, people.get_person(request.user, public_id))


def _person_page(request: HttpRequest, person, log_form=None, status: int = 200) -> HttpResponse:
    """The person page; a refused "log what happened" comes back holding what was typed."""
    owner = request.user
    now = timezone.now()
    today = profile_for(owner).today(now)
    open_request = outreach.open_request(owner, person)
    drafted = (  # a redraft starts from the draft there is
        {"channel": open_request.channel, "call_on": open_request.call_on}
        if open_request
        else {"channel": "email"}
    )
    context = {
        "person": person,
        "standing": afterwards.standing(owner, person, now),
        "open_request": open_request,
        "requests": person.contact_requests.prefetch_related("attempts"),
        "interviews": person.interviews.all(),
        "draft_form": DraftForm(initial=drafted),
        "sent_form": SentForm(initial={"on": today}),
        "warnings": people.warnings_for_person(owner, person),
        "introduced": person.introduced.all(),
        "proposed": careers.occupation_titled(person.proposed_onet_code),
        "log_form": log_form,
    }
    return render(request, "agenda/person.html", context, status=status)


@login_required
@require_POST
def log_outcome(request: HttpRequest, public_id: str) -> HttpResponse:
    person = people.get_person(request.user, public_id)
    form = LogForm(request.POST)
    if not form.is_valid():
        return _person_page(request, person, log_form=form, status=400)
    try:
        result = record_outcome(request.user, person, **form.cleaned_data, now=timezone.now())
    except UserError as error:
        refused_on_form(form, error)
        return _person_page(request, person, log_form=form, status=400)
    messages.success(request, result.summary())
    return redirect("agenda:person", public_id=person.public_id)
