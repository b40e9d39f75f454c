from django import forms
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from infointerview.agenda.account_deletion import delete_account, what_will_be_removed


class ConfirmDeletion(forms.Form):
    """Typing the name, not ticking a box, so the account is never deleted by a slip."""

    username = forms.CharField(label="Type your user name to confirm", strip=True)

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["username"].widget.attrs["autocomplete"] = "off"

    def clean_username(self) -> str:
        typed = self.cleaned_data["username"]
        if typed != self.user.get_username():
            raise forms.ValidationError("That is not your user name; nothing was deleted.")
        return typed


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def delete_account_page(request: HttpRequest) -> HttpResponse:
    form = ConfirmDeletion(request.user, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        name = request.user.get_username()
        delete_account(request.user)
        logout(request)
        messages.success(request, f"The account {name} and everything in it were deleted.")
        return redirect("accounts:login")
    context = {"form": form, "removed": what_will_be_removed(request.user)}
    return render(
        request, "agenda/delete_account.html", context, status=400 if form.errors else 200
    )
