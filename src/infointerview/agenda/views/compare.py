from django import forms
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from infointerview.accounts.services import profile_for
from infointerview.agenda.compare import compare_shortlist
from infointerview.careers.occupations import WAGES_SOURCE, attribution

# Each cell of the page shows this many of its newest insights; the occupation's page has all.
LATEST_INSIGHTS = 2


class CompareForm(forms.Form):
    ruled_out = forms.BooleanField(required=False)


@login_required
@require_safe
def compare_page(request: HttpRequest) -> HttpResponse:
    """The shortlist side by side; printable as it is."""
    form = CompareForm(request.GET)
    ruled_out = form.is_valid() and form.cleaned_data["ruled_out"]
    comparison = compare_shortlist(
        request.user,
        profile_for(request.user).wage_areas(),
        ruled_out=ruled_out,
        latest_insights=LATEST_INSIGHTS,
    )
    context = {
        "comparison": comparison,
        "ruled_out": ruled_out,
        "attribution": attribution(),
        "wages_source": WAGES_SOURCE,
    }
    return render(request, "agenda/compare.html", context)
