from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import SetPasswordForm
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST, require_safe

from infointerview.accounts.services import profile_for
from infointerview.agenda.export import export_data, people_csv
from infointerview.agenda.forms import ProfileForm


def _page(request: HttpRequest, profile_form=None, password_form=None, status: int = 200):
    context = {
        "profile_form": profile_form or ProfileForm(instance=profile_for(request.user)),
        "password_form": password_form or SetPasswordForm(request.user),
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
    form.save()
    messages.success(request, "Settings saved.")
    return redirect("agenda:settings")


@login_required
@require_POST
def set_password(request: HttpRequest) -> HttpResponse:
    form = SetPasswordForm(request.user, request.POST)
    if not form.is_valid():
        return _page(request, password_form=form, status=400)
    form.save()
    update_session_auth_hash(request, form.user)
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
