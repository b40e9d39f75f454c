from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from infointerview.accounts.services import profile_for
from infointerview.careers import services
from infointerview.careers.charts import wage_chart
from infointerview.careers.forms import ShortlistForm, StatusForm, TargetForm
from infointerview.careers.models import Occupation
from infointerview.careers.occupations import WAGES_SOURCE, attribution, occupation_page
from infointerview.careers.search import search
from infointerview.interviews.afterwards import learning_about
from infointerview.interviews.forms import ResearchForm
from infointerview.interviews.research import add_entry, for_occupation
from infointerview.lib.errors import UserError


@login_required
@require_http_methods(["GET", "POST"])
def targets_page(request: HttpRequest) -> HttpResponse:
    form = TargetForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            target = services.add_target(request.user, **form.cleaned_data)
        except UserError as error:
            form.add_error("name", str(error))
        else:
            messages.success(request, f"Added {target.name} to your shortlist.")
            return redirect("careers:targets")
    targets = services.list_targets(request.user)
    titles = dict(
        Occupation.objects.filter(
            code__in=[t.onet_code or t.proposed_onet_code for t in targets]
        ).values_list("code", "title")
    )
    for target in targets:
        target.proposed_title = titles.get(target.proposed_onet_code, "")
        target.status_form = StatusForm(
            initial={"status": target.status, "why": target.why, "notes": target.notes}
        )
    return render(
        request,
        "careers/targets.html",
        {"form": form, "targets": targets, "has_onet": Occupation.objects.exists()},
    )


@login_required
@require_POST
def target_status(request: HttpRequest, public_id: str) -> HttpResponse:
    target = services.get_target(request.user, public_id)
    form = StatusForm(request.POST)
    if form.is_valid():
        services.set_status(request.user, target, **form.cleaned_data)
        messages.success(request, f"{target.name}: {target.get_status_display().lower()}.")
    return redirect("careers:targets")


@login_required
@require_POST
def target_proposal(request: HttpRequest, public_id: str) -> HttpResponse:
    target = services.get_target(request.user, public_id)
    services.answer_proposal(request.user, target, accept=request.POST.get("answer") == "yes")
    return redirect("careers:targets")


@login_required
def explore(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:200]
    hits = search(query, limit=20) if query else []
    context = {"query": query, "hits": hits, "has_onet": Occupation.objects.exists()}
    if request.htmx:
        return render(request, "careers/_results.html", context)
    return render(request, "careers/explore.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def occupation(request: HttpRequest, code: str) -> HttpResponse:
    page = occupation_page(code, profile_for(request.user).wage_areas())
    form = ShortlistForm(request.POST if "level" in request.POST else None)
    if form.is_bound and form.is_valid():
        target = services.add_to_shortlist(request.user, page.occupation.code, **form.cleaned_data)
        messages.success(request, f"{target.name} is on your shortlist.")
        return redirect("careers:occupation", code=page.occupation.code)
    on_shortlist = services.list_targets(request.user)
    learning = learning_about(request.user, page.occupation.title, page.occupation.code)
    research_form = ResearchForm(
        request.POST if "title" in request.POST else None, initial={"subject": "occupation"}
    )
    if research_form.is_bound and research_form.is_valid():
        add_entry(request.user, occupation=page.occupation.title, **research_form.cleaned_data)
        messages.success(request, "Added to your research log.")
        return redirect("careers:occupation", code=page.occupation.code)
    context = {
        "page": page,
        "chart": wage_chart(page.wages),
        "form": form,
        "shortlisted": any(t.onet_code == page.occupation.code for t in on_shortlist),
        "attribution": attribution(),
        "wages_source": WAGES_SOURCE,
        "learning": learning,
        "research": for_occupation(request.user, page.occupation.title),
        "research_form": research_form,
    }
    return render(request, "careers/occupation.html", context)
