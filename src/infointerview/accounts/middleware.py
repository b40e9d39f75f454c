from zoneinfo import ZoneInfo

from django.utils import timezone

from infointerview.accounts.services import profile_for


class UserTimeZoneMiddleware:
    """Show times in the signed-in user's own time zone; the profile is read here, once."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            request.profile = profile_for(user)
            timezone.activate(ZoneInfo(request.profile.time_zone))
        else:
            timezone.deactivate()
        return self.get_response(request)
