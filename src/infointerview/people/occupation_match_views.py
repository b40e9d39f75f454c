"""The confirm screen: every person whose proposed O*NET occupation awaits the user's word."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST, require_safe

from infointerview.people import occupation_matches, services
from infointerview.web import form_errors


class PickForm(forms.Form):
    code = forms.RegexField(regex=r"^\d{2}-\d{4}\.\d{2}$", max_length=10, strip=True)


@login_required
@require_safe
def waiting(request: HttpRequest) -> HttpResponse:
    """One page of proposals at a time: each is explained by the matcher as it is shown."""
    total = occupation_matches.count_waiting(request.user)
    pages = Paginator(range(total), occupation_matches.PAGE)
    page = pages.get_page(request.GET.get("page"))
    proposals = occupation_matches.waiting(
        request.user, page.start_index() - 1 if total else 0, occupation_matches.PAGE
    )
    context = {"proposals": proposals, "page": page, "total": total}
    return render(request, "people/occupation_matches.html", context)


@login_required
@require_POST
def confirm(request: HttpRequest, public_id: str) -> HttpResponse:
    person = services.get_person(request.user, public_id)
    occupation_matches.confirm(request.user, person)
    messages.success(request, f"Linked {person.name}.")
    return redirect("people:occupation_matches")


@login_required
@require_POST
def not_sure(request: HttpRequest, public_id: str) -> HttpResponse:
    person = services.get_person(request.user, public_id)
    occupation_matches.not_sure(request.user, person)
    messages.success(request, f"Noted for {person.name}: it will not be proposed again.")
    return redirect("people:occupation_matches")


@login_required
@require_POST
def pick(request: HttpRequest, public_id: str) -> HttpResponse:
    person = services.get_person(request.user, public_id)
    form = PickForm(request.POST)
    if not form.is_valid():
        messages.error(request, form_errors(form))
        return redirect("people:occupation_matches")
    occupation_matches.pick_another(request.user, person, form.cleaned_data["code"])
    messages.success(request, f"Linked {person.name} to {form.cleaned_data['code']}.")
    return redirect("people:occupation_matches")
