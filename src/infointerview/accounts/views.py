from django.contrib import messages
from django.contrib.auth import login, update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import SetPasswordForm
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from infointerview.accounts import services
from infointerview.accounts.export import export_data, people_csv
from infointerview.accounts.forms import ProfileForm
from infointerview.lib.errors import UserError


@require_http_methods(["GET", "POST"])
def sign_in_link(request: HttpRequest, token: str) -> HttpResponse:
    """GET only shows a button, so a link preview or prefetch cannot use up the link."""
    if request.method == "POST":
        try:
            user = services.redeem_sign_in_link(token)
        except UserError as error:
            return render(request, "accounts/sign_in_link.html", {"error": str(error)}, status=410)
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, "Signed in. You can set a password under Settings.")
        return redirect("agenda:today")
    return render(request, "accounts/sign_in_link.html", {})


@login_required
def export_json(request: HttpRequest) -> HttpResponse:
    response = JsonResponse(export_data(request.user), json_dumps_params={"indent": 2})
    response["Content-Disposition"] = 'attachment; filename="infointerview-export.json"'
    return response


@login_required
def export_people_csv(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(people_csv(request.user), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="infointerview-people.csv"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def settings_page(request: HttpRequest) -> HttpResponse:
    profile = services.profile_for(request.user)
    profile_form = ProfileForm(instance=profile)
    password_form = SetPasswordForm(request.user)
    if request.method == "POST" and "save_profile" in request.POST:
        profile_form = ProfileForm(request.POST, instance=profile)
        if profile_form.is_valid():
            profile_form.save()
            messages.success(request, "Settings saved.")
            return redirect("accounts:settings")
    elif request.method == "POST" and "set_password" in request.POST:
        password_form = SetPasswordForm(request.user, request.POST)
        if password_form.is_valid():
            password_form.save()
            update_session_auth_hash(request, password_form.user)
            messages.success(request, "Password set.")
            return redirect("accounts:settings")
    return render(
        request,
        "accounts/settings.html",
        {"profile_form": profile_form, "password_form": password_form},
    )
