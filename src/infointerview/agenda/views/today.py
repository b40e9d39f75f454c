from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from infointerview.agenda import progress
from infointerview.agenda.services import today

# What one screen shows of each long list; "show all" lifts it.
FIRST_ROWS = 10


@login_required
@require_safe
def today_page(request: HttpRequest) -> HttpResponse:
    show_all = request.GET.get("all") == "1"
    agenda = today(request.user, timezone.now(), limit=None if show_all else FIRST_ROWS)
    context = {
        "agenda": agenda,
        "more": agenda.more(),
        "needs_introduction": not request.profile.full_name,
    }
    return render(request, "agenda/today.html", context)


@login_required
@require_safe
def progress_page(request: HttpRequest) -> HttpResponse:
    summary = progress.progress(request.user, timezone.now())
    return render(request, "agenda/progress.html", {"progress": summary})
