"""Duplicates: the proposals, and merging one record into another."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST, require_safe

from infointerview.accounts.services import profile_for
from infointerview.agenda import merging
from infointerview.lib.errors import Refused
from infointerview.people import services as people
from infointerview.web import form_errors


class MergeForm(forms.Form):
    keep = forms.UUIDField(label="Keep")
    other = forms.UUIDField(label="Merge into it")


class DifferentForm(forms.Form):
    first = forms.UUIDField()
    second = forms.UUIDField()


@login_required
@require_safe
def duplicates_page(request: HttpRequest) -> HttpResponse:
    page = merging.page_of_duplicates(request.user, request.GET.get("page"))
    return render(
        request, "agenda/merge_duplicates.html", {"duplicates": page.object_list, "page": page}
    )


@login_required
@require_POST
def merge(request: HttpRequest) -> HttpResponse:
    """Keep one record and move everything of the other's to it."""
    form = MergeForm(request.POST)
    if not form.is_valid():
        raise Refused(form_errors(form))
    owner = request.user
    keep = people.get_person(owner, form.cleaned_data["keep"])
    other = people.get_person(owner, form.cleaned_data["other"])
    today = profile_for(owner).today(timezone.now())
    result = merging.merge(owner, keep, other, today=today)
    messages.success(request, result.summary())
    return redirect("agenda:person", public_id=keep.public_id)


@login_required
@require_POST
def different(request: HttpRequest) -> HttpResponse:
    """'Not the same person': the pair leaves the duplicates page for good."""
    form = DifferentForm(request.POST)
    if not form.is_valid():
        raise Refused(form_errors(form))
    owner = request.user
    one = people.get_person(owner, form.cleaned_data["first"])
    other = people.get_person(owner, form.cleaned_data["second"])
    merging.mark_different(owner, one, other)
    messages.success(request, f"Noted: {one.name} and {other.name} are different people.")
    return redirect("agenda:duplicates")
