"""Import annotations.jsonld back, as another tool would: find each annotated source among
a folder's files by the SHA-256 its target names, and anchor each TextQuoteSelector in
that text by its exact, prefix and suffix alone (the TextPositionSelector is not used).

    python tests/reanchor.py REPORT/annotations.jsonld PROJECT/sources

Prints a JSON list of [tag, ni IRI, start, end] per annotation; a quote that anchors
nowhere or in more than one place is printed with start and end null.
"""

from __future__ import annotations

import base64
import hashlib
import json
import sys
from pathlib import Path


def ni_iri(data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=")
    return "ni:///sha-256;" + digest.decode("ascii")


def plain_text(data: bytes) -> str:
    """The text as the report counts it: UTF-8, BOM dropped, CRLF and CR read as LF."""
    return data.decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")


def anchor(text: str, selector: dict[str, str]) -> tuple[int, int] | None:
    exact, prefix, suffix = (
        selector["exact"],
        selector.get("prefix", ""),
        selector.get("suffix", ""),
    )
    found = []
    at = text.find(exact)
    while at >= 0:
        before, after = text[:at], text[at + len(exact) :]
        if (
            before.endswith(prefix)
            and (prefix or not before)
            and after.startswith(suffix)
            and (suffix or not after)
        ):
            found.append((at, at + len(exact)))
        at = text.find(exact, at + 1)
    return found[0] if len(found) == 1 else None


def main(annotations: Path, folder: Path) -> list[list[object]]:
    texts = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            texts[ni_iri(data)] = plain_text(data)
    collection = json.loads(annotations.read_text(encoding="utf-8"))
    rows: list[list[object]] = []
    for item in collection["first"]["items"]:
        tag = next(b["value"] for b in item["body"] if b.get("purpose") == "tagging")
        source = item["target"]["source"]["id"]
        quote = next(s for s in item["target"]["selector"] if s["type"] == "TextQuoteSelector")
        place = anchor(texts[source], quote)
        rows.append([tag, source, *(place or (None, None))])
    return rows


if __name__ == "__main__":
    print(json.dumps(main(Path(sys.argv[1]), Path(sys.argv[2]))))
