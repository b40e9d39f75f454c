"""Errors the user can act on; the CLI prints them as one line, the web as a message."""


class UserError(Exception):
    """Something the user asked for cannot be done as asked; nothing was changed."""


class NotFound(UserError):
    pass


class Refused(UserError):
    pass


class Ambiguous(UserError):
    def __init__(self, message: str, candidates: list[str]):
        super().__init__(message)
        self.candidates = candidates
