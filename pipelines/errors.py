"""Errors the CLI turns into one clear line and a non-zero exit."""


class NewsindexError(Exception):
    """A failure of the whole command: the message says what went wrong and what to do."""


def disk_full(exc: BaseException) -> str | None:
    """The one line for a write that failed for want of space (a full disk, a quota, a file-size limit), else
    None: the run stops (what was indexed stays, ids are stable), and the line says where and what to do."""
    import errno
    import sqlite3

    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        where = f" writing {exc.filename}" if exc.filename else ""
        return (f"no space left{where} ({exc.strerror}): free some space and run the same command again "
                "(what was already indexed is not written twice)")
    if isinstance(exc, sqlite3.OperationalError) and "full" in str(exc):
        return (f"no space left for a store ({exc}): free some space and run the same command again (what was "
                "already indexed is not written twice)")
    return None
