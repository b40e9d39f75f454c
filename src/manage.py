#!/usr/bin/env python
"""Django's own management commands, for maintenance such as makemigrations."""

import os
import sys

from infointerview.lib.private_files import use_private_umask

if __name__ == "__main__":
    use_private_umask()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "infointerview.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
