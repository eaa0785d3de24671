"""Factbot: cited answers from a team's policy articles, in Discord and in a console."""

__version__ = "0.1.0"
