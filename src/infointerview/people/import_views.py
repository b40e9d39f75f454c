"""Importing contacts from the web: upload, look at the preview, confirm."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from infointerview.lib.errors import UserError
from infointerview.people.imports import pending
from infointerview.people.imports.batch import PlanChanged, import_contacts
from infointerview.people.imports.mapped_csv import mapping_from
from infointerview.people.imports.plan import Plan
from infointerview.people.models import ImportBatch, Source

# Rows listed one by one in the preview; past this they are only counted.
ROWS_SHOWN = 200


class ImportForm(forms.Form):
    file = forms.FileField(
        label="Contacts file",
        help_text="LinkedIn's Connections.csv, a vCard (.vcf), a Google Contacts CSV, "
        "or any CSV list such as an alumni list.",
    )
    file_format = forms.ChoiceField(
        label="Format",
        required=False,
        choices=[("", "Find out from the file"), *ImportBatch.Format.choices],
    )
    source = forms.ChoiceField(
        label="Where these names came from",
        required=False,
        choices=[("", "As usual for the format"), *Source.choices],
    )
    mapping = forms.CharField(
        label="Columns (a CSV list only)",
        required=False,
        max_length=1000,
        help_text="Only if the headings are unusual: name=Full Name,email=E-mail,employer=Company",
    )

    def clean_mapping(self) -> dict[str, str]:
        try:
            return mapping_from(self.cleaned_data["mapping"])
        except UserError as error:
            raise forms.ValidationError(str(error)) from None


class ConfirmForm(forms.Form):
    token = forms.RegexField(regex=r"^[0-9a-f]{32}$", widget=forms.HiddenInput)


@login_required
@require_http_methods(["GET", "POST"])
def upload(request: HttpRequest) -> HttpResponse:
    """The form, and on POST the preview of what importing the file would do."""
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        chosen = form.cleaned_data
        waiting = None
        try:
            waiting = pending.keep(request.user, chosen["file"], chosen["file"].name)
            waiting.file_format = chosen["file_format"] or None
            waiting.source = chosen["source"] or None
            waiting.mapping = chosen["mapping"]
            plan, _ = import_contacts(
                request.user, waiting.path, now=timezone.now(), dry_run=True, **waiting.options()
            )
        except UserError as error:
            if waiting is not None:
                pending.forget(request.user, waiting.token)
            form.add_error("file", str(error))
        else:
            return _preview(request, waiting, plan)
    status = 400 if form.errors else 200
    return render(request, "people/import.html", {"form": form}, status=status)


def _preview(request: HttpRequest, waiting: pending.Pending, plan: Plan) -> HttpResponse:
    waiting.counts = plan.counts
    pending.remember(request.user, waiting)
    listed = [s for s in plan.steps if s.outcome != "created" or s.conflicts or s.left_out]
    context = {
        "plan": plan,
        "listed": listed,
        "unlisted": len(plan.steps) - len(listed),
        "confirm": ConfirmForm(initial={"token": waiting.token}),
    }
    return render(request, "people/import_preview.html", context)


@login_required
@require_POST
def confirm(request: HttpRequest) -> HttpResponse:
    """Import what the preview showed, checked again; a changed plan is shown anew."""
    form = ConfirmForm(request.POST)
    if not form.is_valid():
        messages.error(request, "That preview has expired: choose the file again.")
        return redirect("people:import_contacts")
    token = form.cleaned_data["token"]
    waiting = pending.waiting(request.user, token)
    try:
        plan, batch = import_contacts(
            request.user,
            waiting.path,
            now=timezone.now(),
            expected=waiting.counts,
            **waiting.options(),
        )
    except PlanChanged as changed:
        messages.warning(request, str(changed))
        return _preview(request, waiting, changed.plan)
    except UserError as error:
        pending.forget(request.user, token)
        messages.error(request, f"Not imported: {error}")
        return redirect("people:import_contacts")
    pending.forget(request.user, token)
    counts = plan.counts
    if batch is None:
        messages.info(request, f"Nothing to import from {plan.file_name}: no one new or changed.")
    else:
        messages.success(
            request,
            f"Imported {plan.file_name}: {counts['created']} added, {counts['updated']} updated, "
            f"{counts['merged']} merged into people already listed.",
        )
    return redirect("agenda:people")
