"""Measuring scripts: quality and speed of the readers on a folder of sample documents."""
