"""Saved page: the text a reader of a saved web page is shown, and what the page says of
itself.

A page can carry text no reader sees: elements marked hidden, templates, text styled away
(``display:none``, zero size, transparent, far off-screen). Such text must never become a
source, or a quote of it would verify against words nobody was shown. Elements hidden by
the page's markup, by their own ``style`` or by a simple rule of a ``<style>`` element
in the page are removed before the article's text is extracted. Stylesheets the saved
page only links to are not there to read, and rules inside ``@media`` blocks are not
applied.

The page's metadata (``og:site_name``, a canonical link, a date) is what the page says
of itself, which a look-alike page can say as well as the real one: each value found is
returned with the tag it came from, for the analyst to check.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, NamedTuple

from ..errors import printable
from ..findings.model import URL_PATTERN

# Never shown: a template's content, what shows only without scripts, a closed dialog.
_UNSHOWN_TAGS = ("template", "noscript", "script", "style")
_HIDDEN_MARKUP = ("//*[@hidden]", "//*[@aria-hidden='true']", "//dialog[not(@open)]")
_ZERO = re.compile(r"^[-+]?0*\.?0+(?:[a-z%]+)?$")
_LENGTH = re.compile(r"^(-?\d*\.?\d+)(px|em|rem|ch|ex|pt|pc|cm|mm|in|%|vw|vh)?$")
# Far enough off the page that no window shows it, in CSS pixels per unit.
_OFF_PAGE_PX = 500
_PX_PER = {
    "px": 1.0,
    "em": 16.0,
    "rem": 16.0,
    "ch": 8.0,
    "ex": 8.0,
    "pt": 4 / 3,
    "pc": 16.0,
    "cm": 37.8,
    "mm": 3.78,
    "in": 96.0,
}
_OFFSETS = (
    "left",
    "right",
    "top",
    "bottom",
    "margin-left",
    "margin-right",
    "margin-top",
    "text-indent",
)
_SIMPLE_SELECTOR = re.compile(r"^([a-z][a-z0-9]*)?((?:[.#][-_a-zA-Z0-9]+)*)$")


class Said(NamedTuple):
    """A value a file gives for itself, and where in it: "the page's og:site_name"."""

    value: str
    origin: str


def visible_tree(raw: bytes) -> Any:
    """The saved page parsed (in its declared or detected encoding) as an lxml tree, with
    every element a reader is not shown removed; None when it is not a page."""
    from trafilatura.utils import load_html

    tree = load_html(raw)
    if tree is None:
        return None
    hidden_by_rules = _hidden_by_style_elements(tree)
    for element in list(tree.iter(*_UNSHOWN_TAGS)):
        _drop(element)
    for xpath in (*_HIDDEN_MARKUP, *hidden_by_rules):
        for element in tree.xpath(xpath):
            _drop(element)
    for element in tree.xpath("//*[@style]"):
        if hides(element.get("style", "")):
            _drop(element)
    return tree


def _drop(element: Any) -> None:
    """Remove ``element`` and what it holds, keeping the text after it (its parent's)."""
    if element.getparent() is not None:
        element.drop_tree()


def hides(style: str) -> bool:
    """Whether the CSS declarations ``style`` keep an element's text from being seen."""
    declared = _declarations(style)
    if declared.get("display") == "none" or declared.get("visibility") in ("hidden", "collapse"):
        return True
    if any(_ZERO.match(declared.get(name, "1")) for name in ("opacity", "font-size")):
        return True
    if _faint(declared.get("opacity", "")) or _tiny(declared.get("font-size", "")):
        return True
    if _invisible_colour(declared):
        return True
    transform = declared.get("transform", "")
    if re.search(r"scale[xy]?\(\s*0*\.?0+\s*[,)]", transform) or any(
        _far_off("-" + value.strip().lstrip("-"))  # moved away either way
        for value in re.findall(r"translate[xy]?\(([^,)]+)", transform)
    ):
        return True
    if re.search(r"opacity\(\s*0*\.?0+%?\s*\)", declared.get("filter", "")):
        return True
    if _clipped_away(declared):
        return True
    if declared.get("overflow", "").split(" ")[0] in ("hidden", "clip") and any(
        _ZERO.match(declared.get(name, "auto"))
        for name in ("width", "height", "max-width", "max-height")
    ):
        return True
    return any(_far_off(declared.get(name, "")) for name in _OFFSETS)


def _declarations(style: str) -> dict[str, str]:
    declared = {}
    for declaration in style.split(";"):
        name, colon, value = declaration.partition(":")
        if colon:
            value = value.lower().replace("!important", "")
            declared[name.strip().lower()] = " ".join(value.split())
    return declared


def _clipped_away(declared: dict[str, str]) -> bool:
    """A clip leaving at most a pixel: the visually-hidden pattern."""
    clip = re.fullmatch(r"rect\((.*)\)", declared.get("clip", ""))
    if clip:
        sizes = [float(n) for n in re.findall(r"-?\d*\.?\d+", clip.group(1))]
        if sizes and max(sizes) <= 1:
            return True
    path = declared.get("clip-path", "")
    inset = re.fullmatch(r"inset\(\s*(\d*\.?\d+)%\s*\)", path)
    if inset is not None and float(inset.group(1)) >= 50:
        return True
    return re.fullmatch(r"(?:circle|ellipse)\(\s*0*\.?0+(?:[a-z%]+)?(?:\s.*)?\)", path) is not None


def _faint(value: str) -> bool:
    """An opacity no reader sees through: under a tenth."""
    try:
        number = float(value[:-1]) / 100 if value.endswith("%") else float(value)
    except ValueError:
        return False
    return number < 0.1


def _tiny(value: str) -> bool:
    """Type under a pixel high."""
    length = _LENGTH.match(value)
    if not length or (length.group(2) or "px") in ("%", "vw", "vh"):
        return False
    return float(length.group(1)) * _PX_PER[length.group(2) or "px"] < 1


def _invisible_colour(declared: dict[str, str]) -> bool:
    """Text coloured transparent (also by an alpha of 0), or the colour of its own
    background."""
    colour = declared.get("color", "")
    if colour == "transparent" or re.fullmatch(
        r"(?:rgba|hsla)\(.*[,/]\s*0*\.?0+%?\s*\)|#[0-9a-f]{6}00|#[0-9a-f]{3}0", colour
    ):
        return True
    background = declared.get("background-color") or declared.get("background", "")
    return bool(colour) and colour == background


def _far_off(value: str) -> bool:
    """Whether an offset puts an element out of any window (left:-9999px and the like)."""
    length = _LENGTH.match(value)
    if not length:
        return False
    number, unit = float(length.group(1)), length.group(2) or "px"
    if unit in ("%", "vw", "vh"):
        return number <= -100
    return number * _PX_PER[unit] <= -_OFF_PAGE_PX


def _hidden_by_style_elements(tree: Any) -> list[str]:
    """XPaths of the elements that top-level rules of the page's ``<style>`` elements
    hide, for the rules written with simple selectors (``p``, ``.note``, ``#id``,
    ``span.x``)."""
    found = []
    for style in tree.iter("style"):
        css = re.sub(r"/\*.*?\*/", "", style.text_content(), flags=re.DOTALL)
        for selectors, body in _top_level_rules(css):
            if hides(body):
                found += [x for x in map(_xpath, selectors.split(",")) if x]
    return found


def _top_level_rules(css: str) -> list[tuple[str, str]]:
    """(selectors, declarations) of the rules not inside an at-rule block."""
    rules, depth, start, prelude = [], 0, 0, ""
    for match in re.finditer(r"[{}]", css):
        if match.group() == "{":
            if depth == 0:
                prelude, start = css[start : match.start()].strip(), match.end()
            depth += 1
        else:
            depth = max(0, depth - 1)
            if depth == 0:
                if not prelude.startswith("@"):
                    rules.append((prelude, css[start : match.start()]))
                start = match.end()
    return rules


def _xpath(selector: str) -> str | None:
    parts = _SIMPLE_SELECTOR.match(selector.strip())
    if not parts or not any(parts.groups()):
        return None
    tag, rest = parts.group(1) or "*", parts.group(2)
    tests = []
    for kind, name in re.findall(r"([.#])([-_a-zA-Z0-9]+)", rest):
        tests.append(
            f"[@id='{name}']"
            if kind == "#"
            else f"[contains(concat(' ', normalize-space(@class), ' '), ' {name} ')]"
        )
    return f"//{tag}{''.join(tests)}"


def said_of_itself(tree: Any) -> dict[str, Said]:
    """The title, publisher, date and address the page gives for itself, each with the
    tag it came from; a value that is not plain one-line text, a date or an http(s)
    address is left out."""
    meta: dict[str, str] = {}
    for element in tree.iter("meta"):
        key = (
            (element.get("property") or element.get("name") or element.get("itemprop") or "")
            .strip()
            .lower()
        )
        if key and key not in meta and element.get("content"):
            meta[key] = element.get("content", "")
    for element in tree.iter("link"):
        if "canonical" in (element.get("rel") or "").lower().split() and element.get("href"):
            meta.setdefault("canonical link", element.get("href", ""))
    title = tree.find(".//title")
    if title is not None:
        meta["<title>"] = title.text_content()
    candidates = {
        "title": ("og:title", "<title>"),
        "publisher": ("og:site_name", "application-name"),
        "published": ("article:published_time", "datepublished", "date"),
        "url": ("canonical link", "og:url"),
    }
    found = {}
    for field, tags in candidates.items():
        for tag in tags:
            value = _usable(field, meta.get(tag, ""))
            if value:
                found[field] = Said(value, f"the page's {tag}")
                break
    return found


def _usable(field: str, value: str) -> str | None:
    value = " ".join(value.split())
    if not value or printable(value) != value or len(value) > 500:
        return None
    if field == "published":
        try:
            return dt.date.fromisoformat(value[:10]).isoformat()
        except ValueError:
            return None
    if field == "url" and not re.match(URL_PATTERN, value):
        return None
    return value
