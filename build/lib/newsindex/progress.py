"""A progress bar for long runs, on stderr and only when it is a terminal."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable


def progress_bar(total: int | None, desc: str, unit: str = "doc") -> Callable[[Iterable], Iterable]:
    def wrap(items: Iterable) -> Iterable:
        try:
            from tqdm import tqdm
        except ImportError:
            return items
        return tqdm(items, total=total, unit=unit, desc=desc, disable=None, file=sys.stderr)
    return wrap
