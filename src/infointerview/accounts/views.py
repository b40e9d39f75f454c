from django.contrib import messages
from django.contrib.auth import login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from infointerview.accounts import services
from infointerview.lib.errors import UserError

# When this session began with a sign-in link: a forgotten password may then be replaced.
SIGNED_IN_BY_LINK_AT = "signed_in_by_link_at"


@require_http_methods(["GET", "POST"])
def sign_in_link(request: HttpRequest, token: str) -> HttpResponse:
    """GET only shows a button, so a link preview or prefetch cannot use up the link."""
    if request.method == "POST":
        now = timezone.now()
        try:
            user = services.redeem_sign_in_link(token, now)
        except UserError as error:
            return render(request, "accounts/sign_in_link.html", {"error": str(error)}, status=410)
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        request.session[SIGNED_IN_BY_LINK_AT] = now.isoformat()
        messages.success(request, "Signed in. You can set a password under Settings.")
        return redirect("agenda:today")
    return render(request, "accounts/sign_in_link.html", {})
