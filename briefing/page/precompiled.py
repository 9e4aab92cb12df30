"""Precompiled: the page's templates compiled ahead of time and shipped in the package
(``page/compiled/``), so that a one-shot build does not compile them; compiling them is
about a quarter of a cold build's own work.

They are generated, like ``findings.schema.json``: ``python -m briefing.page.precompiled
--write`` makes them afresh, and a test fails when the committed ones are not what it would
make. A build uses them only while they are current: the manifest beside them names the
Jinja version, the environment's settings and each template's sha256, and any difference
(a template edited under ``--watch``, another Jinja) makes the build compile the templates
itself, in memory, as if there were none.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path
from typing import Any

import jinja2

MANIFEST = "manifest.json"
REFRESH = "python -m briefing.page.precompiled --write"


def manifest(templates: Path, settings: str) -> dict[str, Any]:
    """What compiled templates depend on: the Jinja that compiled them, the settings it
    compiled them with, and every template's bytes."""
    return {
        "jinja": jinja2.__version__,
        "settings": settings,
        "templates": {
            path.name: hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(templates.glob("*.html"))
        },
    }


def current(templates: Path, compiled: Path, settings: str) -> bool:
    """True when the templates in ``compiled`` were made from ``templates`` as they are now,
    with these settings and this Jinja."""
    try:
        kept = json.loads((compiled / MANIFEST).read_text(encoding="utf-8"))
        return bool(kept == manifest(templates, settings))
    except (OSError, ValueError):
        return False


def write(env: jinja2.Environment, templates: Path, compiled: Path, settings: str) -> None:
    """Compile every template of ``env`` into ``compiled``, replacing what was there."""
    compiled.mkdir(exist_ok=True)
    for old in compiled.glob("tmpl_*.py"):
        old.unlink()
    env.compile_templates(compiled, zip=None, ignore_errors=False)
    text = json.dumps(manifest(templates, settings), indent=2, sort_keys=True) + "\n"
    (compiled / MANIFEST).write_text(text, encoding="utf-8")


def main(argv: list[str]) -> int:
    from . import render

    if "--write" in argv:
        write(
            render.compiling_environment(),
            render.TEMPLATES,
            render.COMPILED,
            render.settings_fingerprint(),
        )
        return 0
    if current(render.TEMPLATES, render.COMPILED, render.settings_fingerprint()):
        return 0
    print(f"briefing/page/compiled/ is stale: run {REFRESH}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
