from zoneinfo import ZoneInfo

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from infointerview.accounts.services import profile_for
from infointerview.interviews import afterwards, planning, research, services
from infointerview.interviews.forms import (
    CancelForm,
    LearningForm,
    OwnQuestionForm,
    PurposeForm,
    QuestionForm,
    ReferralForm,
    RescheduleForm,
    ResearchForm,
    ScheduleForm,
)
from infointerview.interviews.models import Insight
from infointerview.lib.errors import UserError
from infointerview.people.services import get_person, same_person_as
from infointerview.web import form_errors, refused_on_form


@login_required
@require_http_methods(["GET", "POST"])
def schedule(request: HttpRequest, person_id: str) -> HttpResponse:
    person = get_person(request.user, person_id)
    form = ScheduleForm(request.POST or None, initial={"minutes": 25})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        meeting = services.record_interview if data["took_place"] else services.schedule
        try:
            interview = meeting(
                request.user,
                person,
                data["starts_at"],
                minutes=data["minutes"],
                mode=data["mode"],
                place=data["place"],
                now=timezone.now(),
            )
        except (services.TimeHasPassed, services.TimeToCome) as error:
            form.add_error("starts_at", str(error))
        except UserError as error:
            form.add_error(None, str(error))
        else:
            if interview.status == interview.Status.HELD:
                messages.success(request, "Recorded as held: write the thank-you today.")
                return redirect("interviews:afterwards", public_id=interview.public_id)
            return redirect("interviews:detail", public_id=interview.public_id)
    return render(request, "interviews/schedule.html", {"form": form, "person": person})


@login_required
@require_safe
def detail(request: HttpRequest, public_id: str) -> HttpResponse:
    return _detail_page(request, services.get_interview(request.user, public_id), ResearchForm())


def _detail_page(
    request: HttpRequest, interview, research_form: ResearchForm, status: int = 200
) -> HttpResponse:
    """The interview page; a refused research note comes back here as typed."""
    local = interview.starts_at.astimezone(ZoneInfo(interview.time_zone)).strftime("%Y-%m-%dT%H:%M")
    context = {
        "interview": interview,
        "plan": planning.plan_for(interview),
        "changes": interview.changes.all(),
        "reschedule_form": RescheduleForm(
            initial={
                "starts_at": local,
                "minutes": interview.minutes,
                "mode": interview.mode,
                "place": interview.place,
            }
        ),
        "cancel_form": CancelForm(),
        "research_form": research_form,
        "research": research.for_interview(request.user, interview),
        "checklist": research.CHECKLIST,
    }
    return render(request, "interviews/detail.html", context, status=status)


@login_required
@require_POST
def reschedule(request: HttpRequest, public_id: str) -> HttpResponse:
    interview = services.get_interview(request.user, public_id)
    form = RescheduleForm(request.POST)
    if form.is_valid():
        d = form.cleaned_data
        try:
            services.reschedule(
                request.user,
                interview,
                d["starts_at"],
                minutes=d["minutes"],
                mode=d["mode"],
                place=d["place"],
                reason=d["reason"],
                now=timezone.now(),
            )
        except services.TimeHasPassed as error:
            messages.error(request, f"{form.fields['starts_at'].label}: {error}")
        else:
            messages.success(request, "Rescheduled. The calendar feed shows the new time.")
    else:
        messages.error(request, form_errors(form))
    return redirect("interviews:detail", public_id=public_id)


@login_required
@require_POST
def cancel(request: HttpRequest, public_id: str) -> HttpResponse:
    interview = services.get_interview(request.user, public_id)
    form = CancelForm(request.POST)
    if not form.is_valid():
        messages.error(request, form_errors(form))
        return redirect("interviews:detail", public_id=public_id)
    services.cancel(request.user, interview, form.cleaned_data["reason"])
    messages.success(request, "Cancelled; its history is kept.")
    return redirect("interviews:detail", public_id=public_id)


def _question_form(question) -> QuestionForm:
    """Prefixed by the question, so that each form's fields have their own ids."""
    initial = {"text": question.text, "minutes": question.minutes}
    return QuestionForm(initial=initial, prefix=str(question.public_id))


def _plan_page(request, interview, *, purpose_form=None, question_form=None, status=200):
    if planning.needs_plan(interview) and status == 200:
        planning.build_plan(request.user, interview)
    current = planning.plan_for(interview)
    context = {
        "interview": interview,
        "plan": current,
        "edit_forms": [(q, _question_form(q)) for q in current.questions],
        "purpose_form": purpose_form
        or PurposeForm(initial={"purposes": interview.purposes or planning.DEFAULT_PURPOSES}),
        "question_form": question_form or OwnQuestionForm(),
    }
    return render(request, "interviews/plan.html", context, status=status)


@login_required
@require_safe
def plan(request: HttpRequest, public_id: str) -> HttpResponse:
    return _plan_page(request, services.get_interview(request.user, public_id))


@login_required
@require_POST
def plan_purposes(request: HttpRequest, public_id: str) -> HttpResponse:
    interview = services.get_interview(request.user, public_id)
    form = PurposeForm(request.POST)
    if not form.is_valid():
        return _plan_page(request, interview, purpose_form=form, status=400)
    planning.build_plan(request.user, interview, form.cleaned_data["purposes"])
    return redirect("interviews:plan", public_id=public_id)


@login_required
@require_POST
def plan_question(request: HttpRequest, public_id: str) -> HttpResponse:
    interview = services.get_interview(request.user, public_id)
    form = OwnQuestionForm(request.POST)
    if not form.is_valid():
        return _plan_page(request, interview, question_form=form, status=400)
    planning.add_own_question(request.user, interview, **form.cleaned_data)
    return redirect("interviews:plan", public_id=public_id)


@login_required
@require_POST
def plan_question_edit(request: HttpRequest, public_id: str, question_id: str) -> HttpResponse:
    interview = services.get_interview(request.user, public_id)
    question = planning.question_of(request.user, interview, question_id)
    form = QuestionForm(request.POST, prefix=str(question.public_id))
    if form.is_valid():
        planning.edit_question(request.user, question, **form.cleaned_data)
        messages.success(request, "Question changed; it stays when you choose other purposes.")
    else:
        messages.error(request, form_errors(form))
    return redirect("interviews:plan", public_id=public_id)


@login_required
@require_POST
def plan_question_remove(request: HttpRequest, public_id: str, question_id: str) -> HttpResponse:
    interview = services.get_interview(request.user, public_id)
    question = planning.question_of(request.user, interview, question_id)
    planning.remove_question(request.user, question)
    messages.success(request, f"Removed “{question.text}”.")
    return redirect("interviews:plan", public_id=public_id)


@login_required
@require_POST
def plan_question_move(
    request: HttpRequest, public_id: str, question_id: str, direction: str
) -> HttpResponse:
    interview = services.get_interview(request.user, public_id)
    question = planning.question_of(request.user, interview, question_id)
    questions = planning.plan_for(interview).questions
    to = questions.index(question) + (0 if direction == "up" else 2)
    if 1 <= to <= len(questions):
        planning.move_question(request.user, question, to)
    return redirect(f"{reverse('interviews:plan', args=[public_id])}#q-{question.public_id}")


@login_required
@require_safe
def plan_print(request: HttpRequest, public_id: str) -> HttpResponse:
    interview = services.get_interview(request.user, public_id)
    return render(
        request,
        "interviews/plan_print.html",
        {
            "interview": interview,
            "plan": planning.plan_for(interview),
            "research": research.for_interview(request.user, interview),
        },
    )


@login_required
@require_safe
def conduct(request: HttpRequest, public_id: str) -> HttpResponse:
    interview = services.get_interview(request.user, public_id)
    if planning.needs_plan(interview):
        planning.build_plan(request.user, interview)
    current = planning.plan_for(interview)
    return render(
        request,
        "interviews/conduct.html",
        {
            "interview": interview,
            "plan": current,
            "referral_form": ReferralForm(),
            "referrals": interview.person.referrals(),
        },
    )


@login_required
@require_POST
def notes(request: HttpRequest, public_id: str) -> HttpResponse:
    """Form fields named q-<question id>: autosaved as the user types, or a plain submit.

    The script asks for JSON; a browser without JavaScript gets the page back.
    """
    interview = services.get_interview(request.user, public_id)
    texts = {key[2:]: value for key, value in request.POST.items() if key.startswith("q-")}
    wants_json = "application/json" in request.headers.get("Accept", "")
    try:
        changed = services.save_notes(request.user, interview, texts, now=timezone.now())
    except UserError as error:
        if wants_json:
            return JsonResponse({"error": str(error)}, status=400)
        raise
    if wants_json:
        return JsonResponse({"saved": len(texts), "changed": changed})
    messages.success(request, "Notes saved.")
    return redirect("interviews:conduct", public_id=public_id)


@login_required
@require_POST
def referral(request: HttpRequest, public_id: str) -> HttpResponse:
    """With htmx the list comes back with its own confirmation: a message queued as
    well would only show up again on whatever page is opened next."""
    interview = services.get_interview(request.user, public_id)
    form = ReferralForm(request.POST)
    said, failed = "Write the name they suggested.", True
    if form.is_valid():
        listed = same_person_as(request.user, form.cleaned_data["name"])
        person = services.suggested_in_interview(request.user, interview, **form.cleaned_data)
        if listed:
            said = f"{person.name} is already on your list; noted who suggested them."
        else:
            said = f"Added {person.name} at the top of your list."
        failed = False
    if request.htmx:
        context = {
            "referrals": interview.person.referrals(),
            "interview": interview,
            "said": said,
            "failed": failed,
        }
        return render(request, "interviews/_referrals.html", context)
    if failed:
        messages.error(request, said)
    else:
        messages.success(request, said)
    return redirect("interviews:conduct", public_id=public_id)


@login_required
@require_http_methods(["GET", "POST"])
def after(request: HttpRequest, public_id: str) -> HttpResponse:
    interview = services.get_interview(request.user, public_id)
    initial = {
        "learned": interview.learned,
        "fit_rating": interview.fit_rating,
        "keep_in_touch_on": interview.keep_in_touch_on,
    }
    for insight in interview.insights.all():
        initial[f"insight_{insight.kind}"] = insight.text
    form = LearningForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            afterwards.record_learning(
                request.user,
                interview,
                learned=d["learned"],
                fit_rating=d["fit_rating"],
                insights=form.insights(),
                keep_in_touch_on=d["keep_in_touch_on"],
                now=timezone.now(),
            )
        except UserError as error:  # shown beside its field, with everything as typed
            refused_on_form(form, error)
        else:
            messages.success(request, "Saved what you learned.")
            return redirect("interviews:afterwards", public_id=public_id)
    thanks = (
        [afterwards.thank_you(request.user, interview, r) for r in afterwards.recipients(interview)]
        if afterwards.has_happened(interview, timezone.now())
        else []
    )
    for note in thanks:
        note.mailto = afterwards.mailto_link(note)
    return render(
        request,
        "interviews/afterwards.html",
        {
            "interview": interview,
            "form": form,
            "thanks": thanks,
            "kinds": Insight.Kind.choices,
            "noted": [q for q in planning.plan_for(interview).questions if q.notes.strip()],
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def thanks_sent(request: HttpRequest, public_id: str, person_id: str) -> HttpResponse:
    interview = services.get_interview(request.user, public_id)
    recipient = get_person(request.user, person_id)
    thanks = afterwards.thank_you(request.user, interview, recipient)
    today = profile_for(request.user).today(timezone.now())
    afterwards.mark_thanks_sent(request.user, thanks, today)
    messages.success(request, f"Thank-you to {recipient.name} marked sent.")
    return redirect("interviews:afterwards", public_id=public_id)


@login_required
@require_POST
def add_research(request: HttpRequest, public_id: str) -> HttpResponse:
    interview = services.get_interview(request.user, public_id)
    form = ResearchForm(request.POST)
    if not form.is_valid():
        return _detail_page(request, interview, form, status=400)
    research.add_entry(request.user, interview=interview, **form.cleaned_data)
    messages.success(request, "Added to your research.")
    return redirect("interviews:detail", public_id=public_id)


@login_required
@require_POST
def kept_in_touch(request: HttpRequest, public_id: str) -> HttpResponse:
    interview = services.get_interview(request.user, public_id)
    afterwards.mark_kept_in_touch(request.user, interview)
    messages.success(request, f"Noted: you let {interview.person.name} know how things went.")
    return redirect("agenda:today")
