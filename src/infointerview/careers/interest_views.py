"""Pages for interests, goals and matches: the first step of exploring."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from infointerview.careers import goals as goal_service
from infointerview.careers import interests, services
from infointerview.careers.interests_chart import interest_chart
from infointerview.careers.interests_forms import EnterProfileForm, GoalsForm, QuestionnaireForm
from infointerview.careers.matches import latest_profile, matches_for
from infointerview.careers.models.interests import ITEM_COUNT, TYPE_NAMES
from infointerview.lib.errors import UserError
from infointerview.web import refused_on_form


def _progress(answers: dict) -> dict:
    return {"answered": len(answers), "total": ITEM_COUNT}


@login_required
@require_safe
def interests_page(request: HttpRequest) -> HttpResponse:
    return _interests_page(request, EnterProfileForm())


def _interests_page(
    request: HttpRequest, enter_form: EnterProfileForm, status: int = 200
) -> HttpResponse:
    """The latest result with its chart and meanings, the history, and the ways to retake;
    scores refused come back as typed, with the reason beside them."""
    profile = latest_profile(request.user)
    started = interests.in_progress(request.user)
    context = {
        "profile": profile,
        "chart": interest_chart(profile) if profile else None,
        "meanings": [(TYPE_NAMES[t], interests.MEANINGS[t]) for t in profile.top_three()]
        if profile
        else [],
        "history": interests.history(request.user),
        "started": _progress(started.given()) if started else None,
        "enter_form": enter_form,
    }
    return render(request, "careers/interests.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def questionnaire(request: HttpRequest) -> HttpResponse:
    """All sixty items on one page; the plain submit scores them once all are answered."""
    started = interests.in_progress(request.user)
    answers = started.given() if started else {}
    form = QuestionnaireForm(request.POST or None, answers=answers)
    if request.method == "POST" and form.is_valid():
        try:
            interests.finish_questionnaire(request.user, timezone.now(), form.answers())
        except UserError as error:
            messages.error(request, str(error))
            return redirect("careers:questionnaire")
        messages.success(request, "Your interest profile is ready.")
        return redirect("careers:interests")
    return render(
        request, "careers/interest_questionnaire.html", {"form": form, **_progress(answers)}
    )


@login_required
@require_POST
def save_answers(request: HttpRequest) -> HttpResponse:
    """Each answer as it is given (htmx posts the form on every change); returns the progress."""
    form = QuestionnaireForm(request.POST)
    form.is_valid()
    profile = interests.save_answers(request.user, form.answers())
    if request.htmx:
        return render(request, "careers/interest_progress.html", _progress(profile.given()))
    return redirect("careers:questionnaire")


@login_required
@require_POST
def enter_profile(request: HttpRequest) -> HttpResponse:
    """Scores or a Holland code the user already has; it joins the history."""
    form = EnterProfileForm(request.POST)
    if not form.is_valid():
        return _interests_page(request, form, status=400)
    kind, value = form.cleaned_data["parsed"]
    try:
        if kind == "scores":
            interests.profile_from_scores(request.user, value, timezone.now())
        else:
            interests.profile_from_code(request.user, value, timezone.now())
    except UserError as error:
        refused_on_form(form, error)
        return _interests_page(request, form, status=400)
    messages.success(request, "Your interest profile is saved.")
    return redirect("careers:interests")


def _goals_form(request: HttpRequest, goals) -> GoalsForm:
    skills, context = goal_service.skill_names(), goal_service.context_names()
    initial = {
        "min_wage": goals.min_wage,
        "wage_area": goals.wage_area,
        "max_job_zone": goals.max_job_zone,
        "work_values": goals.work_values,
        "skills": goals.skills,
        "work_context": goals.work_context,
    }
    return GoalsForm(request.POST or None, initial=initial, skills=skills, context=context)


@login_required
@require_http_methods(["GET", "POST"])
def goals_page(request: HttpRequest) -> HttpResponse:
    current = goal_service.goals_for(request.user)
    form = _goals_form(request, current.goals)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        goal_service.save_goals(
            request.user,
            min_wage=data["min_wage"] or None,
            wage_area=data["wage_area"],
            max_job_zone=data["max_job_zone"],
            work_values=data["work_values"],
            skills=data.get("skills", current.goals.skills),
            work_context=data.get("work_context", current.goals.work_context),
        )
        messages.success(request, "Your goals are saved.")
        return redirect("careers:matches")
    context = {
        "form": form,
        "areas": current.areas,
        "has_skills": "skills" in form.fields,
        "has_context": "work_context" in form.fields,
    }
    return render(request, "careers/goals.html", context, status=400 if form.errors else 200)


@login_required
@require_safe
def matches_page(request: HttpRequest) -> HttpResponse:
    show_all = request.GET.get("all") == "1"
    result = matches_for(request.user, show_all=show_all, limit=50)
    shortlisted = {t.onet_code for t in services.list_targets(request.user) if t.onet_code}
    context = {"result": result, "show_all": show_all, "shortlisted": shortlisted}
    return render(request, "careers/matches.html", context)


@login_required
@require_POST
def shortlist_match(request: HttpRequest, code: str) -> HttpResponse:
    """One click puts a match on the shortlist, at entry level, and comes back to the list."""
    try:
        target = services.add_to_shortlist(request.user, code)
    except UserError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"{target.name} is on your shortlist.")
    suffix = "?all=1" if request.POST.get("all") == "1" else ""
    return redirect(reverse("careers:matches") + suffix)
