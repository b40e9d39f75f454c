"""Browse by field: the list of fields, and one field's occupations, sortable without script."""

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from infointerview.careers import browse
from infointerview.careers.models import Occupation
from infointerview.careers.occupations import WAGES_SOURCE, attribution


class SortForm(forms.Form):
    sort = forms.ChoiceField(choices=[(s, s) for s in browse.SORT_CHOICES], required=False)


@login_required
@require_safe
def fields_page(request: HttpRequest) -> HttpResponse:
    context = {"fields": browse.fields(), "has_onet": Occupation.objects.exists()}
    return render(request, "careers/browse.html", context)


@login_required
@require_safe
def field_page(request: HttpRequest, group: str) -> HttpResponse:
    """An unknown sort shows the list in its usual order rather than an error."""
    form = SortForm(request.GET)
    sort = (form.is_valid() and form.cleaned_data["sort"]) or browse.DEFAULT_SORT
    page = browse.field_page(group, sort)
    context = {
        "page": page,
        "links": page.sort_links(),
        "attribution": attribution(),
        "wages_source": WAGES_SOURCE,
    }
    return render(request, "careers/browse_field.html", context)
