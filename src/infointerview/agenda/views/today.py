from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_safe

from infointerview.agenda import progress
from infointerview.agenda.services import name_the_user, today

# What one screen shows of each long list; "show all" lifts it.
FIRST_ROWS = 10
# "Not now" to the name question, remembered by this browser.
NAME_DISMISSED = "name_question_dismissed"
TEN_YEARS = 10 * 365 * 24 * 60 * 60


class YourNameForm(forms.Form):
    full_name = forms.CharField(
        max_length=200, required=False, label="Your name, as drafts should give it"
    )


@login_required
@require_http_methods(["GET", "POST"])
def today_page(request: HttpRequest) -> HttpResponse:
    """Today; on a first visit it also asks the user's name, which drafts introduce them by.

    Its one POST answers that question: a name is saved to the profile, an empty answer
    ("not now") is remembered so that it is not asked again.
    """
    if request.method == "POST":
        return _answer_name(request)
    show_all = request.GET.get("all") == "1"
    agenda = today(request.user, timezone.now(), limit=None if show_all else FIRST_ROWS)
    context = {
        "agenda": agenda,
        "more": agenda.more(),
        "name_form": _name_question(request),
    }
    return render(request, "agenda/today.html", context)


def _name_question(request: HttpRequest) -> YourNameForm | None:
    if request.profile.full_name or request.COOKIES.get(NAME_DISMISSED):
        return None
    return YourNameForm()


def _answer_name(request: HttpRequest) -> HttpResponse:
    form = YourNameForm(request.POST)
    if not form.is_valid():
        messages.error(request, "A name is at most 200 characters.")
        return redirect("agenda:today")
    response = redirect("agenda:today")
    if form.cleaned_data["full_name"].strip():
        profile = name_the_user(request.user, form.cleaned_data["full_name"])
        messages.success(request, f"Thank you, {profile.full_name}: drafts now give your name.")
    else:
        response.set_cookie(
            NAME_DISMISSED,
            "1",
            max_age=TEN_YEARS,
            httponly=True,
            samesite="Lax",
            secure=settings.SESSION_COOKIE_SECURE,
        )
        messages.info(request, "Drafts will use your account name; change it in Settings.")
    return response


@login_required
@require_safe
def progress_page(request: HttpRequest) -> HttpResponse:
    summary = progress.progress(request.user, timezone.now())
    return render(request, "agenda/progress.html", {"progress": summary})
