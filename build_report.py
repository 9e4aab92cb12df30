"""Build the briefing: ``python build_report.py --help`` for the options."""

from briefing.cli import run

run()
