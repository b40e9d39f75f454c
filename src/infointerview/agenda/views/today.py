from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from infointerview.accounts.services import profile_for
from infointerview.agenda import progress
from infointerview.agenda.services import today


@login_required
def today_page(request: HttpRequest) -> HttpResponse:
    profile = profile_for(request.user)
    return render(
        request,
        "agenda/today.html",
        {"agenda": today(request.user), "needs_introduction": not profile.full_name},
    )


@login_required
def progress_page(request: HttpRequest) -> HttpResponse:
    return render(request, "agenda/progress.html", {"progress": progress.progress(request.user)})
