from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from infointerview.accounts.services import profile_for
from infointerview.careers.lists import close_names
from infointerview.careers.services import answer_proposal
from infointerview.lib.errors import UserError
from infointerview.people import leads, services, submissions
from infointerview.people.forms import (
    LeadCallForm,
    LeadCloseForm,
    LeadForm,
    LeadNamedForm,
    OccupationInput,
    PersonForm,
)
from infointerview.web import form_errors, refused_on_form


@login_required
@require_http_methods(["GET", "POST"])
def add(request: HttpRequest) -> HttpResponse:
    form = PersonForm(request.POST or None, initial={"occupation": request.GET.get("occupation")})
    form.offer_lists(request.user)
    if request.method == "POST" and form.is_valid():
        token = form.cleaned_data["submission"]
        earlier = submissions.made_before(request, token)
        if earlier:
            return redirect(earlier)
        try:
            person = services.add_person(
                request.user,
                **form.service_arguments(),
                address_as=form.how_to_address(),
                allow_duplicate=form.cleaned_data["add_anyway"],
            )
        except services.SamePerson as same:
            form.ask_to_confirm(str(same))
        except UserError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"Added {person.name}.")
            return _made(request, token, reverse("agenda:person", args=[person.public_id]))
    return render(request, "people/form.html", {"form": form, "title": "Add a person"})


def _made(request: HttpRequest, token: str, address: str) -> HttpResponse:
    """Go to what was made, and send a second POST of the same form there too."""
    submissions.remember(request, token, address)
    return redirect(address)


@login_required
@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, public_id: str) -> HttpResponse:
    person = services.get_person(request.user, public_id)
    initial = {
        **person.to_dict(),
        "emails": ", ".join(person.emails),
        "phones": ", ".join(person.phones),
        "tags": ", ".join(person.tags),
        "introduced_by": person.introduced_by.name if person.introduced_by else "",
    }
    form = PersonForm(request.POST or None, initial=initial)
    form.offer_lists(request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_person(
                request.user,
                person,
                **form.service_arguments(),
                address_as=form.how_to_address(),
            )
        except UserError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "Saved.")
            return redirect("agenda:person", public_id=person.public_id)
    return render(request, "people/form.html", {"form": form, "title": f"Edit {person.name}"})


@login_required
@require_http_methods(["GET", "POST"])
def delete(request: HttpRequest, public_id: str) -> HttpResponse:
    person = services.get_person(request.user, public_id)
    if request.method == "POST":
        services.delete_person(request.user, person)
        messages.success(request, f"Deleted {person.name}.")
        return redirect("agenda:people")
    return render(request, "people/delete.html", {"person": person})


@login_required
@require_http_methods(["GET", "POST"])
def add_lead(request: HttpRequest) -> HttpResponse:
    form = LeadForm(request.POST or None, initial={"occupation": request.GET.get("occupation")})
    form.offer_lists(request.user)
    if request.method == "POST" and form.is_valid():
        details = dict(form.cleaned_data)
        token = details.pop("submission")
        earlier = submissions.made_before(request, token)
        if earlier:
            return redirect(earlier)
        try:
            lead = leads.add_lead(request.user, **details)
        except UserError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"Added {lead} to the list.")
            return _made(request, token, reverse("people:lead", args=[lead.public_id]))
    return render(
        request, "people/form.html", {"form": form, "title": "Add an organization to call"}
    )


@login_required
@require_http_methods(["GET", "POST"])
def lead(request: HttpRequest, public_id: str) -> HttpResponse:
    owner = request.user
    the_lead = leads.get_lead(owner, public_id)
    form = LeadNamedForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            person = leads.lead_gave_name(owner, the_lead, **form.cleaned_data)
        except UserError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"{person.name} takes the lead's place on the list.")
            return redirect("agenda:person", public_id=person.public_id)
    return _lead_page(request, the_lead, form=form)


def _lead_page(request: HttpRequest, the_lead, *, form=None, call_form=None) -> HttpResponse:
    """The lead's page; a refused form comes back here as typed, the reason beside it."""
    script = leads.lead_script(the_lead, profile_for(request.user).name_for_drafts())
    context = {
        "lead": the_lead,
        "form": form or LeadNamedForm(),
        "close_form": LeadCloseForm(),
        "call_form": call_form or LeadCallForm(initial={"on": _today(request)}),
        "calls": the_lead.calls.all(),
        "calls_left": leads.calls_left(the_lead),
        "script": script,
    }
    refused = (form is not None and form.errors) or (call_form is not None and call_form.errors)
    return render(request, "people/lead.html", context, status=400 if refused else 200)


def _today(request: HttpRequest):
    return profile_for(request.user).today(timezone.now())


@login_required
@require_POST
def log_lead_call(request: HttpRequest, public_id: str) -> HttpResponse:
    """A switchboard call that brought no name; the third, or a refusal, closes the lead."""
    the_lead = leads.get_lead(request.user, public_id)
    form = LeadCallForm(request.POST)
    if not form.is_valid():
        return _lead_page(request, the_lead, call_form=form)
    try:
        leads.log_lead_call(request.user, the_lead, **form.cleaned_data, today=_today(request))
    except UserError as error:
        refused_on_form(form, error)
        return _lead_page(request, the_lead, call_form=form)
    if the_lead.status == the_lead.Status.CLOSED:
        messages.success(request, f"Closed the lead for {the_lead}: try another organization.")
        return redirect("agenda:people")
    left = leads.calls_left(the_lead)
    plural = "s" if left != 1 else ""
    messages.success(request, f"Logged. {left} more call{plural} before moving on.")
    return redirect("people:lead", public_id=the_lead.public_id)


@login_required
@require_POST
def close_lead(request: HttpRequest, public_id: str) -> HttpResponse:
    the_lead = leads.get_lead(request.user, public_id)
    form = LeadCloseForm(request.POST)
    if not form.is_valid():
        messages.error(request, form_errors(form))
        return redirect("people:lead", public_id=the_lead.public_id)
    leads.close_lead(request.user, the_lead, form.cleaned_data["reason"])
    messages.success(request, f"Closed the lead for {the_lead}.")
    return redirect("agenda:people")


@login_required
@require_POST
def onet_proposal(request: HttpRequest, public_id: str) -> HttpResponse:
    """Yes or no to the O*NET occupation proposed for a person after an import."""
    person = services.get_person(request.user, public_id)
    accept = request.POST.get("answer") == "yes"
    answer_proposal(request.user, person, accept=accept)
    messages.success(request, "Linked." if accept else "Noted: it will not be proposed again.")
    return redirect("agenda:person", public_id=person.public_id)


@login_required
@require_safe
def occupation_suggestions(request: HttpRequest) -> HttpResponse:
    """'Did you mean …?' for an occupation typed on the person or lead form."""
    close = close_names(request.user, request.GET.get("occupation", ""))
    return render(request, "people/_occupation_suggestions.html", {"close": close})


@login_required
@require_safe
def occupation_input(request: HttpRequest) -> HttpResponse:
    """The occupation box again, holding the suggestion the user chose."""
    chosen = request.GET.get("occupation", "")
    context = OccupationInput().get_context("occupation", chosen, {"id": "id_occupation"})
    return render(request, "people/_occupation_input.html", context)
