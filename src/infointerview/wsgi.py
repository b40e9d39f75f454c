"""The web app for a WSGI server; files it creates are private to the user running it."""

import os

from django.core.wsgi import get_wsgi_application

from infointerview.lib.private_files import use_private_umask

use_private_umask()
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "infointerview.settings")
application = get_wsgi_application()
