"""The data panel of Explore: start the download, follow it, or upload the file instead."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.views.decorators.http import require_POST

from infointerview.careers import data_setup
from infointerview.lib.errors import UserError

# The panel's id: while a download runs it asks the Explore page for itself by this name.
PANEL_ID = "data-setup"


class UploadForm(forms.Form):
    file = forms.FileField(
        label="O*NET release or BLS wage file",
        help_text="The O*NET text zip (db_30_0_text.zip), or the BLS zip, workbook or CSV.",
    )


class StartForm(forms.Form):
    """What the page offered to download: a blank POST starts nothing."""

    what = forms.ChoiceField(choices=list(data_setup.WHAT.items()), widget=forms.HiddenInput)


def panel_context(request: HttpRequest) -> dict:
    """What the panel shows: what is missing, how the last download went, what may be done."""
    now = timezone.now()
    status = data_setup.read_status(now)
    return {
        "missing": data_setup.missing(),
        "status": status if status and status.recent(now) else None,
        "may_fetch": data_setup.may_fetch(request.user),
        "upload_form": UploadForm(),
        "panel_id": PANEL_ID,
        "career_center": bool(settings.DATABASE_URL),
    }


def _allowed(request: HttpRequest) -> None:
    if not data_setup.may_fetch(request.user):
        raise PermissionDenied("only staff may download or import the shared data")


@login_required
@require_POST
def start_download(request: HttpRequest) -> HttpResponse:
    _allowed(request)
    form = StartForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Nothing to download was chosen: use the Download button.")
        return redirect("careers:explore")
    try:
        data_setup.start(timezone.now(), form.cleaned_data["what"])
    except UserError as error:
        messages.error(request, str(error))
    return redirect("careers:explore")


@login_required
@require_POST
def upload_data(request: HttpRequest) -> HttpResponse:
    _allowed(request)
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, "Choose the file to import.")
        return redirect("careers:explore")
    upload = form.cleaned_data["file"]
    try:
        data_setup.start_import(timezone.now(), upload, upload.name)
    except UserError as error:
        messages.error(request, f"Not imported: {error}")
    return redirect("careers:explore")
