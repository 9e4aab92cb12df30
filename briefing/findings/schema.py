"""Schema: findings.schema.json, generated from the model for editors and other tools.

Refresh it with ``python -m briefing.findings.schema > findings.schema.json``; a test fails when
the committed file and the model disagree.
"""

from __future__ import annotations

import json

from .model import Findings
from .typed import json_schema


def schema_text() -> str:
    schema = json_schema(Findings, "findings.yaml")
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    print(schema_text(), end="")
