from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from infointerview.accounts.services import profile_for
from infointerview.lib.day_words import long_day
from infointerview.lib.errors import Refused, UserError
from infointerview.outreach import attempts, drafts, services
from infointerview.outreach.forms import AttemptForm, DraftForm, SentForm, TemplateForm
from infointerview.outreach.models import Channel
from infointerview.people.services import get_person
from infointerview.web import refused_on_form


@login_required
@require_POST
def draft(request: HttpRequest, public_id: str) -> HttpResponse:
    """A refused draft comes back as a form holding what was typed, the error beside it."""
    person = get_person(request.user, public_id)
    form = DraftForm(request.POST)
    if form.is_valid():
        try:
            contact = services.draft(
                request.user,
                person,
                form.cleaned_data["channel"],
                today=_today(request),
                call_on=form.cleaned_data["call_on"],
            )
        except UserError as error:
            refused_on_form(form, error)
        else:
            return redirect("outreach:request", public_id=contact.public_id)
    return render(request, "outreach/draft.html", {"form": form, "person": person}, status=400)


@login_required
@require_safe
def request_page(request: HttpRequest, public_id: str) -> HttpResponse:
    owner = request.user
    contact = services.get_request(owner, public_id)
    return _request_page(request, contact)


def _request_page(
    request: HttpRequest, contact, *, sent_form=None, edit_form=None, status: int = 200
) -> HttpResponse:
    """The request, its draft and attempts; a refused form comes back here as typed."""
    owner = request.user
    today = _today(request)
    edited = edit_form.attempt if edit_form is not None else None
    context = {
        "contact": contact,
        "person": contact.person,
        "sent_form": sent_form or SentForm(initial={"on": today}),
        "attempts": [
            (a, edit_form if a == edited else AttemptForm(attempt=a))
            for a in contact.attempts.all()
        ],
        "monday": services.monday_instead(contact.call_on) if contact.is_draft else None,
        "weekend": services.weekend_warning(contact.call_on),
    }
    if contact.is_draft and services.has_own_template(owner, contact.channel):
        context["template_check"] = services.check_template(
            contact.channel, *services.template_for(owner, contact.channel)
        )
    if contact.channel == Channel.EMAIL:
        context["mailto"] = services.mailto_link(contact)
    if contact.channel == Channel.PHONE or contact.stage == contact.Stage.SENT:
        context["voicemail"] = services.voicemail(owner, contact.person)
    if contact.channel == Channel.PHONE:
        context["steps"] = drafts.practice_steps(contact.body)
        context["resistance"] = services.resistance_answers(owner, contact.person)
    if services.follow_up_note_applies(contact, today):
        context["follow_up"] = services.follow_up_note(owner, contact)
    return render(request, "outreach/request.html", context, status=status)


@login_required
@require_safe
def letter(request: HttpRequest, public_id: str) -> HttpResponse:
    owner = request.user
    contact = services.get_request(owner, public_id)
    return render(
        request,
        "outreach/letter.html",
        {"contact": contact, "profile": profile_for(owner), "today": _today(request)},
    )


@login_required
@require_safe
def eml(request: HttpRequest, public_id: str) -> HttpResponse:
    contact = services.get_request(request.user, public_id)
    response = HttpResponse(
        services.eml_bytes(request.user, contact), content_type="message/rfc822"
    )
    filename = f"request-{contact.person.name.lower().replace(' ', '-')}.eml"
    safe = "".join(c for c in filename if c.isalnum() or c in "-.")
    response["Content-Disposition"] = f'attachment; filename="{safe}"'
    return response


@login_required
@require_safe
def practice(request: HttpRequest, public_id: str) -> HttpResponse:
    """Rehearse the call one step at a time, with no script needed in the browser."""
    owner = request.user
    contact = services.get_request(owner, public_id)
    steps = drafts.practice_steps(contact.body)
    try:
        number = min(max(int(request.GET.get("step", "1")), 1), len(steps) + 1)
    except ValueError:
        number = 1
    context = {
        "contact": contact,
        "steps": steps,
        "number": number,
        "step": steps[number - 1] if number <= len(steps) else None,
        "resistance": services.resistance_answers(owner, contact.person),
    }
    return render(request, "outreach/practice.html", context)


@login_required
@require_POST
def sent(request: HttpRequest, public_id: str) -> HttpResponse:
    """A refused day comes back on the request page, as typed, the error beside it."""
    person = get_person(request.user, public_id)
    contact = services.open_request(request.user, person)
    form = SentForm(request.POST)
    if contact is None:
        raise Refused(f"nothing drafted for {person.name}: write a draft first")
    if form.is_valid():
        try:
            contact = services.mark_sent(
                request.user, person, on=form.cleaned_data["on"], today=_today(request)
            )
        except UserError as error:
            refused_on_form(form, error)
    if form.errors:
        return _request_page(request, contact, sent_form=form, status=400)
    messages.success(
        request,
        f"Marked sent. {contact.get_next_call_kind_display()} due "
        f"{long_day(contact.next_call_on)}.",
    )
    return redirect("agenda:person", public_id=person.public_id)


@login_required
@require_POST
def edit_attempt(request: HttpRequest, public_id: str) -> HttpResponse:
    """Correct an attempt's day and note; a refusal comes back with what was typed."""
    attempt = attempts.get_attempt(request.user, public_id)
    form = AttemptForm(request.POST, attempt=attempt)
    if form.is_valid():
        try:
            attempts.edit_attempt(request.user, attempt, **form.cleaned_data, today=_today(request))
        except UserError as error:
            refused_on_form(form, error)
        else:
            messages.success(request, "Attempt corrected.")
            return redirect("outreach:request", public_id=attempt.request.public_id)
    contact = services.get_request(request.user, attempt.request.public_id)
    return _request_page(request, contact, edit_form=form, status=400)


@login_required
@require_POST
def introduced(request: HttpRequest, public_id: str) -> HttpResponse:
    person = get_person(request.user, public_id)
    services.mark_introduced(request.user, person, on=_today(request))
    messages.success(request, "Introduced: now call to arrange a date and time.")
    return redirect("agenda:person", public_id=person.public_id)


@login_required
@require_POST
def next_name_seen(request: HttpRequest, public_id: str) -> HttpResponse:
    services.mark_next_name_seen(request.user, services.get_request(request.user, public_id))
    return redirect("agenda:today")


@login_required
@require_safe
def templates_page(request: HttpRequest) -> HttpResponse:
    rows = []
    for channel, label in Channel.choices:
        subject, body = services.template_for(request.user, channel)
        rows.append(
            {
                "channel": channel,
                "label": label,
                "check": services.check_template(channel, subject, body),
                "own": services.has_own_template(request.user, channel),
            }
        )
    return render(request, "outreach/templates.html", {"rows": rows})


@login_required
@require_http_methods(["GET", "POST"])
def template_edit(request: HttpRequest, channel: str) -> HttpResponse:
    if channel not in Channel.values:
        raise Http404("no such channel")
    subject, body = services.template_for(request.user, channel)
    form = TemplateForm(request.POST or None, initial={"subject": subject, "body": body})
    check = services.check_template(channel, subject, body)
    if request.method == "POST" and form.is_valid():
        try:
            check = services.save_template(request.user, channel, **form.cleaned_data)
        except UserError as error:
            refused_on_form(form, error)
        else:
            if check.ok:
                messages.success(request, "Template saved.")
            else:
                lacks = "; ".join(element.label for element in check.missing)
                messages.warning(request, f"Saved, but the template does not say: {lacks}.")
            return redirect("outreach:template", channel=channel)
    return render(
        request,
        "outreach/template_edit.html",
        {
            "form": form,
            "channel": channel,
            "label": Channel(channel).label,
            "check": check,
            "placeholders": drafts.PLACEHOLDERS,
            "required": drafts.REQUIRED[channel],
            "own": services.has_own_template(request.user, channel),
        },
    )


@login_required
@require_POST
def reset_template(request: HttpRequest, channel: str) -> HttpResponse:
    if channel not in Channel.values:
        raise Http404("no such channel")
    services.reset_template(request.user, channel)
    messages.success(request, "Back to the built-in wording.")
    return redirect("outreach:template", channel=channel)


def _today(request: HttpRequest):
    return profile_for(request.user).today(timezone.now())
