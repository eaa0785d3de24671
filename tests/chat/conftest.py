"""Fixtures for the Discord layer's end-to-end tests."""

from tests.fakediscord.fixtures import fake_discord  # noqa: F401
