"""Sourced analytic briefings: findings.yaml in, a verified static HTML briefing out."""

__version__ = "0.1.0"
