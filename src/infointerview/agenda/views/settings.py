from datetime import datetime

from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordChangeForm, SetPasswordForm
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST, require_safe

from infointerview.accounts import services as accounts
from infointerview.accounts.services import profile_for
from infointerview.accounts.views import SIGNED_IN_BY_LINK_AT
from infointerview.agenda.export import export_data, people_csv
from infointerview.agenda.forms import ProfileForm


def _page(request: HttpRequest, profile_form=None, password_form=None, status: int = 200):
    context = {
        "profile_form": profile_form or ProfileForm(instance=profile_for(request.user)),
        "password_form": password_form or _password_form(request),
    }
    return render(request, "agenda/settings.html", context, status=status)


@login_required
@require_safe
def settings_page(request: HttpRequest) -> HttpResponse:
    return _page(request)


@login_required
@require_POST
def save_profile(request: HttpRequest) -> HttpResponse:
    form = ProfileForm(request.POST, instance=profile_for(request.user))
    if not form.is_valid():
        return _page(request, profile_form=form, status=400)
    profile = form.save()
    if "time_zone" in form.changed_data:
        messages.success(
            request,
            f"Settings saved. Times now read in {profile.time_zone} time: interviews already "
            "planned keep their moment, so their clock times may have changed.",
        )
    else:
        messages.success(request, "Settings saved.")
    return redirect("agenda:settings")


def _password_form(request: HttpRequest, data=None):
    """Asks for the current password once there is one (see needs_current_password)."""
    by_link = request.session.get(SIGNED_IN_BY_LINK_AT)
    by_link_at = datetime.fromisoformat(by_link) if by_link else None
    if accounts.needs_current_password(request.user, by_link_at, timezone.now()):
        form = PasswordChangeForm(request.user, data)
        form.fields["old_password"].widget.attrs.pop("autofocus", None)  # not the page's first
        return form
    return SetPasswordForm(request.user, data)


@login_required
@require_POST
def set_password(request: HttpRequest) -> HttpResponse:
    form = _password_form(request, request.POST)
    if not form.is_valid():
        return _page(request, password_form=form, status=400)
    changed = request.user.has_usable_password()
    accounts.change_password(
        request.user, form.cleaned_data["new_password1"], keep_session=request.session.session_key
    )
    update_session_auth_hash(request, request.user)
    request.session.pop(SIGNED_IN_BY_LINK_AT, None)
    if changed:
        messages.success(request, "Password changed. You are signed out everywhere else.")
    else:
        messages.success(request, "Password set.")
    return redirect("agenda:settings")


@login_required
@require_safe
def export_json(request: HttpRequest) -> HttpResponse:
    response = JsonResponse(
        export_data(request.user, timezone.now()), json_dumps_params={"indent": 2}
    )
    response["Content-Disposition"] = 'attachment; filename="infointerview-export.json"'
    return response


@login_required
@require_safe
def export_people_csv(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(people_csv(request.user), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="infointerview-people.csv"'
    return response
