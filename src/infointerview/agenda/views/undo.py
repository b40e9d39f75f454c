from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from infointerview.agenda import undo
from infointerview.people.services import get_person


@login_required
@require_POST
def undo_latest(request: HttpRequest, public_id: str) -> HttpResponse:
    """Take back the latest attempt logged for a person; a refusal says what is in the way."""
    person = get_person(request.user, public_id)
    messages.success(request, undo.undo_latest(request.user, person).summary())
    return redirect("agenda:person", public_id=person.public_id)
