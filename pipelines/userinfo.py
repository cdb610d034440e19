"""Credentials inside a URL (``http://user:secret@host/``), taken out before the URL is printed or stored.

Plain string work on the authority part, so a URL that ``urlsplit`` refuses (``http://[::1``, a bad port) is
cleaned too: the message that names a malformed URL must not be where its password leaks, or where it raises.
"""

from __future__ import annotations

from urllib.parse import unquote


def split_credentials(url: str) -> tuple[str, str | None, str | None]:
    """``(url without user and password, user, password)``; a URL without them comes back as it is."""
    scheme, sep, rest = url.partition("://")
    if not sep:
        return url, None, None
    end = min((i for i in (rest.find("/"), rest.find("?"), rest.find("#")) if i >= 0), default=len(rest))
    authority, tail = rest[:end], rest[end:]
    if "@" not in authority:
        return url, None, None
    userinfo, host = authority.rsplit("@", 1)
    user, colon, password = userinfo.partition(":")
    return f"{scheme}://{host}{tail}", unquote(user), unquote(password) if colon else None


def without_credentials(url: str | None) -> str | None:
    """A URL as it may be stored or logged: user and password taken out."""
    return split_credentials(url)[0] if url else url


def redacted(url: str) -> str:
    """A URL as it may be shown: ``https://user:***@host`` (the user is kept, it says which account)."""
    clean, user, password = split_credentials(url)
    if password is None:
        return url
    scheme, _, rest = clean.partition("://")
    return f"{scheme}://{user}:***@{rest}"
