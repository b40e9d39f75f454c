from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from infointerview.accounts.services import profile_for
from infointerview.careers import services as careers
from infointerview.careers.charts import wage_chart
from infointerview.careers.forms import ShortlistForm
from infointerview.careers.models import Occupation
from infointerview.careers.occupations import WAGES_SOURCE, attribution, occupation_page
from infointerview.interviews.afterwards import learning_about
from infointerview.interviews.forms import ResearchForm
from infointerview.interviews.models import ResearchEntry
from infointerview.interviews.research import for_occupation

# The research log's sources that lead to people: member directories, authors, speakers.
NAME_SOURCES = (ResearchEntry.SourceKind.ASSOCIATION, ResearchEntry.SourceKind.TRADE)


@login_required
@require_safe
def occupation(request: HttpRequest, code: str) -> HttpResponse:
    owner = request.user
    if not Occupation.objects.exists():
        return render(request, "careers/no_data.html", {"code": code})
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
        "research_form": ResearchForm(initial={"subject": "occupation"}),
    }
    return render(request, "agenda/occupation.html", context)
