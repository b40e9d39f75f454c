"""Who knows whom, and who you know in an occupation: the links and the one-click actions."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from infointerview.accounts.services import profile_for
from infointerview.agenda import who_you_know
from infointerview.careers import services as careers
from infointerview.lib.errors import NotFound, Refused
from infointerview.outreach import services as outreach
from infointerview.outreach.models import Channel
from infointerview.people import acquaintances
from infointerview.people import services as people
from infointerview.web import form_errors


class KnowsForm(forms.Form):
    name = forms.CharField(label="Knows", max_length=200, help_text="A name or an id.")
    note = forms.CharField(label="How", max_length=200, required=False)


@login_required
@require_POST
def knows(request: HttpRequest, public_id: str) -> HttpResponse:
    owner = request.user
    person = people.get_person(owner, public_id)
    form = KnowsForm(request.POST)
    if not form.is_valid():
        raise Refused(form_errors(form))
    try:
        other = people.find_person(owner, form.cleaned_data["name"])
    except NotFound as error:  # a name typed in a form, not an address: say so on the page
        raise Refused(str(error)) from None
    acquaintances.record_knows(owner, person, other, note=form.cleaned_data["note"])
    messages.success(request, f"Noted: {person.name} knows {other.name}.")
    return redirect(reverse("agenda:person", args=[person.public_id]) + "#knows")


@login_required
@require_POST
def forget(request: HttpRequest, public_id: str, other_id: str) -> HttpResponse:
    owner = request.user
    person = people.get_person(owner, public_id)
    other = people.get_person(owner, other_id)
    acquaintances.forget_knows(owner, person, other)
    messages.success(request, f"{person.name} and {other.name} are no longer linked.")
    return redirect(reverse("agenda:person", args=[person.public_id]) + "#knows")


@login_required
@require_POST
def introduction(request: HttpRequest, public_id: str, introducer_id: str) -> HttpResponse:
    """Draft a request for an introduction to the person, through this acquaintance."""
    owner = request.user
    person = people.get_person(owner, public_id)
    introducer = people.get_person(owner, introducer_id)
    today = profile_for(owner).today(timezone.now())
    request_ = outreach.draft(
        owner, person, Channel.INTRODUCTION, today=today, introducer=introducer
    )
    return redirect("outreach:request", public_id=request_.public_id)


@login_required
@require_POST
def put_on_list(request: HttpRequest, public_id: str, target_id: str) -> HttpResponse:
    """One click: the person joins the occupation's list of names."""
    owner = request.user
    person = people.get_person(owner, public_id)
    target = careers.get_target(owner, target_id)
    who_you_know.put_on_list(owner, person, target)
    messages.success(request, f"{person.name} is on the list for {target.name}.")
    if target.onet_code:
        return redirect(reverse("agenda:occupation", args=[target.onet_code]) + "#who-you-know")
    return redirect("careers:targets")
