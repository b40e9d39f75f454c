from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from infointerview.careers import data_views, lists, services
from infointerview.careers.forms import (
    MergeForm,
    RenameForm,
    ShortlistForm,
    StatusForm,
    TargetForm,
)
from infointerview.careers.models import Occupation, TargetOccupation
from infointerview.careers.search import search
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
    # Each card's forms are plain HTML: twenty cards of Django widgets cost most of the
    # page, and each card's merge menu offers every other list, so its options are
    # written once here rather than twenty times over in the template.
    options = {
        t.pk: format_html('<option value="{}">{}</option>', t.public_id, t.name) for t in targets
    }
    for target in targets:
        target.proposed_title = titles.get(target.proposed_onet_code, "")
        target.merge_options = mark_safe(  # each option escaped by format_html above
            "".join(option for pk, option in options.items() if pk != target.pk)
        )
    context = {
        "form": form,
        "targets": targets,
        "has_onet": Occupation.objects.exists(),
        "statuses": TargetOccupation.Status.choices,
        "why_max": StatusForm.base_fields["why"].max_length,
        "name_max": RenameForm.base_fields["name"].max_length,
        "merge_help": MergeForm.base_fields["into"].help_text,
    }
    return render(request, "careers/targets.html", context)


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
@require_safe
def explore(request: HttpRequest) -> HttpResponse:
    """The search page; to htmx, the part it asks for: the results, or the data panel it polls."""
    if request.htmx and request.htmx.target == data_views.PANEL_ID:
        return render(request, "careers/_data_setup.html", data_views.panel_context(request))
    query = request.GET.get("q", "").strip()[:200]
    hits = search(query, limit=20) if query else []
    context = {"query": query, "hits": hits, "has_onet": Occupation.objects.exists()}
    if request.htmx:
        return render(request, "careers/_results.html", context)
    return render(request, "careers/explore.html", context)


@login_required
@require_POST
def shortlist_occupation(request: HttpRequest, code: str) -> HttpResponse:
    """'Add to my shortlist' on an occupation's page."""
    form = ShortlistForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose the level you would enter at.")
    else:
        target = services.add_to_shortlist(request.user, code, **form.cleaned_data)
        messages.success(request, f"{target.name} is on your shortlist.")
    return redirect("agenda:occupation", code=code)


@login_required
@require_POST
def rename_target(request: HttpRequest, public_id: str) -> HttpResponse:
    target = services.get_target(request.user, public_id)
    form = RenameForm(request.POST, prefix=str(target.pk))
    if form.is_valid():
        old = target.name
        lists.rename_target(request.user, target, form.cleaned_data["name"])
        messages.success(request, f"Renamed {old} to {target.name}.")
    else:
        messages.error(request, "Give the list a name of at most 200 characters.")
    return redirect("careers:targets")


@login_required
@require_POST
def merge_target(request: HttpRequest, public_id: str) -> HttpResponse:
    target = services.get_target(request.user, public_id)
    others = services.list_targets(request.user)
    form = MergeForm(request.POST, target=target, others=others, prefix=str(target.pk))
    if form.is_valid():
        into = services.get_target(request.user, form.cleaned_data["into"])
        into = lists.merge_targets(request.user, target, into)
        messages.success(request, f"Merged {target.name} into {into.name}.")
    else:
        messages.error(request, "Choose another list of yours to merge into.")
    return redirect("careers:targets")
