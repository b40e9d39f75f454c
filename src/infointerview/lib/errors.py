"""Errors the user can act on; the CLI prints them as one line, the web as a message."""


class UserError(Exception):
    """Something the user asked for cannot be done as asked; nothing was changed."""


class NotFound(UserError):
    pass


class Refused(UserError):
    pass


class FieldRefused(Refused):
    """Refused because of one value the user gave; forms show it beside that field.

    The message names the value in words, never a command-line flag, so that the web and
    the command line can both show it as it is.
    """

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


class Ambiguous(UserError):
    def __init__(self, message: str, candidates: list[str]):
        super().__init__(message)
        self.candidates = candidates
