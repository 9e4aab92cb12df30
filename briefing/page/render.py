"""Render: the assembled view into the report's files, all as bytes in memory.

``index.html`` comes from the templates with the stylesheet inlined and a
Content-Security-Policy that admits that one stylesheet and nothing else. (The JSON and
CSV outputs are made in ``output/data.py``.)
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import jinja2
from markupsafe import Markup

from .. import cache as user_cache
from ..findings import vocab
from .dates import reader_date
from .view import demote_headings

if TYPE_CHECKING:
    from .view import Page

__all__ = ["reader_date", "render_html"]

# The package folder itself: an installed package is a folder on disk, and reading it
# directly spares the import of importlib.resources and its zip support on every build.
_PACKAGE = Path(__file__).resolve().parent


@cache
def environment(kept: bool = True) -> jinja2.Environment:
    """The templates' environment; ``kept`` False compiles them afresh, in memory."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(_PACKAGE / "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        bytecode_cache=_bytecode_cache() if kept else None,
    )
    env.globals["reader_date"] = reader_date
    env.globals["vocab"] = vocab
    env.globals["demote"] = demote_headings
    return env


def _bytecode_cache() -> jinja2.BytecodeCache:
    """Compiled templates kept between runs: compiling them costs more than a build. Jinja
    checks a template's text; how it is compiled depends on Jinja and on the settings here,
    so both name the folder."""
    this_file = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:12]
    return _KeptTemplates(f"jinja-{jinja2.__version__}-{this_file}")


class _KeptTemplates(jinja2.BytecodeCache):
    """Compiled templates in the user's cache folder, reached only the way
    :mod:`briefing.cache` allows (Jinja's own file cache follows paths, and unpickles
    what it finds). Jinja keys each by the template's name and checksum, so an edited
    template is compiled afresh; where no folder can be had, templates are compiled in
    memory."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._held: user_cache.KeptFolder | None = None

    @contextlib.contextmanager
    def held(self) -> Iterator[None]:
        """The folder kept open while a page is rendered: its templates load one by one,
        and each would otherwise walk the path to the folder again."""
        with user_cache.opened(self.kind) as folder:
            self._held = folder
            try:
                yield
            finally:
                self._held = None

    def _folder(self) -> contextlib.AbstractContextManager[user_cache.KeptFolder | None]:
        return contextlib.nullcontext(self._held) if self._held is not None else \
            user_cache.opened(self.kind)

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        with self._folder() as folder:
            data = folder.read(self._name(bucket)) if folder is not None else None
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        with self._folder() as folder:
            if folder is not None and folder.write(self._name(bucket),
                                                   bucket.bytecode_to_string()):
                folder.clear_out()  # leftovers of a build killed while writing

    @staticmethod
    def _name(bucket: jinja2.bccache.Bucket) -> str:
        return f"__jinja2_{bucket.key}.cache"


@cache
def stylesheet() -> str:
    return (_PACKAGE / "static" / "briefing.css").read_text(encoding="utf-8")


def content_security_policy(css: str) -> str:
    digest = base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode("ascii")
    # No scripts, no fetches, no frames: only the one inline stylesheet, by its hash.
    return (f"default-src 'none'; style-src 'sha256-{digest}'; img-src data:; "
            "base-uri 'none'; form-action 'none'")


def render_html(view: Page, kept: bool = True) -> bytes:
    css = stylesheet() + _whole_passage_rules(view) + view.marking_css + "\n"
    env = environment(kept)
    templates = env.bytecode_cache
    with templates.held() if isinstance(templates, _KeptTemplates) else contextlib.nullcontext():
        html = env.get_template("page.html").render(
            # The stylesheet is ours, not input: inserted verbatim so that its hash holds.
            **view.context(), css=Markup(css), csp=content_security_policy(css))
    # The narrow class is several times faster over a whole page; it also stops at any
    # character beyond the BMP, where the full class decides.
    if _CONTROLS_OR_ASTRAL.search(html) and _controls().search(html):
        html = _controls().sub("\ufffd", html)
    return html.encode("utf-8")


# Control characters and noncharacters are not allowed in HTML; a source or a field may
# still hold them (a NUL, an escape sequence, a bell, a U+FFFE). On the page they show as
# U+FFFD; findings.json keeps the text as it is, and offsets are unchanged (one character
# for one). Compiled only for a page that may hold one: most never do.
@cache
def _controls() -> re.Pattern[str]:
    return re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef"
                      + "".join(chr(plane + 0xFFFE) + chr(plane + 0xFFFF)
                                for plane in range(0, 0x110000, 0x10000)) + "]")


# (A negated class would search faster still, but compiling its BMP-wide bitmap costs
# more than the search saves in a one-build process.)
_CONTROLS_OR_ASTRAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff"
                                 "\U00010000-\U0010ffff]")


def _whole_passage_rules(view: Page) -> str:
    """A passage in several pieces carries its id on the first piece only; these rules
    light up every piece when a citation targets it, with no script."""
    rules = []
    for source in view.sources:
        for mark in source.split_passages:
            rules.append(f'.source-text:has(#{mark.anchor}:target) '
                         f'mark[data-passages~="{mark.number}"]'
                         "{background:var(--target);outline:2px solid var(--target-line)}")
    return "".join(f"\n{rule}" for rule in rules) + ("\n" if rules else "")
