"""Schema: findings.schema.json, generated from the model for editors and other tools.

Refresh it with ``python -m briefing.findings.schema > findings.schema.json``; a test fails when
the committed file and the model disagree.
"""

from __future__ import annotations

import json

from .model import Findings


def schema_text() -> str:
    schema = Findings.model_json_schema()
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema",
              "title": "findings.yaml", **schema}
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    print(schema_text(), end="")
