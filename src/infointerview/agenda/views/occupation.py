from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST, require_safe

from infointerview.accounts.services import profile_for
from infointerview.careers import services as careers
from infointerview.careers.charts import wage_chart
from infointerview.careers.forms import ShortlistForm
from infointerview.careers.models import Occupation
from infointerview.careers.occupations import (
    WAGES_SOURCE,
    attribution,
    get_occupation,
    occupation_page,
)
from infointerview.interviews.afterwards import learning_about
from infointerview.interviews.forms import OccupationResearchForm
from infointerview.interviews.models import ResearchEntry
from infointerview.interviews.research import add_entry, for_occupation

# The research log's sources that lead to people: member directories, authors, speakers.
NAME_SOURCES = (ResearchEntry.SourceKind.ASSOCIATION, ResearchEntry.SourceKind.TRADE)


@login_required
@require_safe
def occupation(request: HttpRequest, code: str) -> HttpResponse:
    if not Occupation.objects.exists():
        return render(request, "careers/no_data.html", {"code": code})
    return _occupation_page(request, code, OccupationResearchForm())


@login_required
@require_POST
def add_research(request: HttpRequest, code: str) -> HttpResponse:
    """A source read about the occupation; one refused comes back as typed, its form open."""
    code = get_occupation(code).code
    form = OccupationResearchForm(request.POST)
    if not form.is_valid():
        return _occupation_page(request, code, form, status=400)
    add_entry(request.user, onet_code=code, **form.entry())
    messages.success(request, "Added to your research log.")
    return redirect("agenda:occupation", code=code)


def _occupation_page(
    request: HttpRequest, code: str, research_form: OccupationResearchForm, status: int = 200
) -> HttpResponse:
    owner = request.user
    page = occupation_page(code, profile_for(owner).wage_areas())
    target = careers.target_for_code(owner, page.occupation.code)
    research = for_occupation(owner, page.occupation.code, target)
    context = {
        "page": page,
        "chart": wage_chart(page.wages),
        "form": ShortlistForm(),
        "shortlisted": target is not None,
        "attribution": attribution(),
        "wages_source": WAGES_SOURCE,
        "learning": learning_about(owner, page.occupation.title, target, page.occupation.code),
        "research": research,
        "name_sources": [e for e in research if e.source_kind in NAME_SOURCES],
        "research_form": research_form,
    }
    return render(request, "agenda/occupation.html", context, status=status)
