"""The fixed vocabularies of the trade: Admiralty grades and ICD 203 terms.

These are the standards' words, not anything about a particular case. The briefing takes
its legends from here; the model spells the same values as types, and a test keeps the
two in step.
"""

from __future__ import annotations

# NATO AJP-2.1 / "Admiralty code": how far the source has proved reliable in the past.
SOURCE_RELIABILITY: dict[str, str] = {
    "A": "Completely reliable",
    "B": "Usually reliable",
    "C": "Fairly reliable",
    "D": "Not usually reliable",
    "E": "Unreliable",
    "F": "Reliability cannot be judged",
}

# ... and how credible this one piece of information is.
INFORMATION_CREDIBILITY: dict[int, str] = {
    1: "Confirmed by other sources",
    2: "Probably true",
    3: "Possibly true",
    4: "Doubtful",
    5: "Improbable",
    6: "Truth cannot be judged",
}

# ICD 203, section D.6.b(2)(a): the terms of likelihood and their probability ranges.
LIKELIHOOD: dict[str, tuple[int, int]] = {
    "almost no chance": (1, 5),
    "very unlikely": (5, 20),
    "unlikely": (20, 45),
    "roughly even chance": (45, 55),
    "likely": (55, 80),
    "very likely": (80, 95),
    "almost certain": (95, 99),
}

CONFIDENCE: dict[str, str] = {
    "high": "Well-corroborated information from proven sources; the judgment could still be wrong",
    "moderate": "Credibly sourced and plausible, but not corroborated enough for high confidence",
    "low": "Scant, questionable or fragmented information; significant concerns remain",
}

KINDS: dict[str, str] = {
    "reported": "What a source reports; the analyst vouches only for the quote",
    "judgment": "The analyst's own assessment, resting on reported claims",
    "assumption": "Taken as true for the analysis, without direct evidence",
}

FLAGS: dict[str, str] = {
    "likely-error": "Probably wrong as reported",
    "misattributed": "Attributed to someone who is unlikely to have said it",
    "inconsistent": "Conflicts with other material in the sources",
    "disputed": "Sources or estimators disagree",
    "unverified": "Not confirmed independently: one originator carries it",
}

# What each kind of figure is, as a reader says it of a figure that is not a count.
BASIS: dict[str, str] = {
    "possible": "a possibility",
    "forecast": "a forecast",
    "plan": "a plan",
}

# What each qualifier says about the true figure: the chart draws it so, and a qualifier
# is checked against the source's own hedging by this meaning.
QUALIFIERS: dict[str, str] = {
    "about": "approximate",
    "approximately": "approximate",
    "up to": "upper bound",
    "as many as": "upper bound",
    "at least": "lower bound",
    "more than": "lower bound",
    "exactly": "exact",
}

# ICD 203's estimative expressions, by the likelihood band they stand for: the term
# itself and the synonyms the standard lists beside it.
ESTIMATIVE_WORDS: dict[str, tuple[str, ...]] = {
    "almost no chance": ("almost no chance", "remote", "remotely"),
    "very unlikely": ("very unlikely", "highly improbable", "highly unlikely"),
    "unlikely": ("unlikely", "improbable", "improbably"),
    "roughly even chance": ("roughly even chance", "roughly even odds", "even chance"),
    "likely": ("likely", "probable", "probably"),
    "very likely": ("very likely", "highly probable", "highly likely"),
    "almost certain": ("almost certain", "almost certainly", "nearly certain", "nearly certainly"),
}
