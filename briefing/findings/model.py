"""Model: what a briefing, a source, a claim and an estimate are.

This is the one place that says so. Validation of types and allowed values, the JSON
Schema in ``findings.schema.json`` and the key reference in ``docs/findings-format.md``
all come from these classes and their field docstrings.
"""

import datetime as dt
import math
from typing import Annotated, Any, Literal, NamedTuple

from .typed import Check, Invalid, MaxLen, MinLen, Pattern, Timed

# The largest figure taken: beyond it floats lose whole units, and no count is that big.
MAX_FIGURE = 10**15


def _plain_number(value: Any) -> Any:
    """Numbers only as numbers: YAML's yes/no and quoted digits are refused, not coerced."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise Invalid("plain_number", "a number is needed")
    if not math.isfinite(value) or abs(value) > MAX_FIGURE:
        raise Invalid("figure_range", f"a finite figure of at most {MAX_FIGURE:,} is needed")
    return value


def _plain_grade(value: Any) -> Any:
    if isinstance(value, bool):
        raise Invalid("plain_number", "a number is needed")
    return value


# The longest id: an id is repeated in every link to its entry, so a long one multiplies
# the page's size.
MAX_ID_LENGTH = 64
# Lowercase letters, digits and hyphens, starting with a letter or a digit (an id that
# starts with '-' reads as an option on a command line and as a formula in a spreadsheet).
Slug = Annotated[str, MaxLen(MAX_ID_LENGTH), Pattern(r"^[a-z0-9][a-z0-9-]*$")]
# The longest title or publisher: shown again with every citation of the source.
MAX_TITLE_LENGTH = 300
Title = Annotated[str, MinLen(1), MaxLen(MAX_TITLE_LENGTH)]
# An address a reader's browser may open: web addresses only, never javascript: or file:.
URL_PATTERN = r"^https?://\S+$"
Url = Annotated[str, Pattern(URL_PATTERN)]
Kind = Literal["reported", "judgment", "assumption"]
Reliability = Literal["A", "B", "C", "D", "E", "F"]
Credibility = Annotated[Literal[1, 2, 3, 4, 5, 6], Check(_plain_grade)]
Likelihood = Literal[
    "almost no chance",
    "very unlikely",
    "unlikely",
    "roughly even chance",
    "likely",
    "very likely",
    "almost certain",
]
Confidence = Literal["high", "moderate", "low"]
Flag = Literal["likely-error", "misattributed", "inconsistent", "disputed", "unverified"]
Qualifier = Literal[
    "about", "approximately", "up to", "as many as", "at least", "more than", "exactly"
]
Number = Annotated[float, Check(_plain_number, "number")]
Text = Annotated[str, MinLen(1)]
Basis = Literal["count", "possible", "forecast", "plan"]


def _share(value: Any) -> Any:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
        raise Invalid("share", "a share from 0 to 1 is needed, like 0.9 for 90%")
    return value


def _edition(value: Any) -> Any:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise Invalid("edition", "a whole number from 1 is needed, like 3")
    return value


def _latitude(value: Any) -> Any:
    return _degrees(value, 90, "latitude", "north of the equator, like 51.73")


def _longitude(value: Any) -> Any:
    return _degrees(value, 180, "longitude", "east of Greenwich, like 36.19")


def _degrees(value: Any, limit: int, name: str, example: str) -> Any:
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or not math.isfinite(value)
        or abs(value) > limit
    ):
        raise Invalid(
            "degrees", f"a {name} from -{limit} to {limit} degrees is needed, positive {example}"
        )
    return value


Share = Annotated[float, Check(_share, "number")]
Latitude = Annotated[float, Check(_latitude, "number")]
Longitude = Annotated[float, Check(_longitude, "number")]
# A date, or a date and time to the minute where the time of day matters.
Moment = Annotated[dt.date, Timed()]
Edition = Annotated[int, Check(_edition, "integer")]


class Briefing(NamedTuple):
    """What the briefing is about and when its information stops."""

    title: Text
    """The briefing's headline."""
    as_of: dt.date
    """The information cut-off date (YYYY-MM-DD): nothing later was considered."""
    scope: str | None = None
    """Markdown, a sentence or two: what the briefing rests on and what it answers (a
    scope note), shown boxed under the Bottom line heading. Beyond about 200 characters
    it pushes the bottom line off a phone's first screen."""
    summary: str | None = ""
    """Markdown: the bottom line up front, resting on the key judgments."""
    implications: str | None = None
    """Markdown: what it means for the reader; shown right after the bottom line."""
    grading: str | None = None
    """Markdown: how this briefing applies the scales (what a credibility grade rates,
    when a claim is flagged unverified), shown at the head of the grades annex."""
    edition: Edition | None = None
    """Issue number of this briefing (1, 2, 3...), shown in the header."""
    author: str | None = None
    """Who wrote the briefing (a person or a desk), shown in the header."""
    marking: str | None = None
    """Handling marking, shown at the top and bottom of the page and on every printed page."""
    min_coverage: Share | None = None
    """Share of each source's sentences some quote should touch (0.9 for 90%); a source
    covered less gets a warning (lint code low-coverage)."""
    previous: Annotated[str, MinLen(1), Pattern(r"^[^\x00-\x1f]+$")] | None = None
    """The previous edition's findings.json, relative to findings.yaml (like
    editions/1/findings.json): every build, --check, --watch and pdf say what changed since
    it; --previous on the command line overrides it."""


class Origin(NamedTuple):
    """A primary origin that sources relay: a press briefing, a statement, a wire story."""

    id: Slug
    """Short unique name; sources and evidence name it in ``origin``."""
    title: Title
    """What and when, like 'Blinken and Austin remarks, State Department, 31 October 2024'."""
    url: Url | None = None
    """Where the primary material is, if known; http(s) only."""
    note: str | None = None
    """Markdown analyst comment on the origin."""
    by: str | None = None
    """The body or person behind the origin, its originator (like 'US Department of
    Defense'): origins with the same ``by`` count once as corroboration; an origin without
    it is its own originator."""


class Reference(NamedTuple):
    """Material consulted but not held as a text under ``sources/``: the build cannot
    check it, and the briefing lists it as such."""

    id: Slug
    """Short unique name (among every id of the findings); Markdown links it as
    ``[text](#id)``."""
    title: Text
    """What it is: a report, a statement, a dataset."""
    publisher: str | None = None
    """Who published it, if known."""
    published: dt.date | None = None
    """Publication date (YYYY-MM-DD), if known."""
    url: Url | None = None
    """Where it is; http(s) only."""
    accessed: dt.date | None = None
    """When it was consulted (YYYY-MM-DD)."""
    note: str | None = None
    """Markdown analyst comment: what was taken from it."""


class Quantity(NamedTuple):
    """Something the estimates count: the tables come in the order of this list."""

    name: Text
    """The quantity's name, as each estimate's quantity gives it."""
    unit: str | None = None
    """What one of it is (people, ships, metres), shown with its figures."""
    note: str | None = None
    """Markdown: what is counted and what is not, shown with its table."""


class Place(NamedTuple):
    """A place the briefing speaks of, marked on the locator map."""

    id: Slug
    """Short unique name; claims and estimates name it in place, and [text](#id) links to it."""
    name: Text
    """The place's name as the map labels it."""
    lat: Latitude
    """Latitude in decimal degrees, -90 to 90 (north is positive)."""
    lon: Longitude
    """Longitude in decimal degrees, -180 to 180 (east is positive)."""


class Acknowledgment(NamedTuple):
    """A lint warning the analyst has weighed and accepts, with the reason shown in the
    briefing's caveats."""

    warning: Text
    """The lint code acknowledged, like single-origin (each warning message names its code)."""
    reason: Text
    """Markdown: why the warning is accepted; shown in the caveats."""


class Source(NamedTuple):
    """A source text, kept byte-for-byte as received under ``sources/``."""

    id: Slug
    """Short unique name, lowercase letters, digits and hyphens; evidence cites it."""
    file: Annotated[str, MinLen(1), Pattern(r"^[^\x00-\x1f]+$")]
    """Path of the text, relative to findings.yaml; must stay inside the project."""
    title: Title
    """The source's headline or a descriptive title."""
    publisher: Annotated[str, MaxLen(MAX_TITLE_LENGTH)] | None = None
    """Who published it, if known."""
    published: dt.date | None = None
    """Publication date (YYYY-MM-DD), if known or inferred (say how in the note)."""
    url: Url | None = None
    """Where it was found; http(s) only."""
    reliability: Reliability = "F"
    """Admiralty source reliability, A (completely reliable) to F (cannot be judged)."""
    sha256: Annotated[str, Pattern(r"^[0-9a-f]{64}$")] | None = None
    """Pin of the file's bytes (lowercase hex); the build fails if the file changes."""
    note: str | None = None
    """Markdown analyst comment on the source: provenance, inferred dates, grading."""
    origin: Slug | None = None
    """The origin all of this source's material comes from, if it relays one (an id from
    origins), or ``own`` for the outlet's own reporting (the default)."""
    language: Annotated[str, Pattern(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")] = "en"
    """The text's language as a BCP 47 tag (en, de, ko, uk, pt-BR...): it says how the
    text writes numbers ("12.000" is twelve thousand in German)."""
    acknowledge: tuple[Acknowledgment, ...] = ()
    """Lint warnings about this source that are accepted, each with its reason."""


class Evidence(NamedTuple):
    """A verbatim passage of a source that supports a claim."""

    source: Slug
    """The id of the source quoted."""
    quote: Text
    """Verbatim words of the source; '...' may stand for words left out within a paragraph."""
    origin: Slug | None = None
    """The origin this passage relays, when it differs from its source's (an id from
    origins), or ``own`` where the outlet reports on its own in a source that otherwise
    relays an origin."""
    translation: str | None = None
    """The passage in English, for a source in another language: the quote is checked in
    the original, and the page shows this beside it, marked as a translation."""
    translated_by: str | None = None
    """Who translated the passage (a named translator or a tool), when not the analyst."""


class Estimate(NamedTuple):
    """A number a claim states, shown in the estimates table of its quantity."""

    quantity: Text
    """What is counted; one table per quantity."""
    estimator: Text
    """Who makes the estimate (a government, an agency, a person)."""
    location: Text
    """Where the counted things are."""
    value: Number | None = None
    """The figure; give either this or low and high."""
    low: Number | None = None
    """Lower end of a range (with high)."""
    high: Number | None = None
    """Upper end of a range (with low)."""
    qualifier: Qualifier | None = None
    """How the source hedges the figure, in its own words."""
    as_of: Moment | None = None
    """The time the figure describes (YYYY-MM-DD, or YYYY-MM-DDTHH:MM); for a forecast or
    a plan, the time it is for."""
    basis: Basis = "count"
    """count (what is there now), possible (what may be there now: "could be as high as"),
    forecast (what is expected) or plan (what is intended): only a count is a count."""
    stated: Moment | None = None
    """When the estimator gave the figure (YYYY-MM-DD, or YYYY-MM-DDTHH:MM)."""
    place: Slug | None = None
    """Where on the map (an id from places); location stays the words the table shows."""
    note: str | None = None
    """Markdown: a remark on this figure, shown with its row."""


IndicatorStatus = Literal["not-seen", "seen", "contradicted"]


class Indicator(NamedTuple):
    """Something to watch for that would confirm or overturn a judgment, with whether it
    has been seen."""

    text: Text
    """Markdown: what would be seen."""
    status: IndicatorStatus = "not-seen"
    """not-seen, seen or contradicted (seen, but the other way)."""
    as_of: dt.date | None = None
    """When the status was last checked."""
    note: str | None = None
    """Markdown: what was seen, and where."""


def indicator(entry: "str | Indicator") -> Indicator:
    """An indicator written as plain text, as a record not yet seen."""
    return Indicator(entry) if isinstance(entry, str) else entry


class Claim(NamedTuple):
    """One claim: reported by a source, or the analyst's judgment or assumption."""

    id: Slug
    """Short unique name among claims; judgments cite it in based_on."""
    statement: Text
    """Markdown: the claim in the analyst's own words."""
    kind: Kind = "reported"
    """reported (a source says so), judgment or assumption (the analyst's own)."""
    topic: str | None = None
    """Heading the claim is grouped under in the briefing."""
    said_by: str | None = None
    """Who made the claim: the person or body the source attributes it to."""
    credibility: Credibility | None = None
    """Admiralty information credibility, 1 (confirmed) to 6 (cannot be judged)."""
    likelihood: Likelihood | None = None
    """ICD 203 likelihood term; judgments only."""
    confidence: Confidence | None = None
    """Analytic confidence: high, moderate or low; judgments only."""
    based_on: tuple[Slug, ...] = ()
    """Judgments: ids of the claims they rest on."""
    evidence: tuple[Evidence, ...] = ()
    """Passages that support the claim; reported claims need at least one."""
    flag: Flag | None = None
    """Marks doubtful material: likely-error, misattributed, inconsistent, disputed, unverified."""
    note: str | None = None
    """Markdown analyst comment; required when flag is set."""
    estimate: Estimate | None = None
    """Puts the claim in the estimates table of its quantity."""
    date: Moment | None = None
    """When the reported event happened (YYYY-MM-DD, or YYYY-MM-DDTHH:MM): dated claims
    make the chronology. For a claim whose estimate is a forecast or a plan it is the time
    the figure is for, which the chronology shows as "for 3 Nov 2024"; when the figure was
    given is the estimate's ``stated``."""
    place: Slug | None = None
    """Where it happened (an id from places)."""
    alternatives: tuple[Text, ...] = ()
    """Judgments: Markdown list of other explanations weighed, and why they rank lower."""
    indicators: tuple[Text | Indicator, ...] = ()
    """Judgments: what would confirm or overturn it, gathered in What to watch: each a
    Markdown text, or ``{text, status, as_of, note}`` once it has been looked for."""
    revised: str | None = None
    """Markdown: why a judgment's likelihood or confidence moved since the previous edition."""
    acknowledge: tuple[Acknowledgment, ...] = ()
    """Lint warnings about this claim that are accepted, each with its reason."""


class Findings(NamedTuple):
    """The whole findings.yaml."""

    briefing: Briefing
    """Title, cut-off date and bottom line."""
    sources: Annotated[tuple[Source, ...], MinLen(1)]
    """The source texts; at least one."""
    claims: tuple[Claim, ...]
    """The claims, in the order the analyst wants them read."""
    origins: tuple[Origin, ...] = ()
    """The primary origins that sources relay, so that relayed copies are not counted as
    corroboration."""
    references: tuple[Reference, ...] = ()
    """Material consulted but not held as a text: linked from Markdown, never checked."""
    quantities: tuple[Quantity, ...] = ()
    """What the estimates count, in the order their tables come; when given, every
    estimate's quantity is one of these names."""
    places: tuple[Place, ...] = ()
    """The places the briefing speaks of, for the locator map."""
