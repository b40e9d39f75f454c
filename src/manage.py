#!/usr/bin/env python
"""Django's own management commands, for maintenance such as makemigrations."""

import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "infointerview.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
