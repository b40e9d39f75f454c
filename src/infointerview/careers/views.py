from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from infointerview.careers import services
from infointerview.careers.forms import TargetForm
from infointerview.lib.errors import UserError


@login_required
@require_http_methods(["GET", "POST"])
def targets_page(request: HttpRequest) -> HttpResponse:
    form = TargetForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            target = services.add_target(request.user, **form.cleaned_data)
        except UserError as error:
            form.add_error("name", str(error))
        else:
            messages.success(request, f"Added {target.name} to your shortlist.")
            return redirect("careers:targets")
    return render(
        request,
        "careers/targets.html",
        {"form": form, "targets": services.list_targets(request.user)},
    )
