"""Compiled section templates, kept between briefs and between runs.

Compiling the dozen section templates (Jinja parses them and compiles the
generated Python) costs about as much CPU as assembling a small brief, on
every cold `brief SUBJECT`. The compiled code is kept in memory (a pack's
briefs share it) and in the user's cache folder beside the corpus cache
(`brief.corpus.cache.cache_root`), never in the workspace: loading it runs
code, as loading a pickled corpus does.

An entry is found by the template's name and file, and by the code that
generates it (this module, `brief.templates`, `brief.template_budget`, the
versions of Jinja and Python): a brief upgrade never runs code another
version generated. Jinja itself checks the source's checksum, so an edited
template compiles again and replaces its entry. `BRIEF_NO_CACHE=1` keeps it
in memory only. The output does not depend on the cache: the same template
gives the same code.
"""

from __future__ import annotations

import functools
import hashlib
import sys
from pathlib import Path

import jinja2
import jinja2.bccache

KEEP = 256
"""Compiled templates kept on disk; the least recently written beyond these are removed."""


@functools.cache
def _generator_digest() -> bytes:
    """What the compiled code depends on besides the template's own source."""
    digest = hashlib.sha256(f"jinja {jinja2.__version__}; python {sys.version}".encode())
    here = Path(__file__).parent
    for name in ("template_cache.py", "templates.py", "template_budget.py"):
        digest.update(name.encode() + b"\0" + (here / name).read_bytes())
    return digest.digest()


def _folder() -> Path | None:
    from brief.corpus import cache

    return cache.cache_root() / "templates" if cache.enabled() else None


class TemplateBytecodeCache(jinja2.BytecodeCache):
    """Memory first, then the cache folder; a damaged or unwritable entry costs a compile."""

    def __init__(self) -> None:
        self._memory: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self._memory.get(bucket.key)
        if code is None:
            code = self._read(bucket.key)
        if code is None:
            return
        try:
            bucket.bytecode_from_string(code)  # Jinja resets it on another source's checksum
        except Exception:  # truncated or overwritten: compile afresh
            bucket.reset()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = bucket.bytecode_to_string()
        self._memory[bucket.key] = code
        self._write(bucket.key, code)

    @staticmethod
    def _path(key: str) -> Path | None:
        folder = _folder()
        if folder is None:
            return None
        name = hashlib.sha256(_generator_digest() + key.encode()).hexdigest()
        return folder / f"{name}.jinja"

    def _read(self, key: str) -> bytes | None:
        path = self._path(key)
        if path is None:
            return None
        try:
            return path.read_bytes()
        except OSError:
            return None

    def _write(self, key: str, code: bytes) -> None:
        path = self._path(key)
        if path is None:
            return
        from brief.fsutil import write_cache_entry

        write_cache_entry(path, code, "*.jinja", KEEP)
