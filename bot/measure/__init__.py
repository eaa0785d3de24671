"""Measuring scripts: quality of the ingest readers against documents with known text."""
