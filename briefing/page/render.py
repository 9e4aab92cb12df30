"""Render: the assembled view into the report's files, all as bytes in memory.

``index.html`` comes from the templates with the stylesheet inlined and a
Content-Security-Policy that admits that one stylesheet and nothing else. (The JSON and
CSV outputs are made in ``output/data.py``.)
"""

from __future__ import annotations

import base64
import hashlib
import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
from markupsafe import Markup

from ..findings import vocab, when
from ..words import counted, plural
from . import precompiled
from .dates import reader_date
from .view import demote_headings
from .view_claims import ClaimEntry, ClaimView, entry, flag_badge

if TYPE_CHECKING:
    from .view import Page

__all__ = ["reader_date", "render_html"]

# The package folder itself: an installed package is a folder on disk, and reading it
# directly spares the import of importlib.resources and its zip support on every build.
_PACKAGE = Path(__file__).resolve().parent


TEMPLATES = _PACKAGE / "templates"
COMPILED = _PACKAGE / "compiled"
# How the templates are compiled; the compiled templates shipped in the package record
# these, and are used only while they match (see precompiled.py).
_SETTINGS: dict[str, Any] = {
    "autoescape": True,
    "undefined": jinja2.StrictUndefined,
    "keep_trailing_newline": True,
    "trim_blocks": True,
    "lstrip_blocks": True,
}


def settings_fingerprint() -> str:
    return repr(
        sorted((key, getattr(value, "__qualname__", value)) for key, value in _SETTINGS.items())
    )


@cache
def environment() -> jinja2.Environment:
    """The templates' environment, made once per process: from the compiled templates
    shipped in the package while they are current, else compiling the templates (a
    watcher drops this after a template changes, and compiles them afresh)."""
    if precompiled.current(TEMPLATES, COMPILED, settings_fingerprint()):
        return _environment(jinja2.ModuleLoader(COMPILED))
    return compiling_environment()


def stamp() -> tuple[tuple[str, int, int], ...]:
    """When and how big each template and the stylesheet are: a watch session draws with
    the templates it has until this changes, keeping what it drew with them."""
    files = [*sorted(TEMPLATES.glob("*.html")), _PACKAGE / "static" / "briefing.css"]
    stats = [(f.name, f.stat()) for f in files]
    return tuple((name, st.st_mtime_ns, st.st_size) for name, st in stats)


def compiling_environment() -> jinja2.Environment:
    """The environment that compiles the templates from their sources."""
    return _environment(jinja2.FileSystemLoader(TEMPLATES))


def _environment(loader: jinja2.BaseLoader) -> jinja2.Environment:
    env = jinja2.Environment(loader=loader, **_SETTINGS)
    env.globals["reader_date"] = reader_date
    env.globals["vocab"] = vocab
    env.filters["iso"] = when.iso  # a date, or a date and time to the minute
    env.globals["demote"] = demote_headings
    env.globals["flag_badge"] = flag_badge
    env.filters["plural"] = plural
    env.filters["counted"] = counted
    env.globals["claim_entry"] = EntryDrawer(env)
    return env


class EntryDrawer:
    """Draws a reported finding's entry from its record (view_claims.ClaimEntry). The
    entries of the last page are kept by record, with the environment whose templates
    drew them: a page drawn again in the same process (a watch session's next build)
    reuses the HTML of every entry whose record is unchanged."""

    def __init__(self, env: jinja2.Environment) -> None:
        self.template = env.get_template("claim_entry.html")
        self.last: dict[ClaimEntry, Markup] = {}
        self.now: dict[ClaimEntry, Markup] = {}

    def new_page(self) -> None:
        """Keep the entries the page before this one drew, and only those."""
        self.last, self.now = self.now, {}

    def __call__(self, view: ClaimView) -> Markup:
        record = entry(view)
        drawn = self.now.get(record) or self.last.get(record)
        if drawn is None:
            cited = [c.html() for c in view.citations]
            drawn = Markup(self.template.render(e=record, cited=cited))
        self.now[record] = drawn
        return drawn


@cache
def stylesheet() -> str:
    return (_PACKAGE / "static" / "briefing.css").read_text(encoding="utf-8")


def content_security_policy(css: str) -> str:
    digest = base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode("ascii")
    # No scripts, no fetches, no frames: only the one inline stylesheet, by its hash.
    return (
        f"default-src 'none'; style-src 'sha256-{digest}'; img-src data:; "
        "base-uri 'none'; form-action 'none'"
    )


def render_html(view: Page) -> bytes:
    css = stylesheet() + _whole_passage_rules(view) + view.marking_css + "\n"
    env = environment()
    drawer = env.globals["claim_entry"]
    assert isinstance(drawer, EntryDrawer)
    drawer.new_page()
    html = env.get_template("page.html").render(
        # The stylesheet is ours, not input: inserted verbatim so that its hash holds.
        **view.context(),
        css=Markup(css),
        csp=content_security_policy(css),
    )
    page = html.encode("utf-8")
    if _may_hold_controls(page) and _controls().search(html):
        page = _controls().sub("\ufffd", html).encode("utf-8")
    return page


# Control characters and noncharacters are not allowed in HTML; a source or a field may
# still hold them (a NUL, an escape sequence, a bell, a U+FFFE). On the page they show as
# U+FFFD; findings.json keeps the text as it is, and offsets are unchanged (one character
# for one). Compiled only for a page that may hold one: most never do.
@cache
def _controls() -> re.Pattern[str]:
    return re.compile(
        "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef"
        + "".join(
            chr(plane + 0xFFFE) + chr(plane + 0xFFFF) for plane in range(0, 0x110000, 0x10000)
        )
        + "]"
    )


# The bytes that begin, in UTF-8, every character _controls() may find: the C0 controls
# and DEL themselves, 0xC2 (U+0080-U+00BF), 0xEF (U+F000-U+FFFF) and the lead bytes of the
# characters beyond the BMP. Deleting every other byte of a page leaves a few bytes, and
# most pages hold none of these characters; a search of the text is needed only then.
_MAYBE = b"".join(
    (bytes(range(0x00, 0x09)), b"\x0b\x0c", bytes(range(0x0E, 0x20)), b"\x7f\xc2\xef"),
) + bytes(range(0xF0, 0xF5))
_ORDINARY = bytes(sorted(set(range(256)) - set(_MAYBE)))
_C1 = re.compile(rb"\xc2[\x80-\x9f]")  # U+0080-U+009F
_NONCHARACTERS = re.compile(rb"\xef[\xb7\xbf]")  # U+FDC0-U+FDFF, U+FFC0-U+FFFF


def _may_hold_controls(page: bytes) -> bool:
    """False when the page (UTF-8) surely holds none of the characters _controls() finds:
    a pass over the bytes in C, where a search of the text would cost tens of times more."""
    rare = page.translate(None, _ORDINARY)
    if not rare:
        return False
    if rare.strip(b"\xc2\xef"):  # a control itself, or a character beyond the BMP
        return True
    return bool(_C1.search(page) or _NONCHARACTERS.search(page))


def _whole_passage_rules(view: Page) -> str:
    """A passage in several pieces carries its id on the first piece only; these rules
    light up every piece when a citation targets it, with no script."""
    rules = []
    for source in view.sources:
        for mark in source.split_passages:
            rules.append(
                f".source-text:has(#{mark.anchor}:target) "
                f'mark[data-passages~="{mark.number}"]'
                "{background:var(--target);outline:2px solid var(--target-line)}"
            )
    return "".join(f"\n{rule}" for rule in rules) + ("\n" if rules else "")
