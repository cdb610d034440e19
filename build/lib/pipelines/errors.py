"""Errors the CLI turns into one clear line and a non-zero exit."""


class NewsindexError(Exception):
    """A failure of the whole command: the message says what went wrong and what to do."""
