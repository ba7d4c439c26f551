"""What a failed write to the store tells the user: one line, what happened, what to do.

SQLite reports a full disk, a read-only file and a lock held too long as
`sqlite3.OperationalError`s whose text means little to a user. The store rolls the batch
back first (so no partial batch is ever left behind), then raises the `StoreError` made
here. Batches committed before the failing one stay, and running the same ingest again
goes on where it stopped: unchanged papers are passed over.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from .errors import StoreError

_AFTER = ("Nothing of the failed batch was written and the papers stored before it are kept; "
          "run the same ingest again afterwards")


def write_error(path: Path, exc: sqlite3.Error) -> StoreError:
    """The `StoreError` for a write to the database at `path` that SQLite refused."""
    text = str(exc).casefold()
    if "full" in text:
        what = f"the disk holding {path} is full ({exc}); free some space"
    elif "readonly" in text or "read-only" in text or "read only" in text:
        what = (f"{path} is read-only ({exc}); make the file and its folder writable, "
                "or pass --db with a writable copy")
    elif "locked" in text or "busy" in text:
        what = f"{path} is locked by another writer ({exc}); wait for it to finish"
    elif "disk i/o" in text:
        what = f"the disk holding {path} failed a write ({exc}); check the disk"
    else:
        what = f"writing to {path} failed ({exc}); check the file"
    return StoreError(f"Cannot write to the database: {what}. {_AFTER}.")
