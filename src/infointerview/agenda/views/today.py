from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from infointerview.accounts.services import profile_for
from infointerview.agenda import progress
from infointerview.agenda.services import today


@login_required
def today_page(request: HttpRequest) -> HttpResponse:
    profile = profile_for(request.user)
    return render(
        request,
        "agenda/today.html",
        {
            "agenda": today(request.user, timezone.now()),
            "needs_introduction": not profile.full_name,
        },
    )


@login_required
def progress_page(request: HttpRequest) -> HttpResponse:
    summary = progress.progress(request.user, timezone.now())
    return render(request, "agenda/progress.html", {"progress": summary})
